import { useId, useState, type ReactNode, type RefObject } from 'react';
import { ConfirmDialog } from '../../app/ConfirmDialog';

type Props = {
  title: string;
  confirmLabel: string;
  testId: string;
  /** The fields; `firstFieldId` goes on the one that takes the focus. */
  children: (ids: { firstFieldId: string; errorId: string }) => ReactNode;
  /** Resolves with null when done, or with what to tell the person (the dialog stays open). */
  onSubmit: () => Promise<string | null>;
  onClose: () => void;
  danger?: boolean;
};

/**
 * A confirmation with fields (create, rename, appoint): React Aria's modal from ConfirmDialog,
 * the first field focused, the server's refusal shown inside while the dialog stays open.
 */
export function FieldDialog({ title, confirmLabel, testId, children, onSubmit, onClose, danger }: Props) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const firstFieldId = `${id}-first`;
  const errorId = `${id}-error`;
  // Stable across renders (ConfirmDialog focuses it whenever it changes); the field itself is
  // the caller's, so it is found by id when the dialog opens.
  const [initialFocus] = useState<RefObject<HTMLElement | null>>(() => ({
    get current() {
      return document.getElementById(firstFieldId);
    },
    set current(_: HTMLElement | null) {},
  }));

  async function confirm() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const problem = await onSubmit();
      if (problem === null) onClose();
      else setError(problem);
    } finally {
      setBusy(false);
    }
  }

  return (
    <ConfirmDialog
      title={title}
      confirmLabel={confirmLabel}
      testId={testId}
      danger={danger}
      confirmDisabled={busy}
      initialFocus={initialFocus}
      onConfirm={() => void confirm()}
      onCancel={onClose}
    >
      {/* Typing again clears the last refusal: it was about what was there before. */}
      <div className="admin-dialog__fields" onInput={() => setError(null)}>
        {children({ firstFieldId, errorId })}
        {error && (
          <p id={errorId} className="form__error" role="alert" data-testid={`${testId}-error`}>
            {error}
          </p>
        )}
      </div>
    </ConfirmDialog>
  );
}
