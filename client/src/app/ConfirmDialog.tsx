import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useI18n } from '../i18n';
import './ConfirmDialog.css';

type Props = {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** A destructive action: the confirm button says so in its colour. */
  danger?: boolean;
  confirmDisabled?: boolean;
  /** What gets the focus when the dialog opens; the cancel button when omitted (the safe choice). */
  initialFocus?: RefObject<HTMLElement | null>;
  testId: string;
  onConfirm: () => void;
  onCancel: () => void;
};

/**
 * A modal confirmation, shown while it is mounted. React Aria's Modal traps focus inside,
 * hides the rest of the page from assistive technology, closes on Esc and gives focus back
 * to what had it when the dialog opened (a caller may move it elsewhere after onCancel).
 * It is an alertdialog: the person has to answer before going on, and clicking outside
 * does not count as an answer.
 */
export function ConfirmDialog(props: Props) {
  const { t } = useI18n();
  const { initialFocus, onCancel } = props;
  const cancelRef = useRef<HTMLButtonElement>(null);
  const bodyId = useId();

  // The Dialog focuses itself on mount; the safe button (or the caller's field) is a better start.
  useEffect(() => {
    (initialFocus?.current ?? cancelRef.current)?.focus();
  }, [initialFocus]);

  return (
    <ModalOverlay
      isOpen
      isDismissable={false}
      className="confirm-dialog-overlay"
      onOpenChange={(open) => {
        if (!open) onCancel();
      }}
    >
      <Modal className="confirm-dialog">
        <Dialog role="alertdialog" aria-describedby={bodyId} data-testid={props.testId} className="confirm-dialog__dialog">
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (!props.confirmDisabled) props.onConfirm();
            }}
          >
            <Heading slot="title" className="confirm-dialog__title">
              {props.title}
            </Heading>
            <div id={bodyId} className="confirm-dialog__body">
              {props.children}
            </div>
            <div className="confirm-dialog__actions">
              <button ref={cancelRef} type="button" className="button" onClick={onCancel} data-testid={`${props.testId}-cancel`}>
                {t('measures.dialog.cancel')}
              </button>
              <button
                type="submit"
                className={`button ${props.danger ? 'measures-button--danger' : 'button--primary'}`}
                disabled={props.confirmDisabled}
                data-testid={`${props.testId}-confirm`}
              >
                {props.confirmLabel}
              </button>
            </div>
          </form>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
