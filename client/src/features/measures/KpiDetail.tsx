import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react';
import { Dialog, Modal, ModalOverlay } from 'react-aria-components';
import { useI18n } from '../../i18n';

type Props = {
  /** Beside the grid (wide screens), or a sheet over the page (narrow screens, phones). */
  layout: 'side' | 'sheet';
  /** For the sheet: whether it is showing. The side panel always is. */
  open: boolean;
  onClose: () => void;
  /** Names the sheet: 成果指標 and the row. */
  title: string;
  children: ReactNode;
};

/**
 * Where the KPI panel is shown. On a wide screen it is a column beside the grid that
 * stays in view while the page scrolls (sticky), so clicking a row shows its KPIs where
 * the reader is looking. On a narrow screen it is a full-screen sheet with a close button:
 * focus moves into it on opening, Esc or 閉じる close it, and focus returns to where it was.
 */
export function KpiDetail({ layout, open, onClose, title, children }: Props) {
  const { t } = useI18n();
  const titleId = useId();
  const closeRef = useRef<HTMLButtonElement>(null);

  if (layout === 'side') {
    return (
      <aside className="measures-kpi-side" data-testid="kpi-side" aria-label={title}>
        {children}
      </aside>
    );
  }
  // React Aria's modal keeps Tab inside, hides the page from screen readers, stops it
  // scrolling and gives the focus back to the opener on closing.
  return (
    <ModalOverlay
      isOpen={open}
      onOpenChange={(isOpen) => !isOpen && onClose()}
      isDismissable={false}
      className="measures-kpi-sheet-overlay"
    >
      <Modal className="measures-kpi-sheet-modal">
        <Dialog className="measures-kpi-sheet" aria-labelledby={titleId} data-testid="kpi-sheet">
          <SheetFocus closeRef={closeRef} />
          <div className="measures-kpi-sheet__bar">
            <button ref={closeRef} type="button" className="button button--quiet" data-testid="kpi-sheet-close" onClick={onClose}>
              <span aria-hidden="true">← </span>
              {t('measures.kpi.close')}
            </button>
            <p id={titleId} className="measures-kpi-sheet__title">
              {title}
            </p>
          </div>
          <div className="measures-kpi-sheet__body">{children}</div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

/**
 * The close button takes the focus when the sheet opens (the dialog would otherwise hold it),
 * unless a field inside asked for it already (a jump to a KPI's field).
 */
function SheetFocus({ closeRef }: { closeRef: RefObject<HTMLButtonElement | null> }) {
  useEffect(() => {
    const sheet = closeRef.current?.closest('.measures-kpi-sheet');
    const active = document.activeElement;
    if (!sheet || (active !== sheet && sheet.contains(active))) return;
    closeRef.current?.focus();
  }, [closeRef]);
  return null;
}
