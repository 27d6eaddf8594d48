import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react';
import { useI18n } from '../i18n';

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
 * A modal confirmation on the native <dialog>: the browser traps focus inside, makes the
 * rest of the page inert and closes it on Esc. The caller decides where focus returns.
 */
export function ConfirmDialog(props: Props) {
  const { t } = useI18n();
  const { initialFocus, onCancel } = props;
  const dialogRef = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    (initialFocus?.current ?? cancelRef.current)?.focus();
    return () => dialog.close();
  }, [initialFocus]);

  return (
    <dialog
      ref={dialogRef}
      className="confirm-dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      data-testid={props.testId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!props.confirmDisabled) props.onConfirm();
        }}
      >
        <h2 id={titleId} className="confirm-dialog__title">
          {props.title}
        </h2>
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
    </dialog>
  );
}
