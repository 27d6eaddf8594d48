import type { ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import '../../app/ConfirmDialog.css';

type Props = {
  title: string;
  children: ReactNode;
  testId: string;
  onClose: () => void;
};

/**
 * A modal dialog holding a form or a result (React Aria: focus stays inside, Esc closes, focus
 * returns to what opened it). Unlike ConfirmDialog it is a plain dialog, not an alertdialog.
 */
export function FormDialog({ title, children, testId, onClose }: Props) {
  return (
    <ModalOverlay
      isOpen
      isDismissable
      className="confirm-dialog-overlay"
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <Modal className="confirm-dialog members-dialog">
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
