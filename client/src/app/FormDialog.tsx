import type { ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import './ConfirmDialog.css';

type Props = {
  title: string;
  children: ReactNode;
  testId: string;
  onClose: () => void;
  /** Sizes the dialog for its content (a wide form); the default fits a short one. */
  className?: string;
};

/**
 * A modal dialog holding a form or a result (React Aria: focus stays inside, Esc closes, focus
 * returns to what opened it). Unlike ConfirmDialog it is a plain dialog, not an alertdialog.
 */
export function FormDialog({ title, children, testId, onClose, className }: Props) {
  return (
    <ModalOverlay
      isOpen
      isDismissable
      className="confirm-dialog-overlay"
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <Modal className={className ? `confirm-dialog form-dialog ${className}` : 'confirm-dialog form-dialog'}>
        <Dialog data-testid={testId} className="confirm-dialog__dialog">
          <Heading slot="title" className="confirm-dialog__title">
            {title}
          </Heading>
          {children}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

type ActionsProps = {
  /** Shown above the buttons, announced when it appears. */
  failure: string | null;
  failureTestId?: string;
  cancelLabel: string;
  cancelTestId?: string;
  submitLabel: string;
  submitTestId: string;
  busy: boolean;
  onCancel: () => void;
};

/**
 * The foot of a dialog's form: the reason the last attempt failed, then cancel and submit.
 * Submit stays focusable while busy (aria-disabled, not disabled) so focus is not lost.
 */
export function FormActions({ failure, failureTestId, cancelLabel, cancelTestId, submitLabel, submitTestId, busy, onCancel }: ActionsProps) {
  return (
    <>
      {failure && (
        <p className="form__error" role="alert" data-testid={failureTestId}>
          {failure}
        </p>
      )}
      <div className="confirm-dialog__actions">
        <button type="button" className="button" onClick={onCancel} data-testid={cancelTestId}>
          {cancelLabel}
        </button>
        <button type="submit" className="button button--primary" aria-disabled={busy} data-testid={submitTestId}>
          {submitLabel}
        </button>
      </div>
    </>
  );
}
