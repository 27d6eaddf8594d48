import { useEffect, useId, useRef, type ReactNode } from 'react';
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
  const sheet = layout === 'sheet';

  useEffect(() => {
    if (!sheet || !open) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // The page behind does not scroll under the sheet.
    const root = document.documentElement;
    const overflow = root.style.overflow;
    root.style.overflow = 'hidden';
    // Unless a field inside asked for the focus already (a jump to a KPI's field).
    if (!document.querySelector('.measures-kpi-sheet')?.contains(document.activeElement)) closeRef.current?.focus();
    return () => {
      root.style.overflow = overflow;
      if (opener?.isConnected) opener.focus({ preventScroll: true });
    };
  }, [sheet, open]);

  if (!sheet) {
    return (
      <aside className="measures-kpi-side" data-testid="kpi-side" aria-label={title}>
        {children}
      </aside>
    );
  }
  if (!open) return null;
  return (
    <div
      className="measures-kpi-sheet"
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      data-testid="kpi-sheet"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented) {
          event.stopPropagation();
          onClose();
        }
      }}
    >
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
    </div>
  );
}
