/** The error line and buttons under every comment text box (new thread, reply, edit). */
export function CommentFormActions({
  error,
  submitLabel,
  submitTestId,
  empty,
  pending,
  cancel,
}: {
  error: string | null;
  submitLabel: string;
  submitTestId: string;
  empty: boolean;
  pending: boolean;
  cancel?: { label: string; onClick: () => void; testId?: string };
}) {
  return (
    <>
      {error && (
        <p className="comments-error" role="alert">
          {error}
        </p>
      )}
      <div className="comments-actions">
        <button
          type="submit"
          className="button button--quiet button--primary"
          data-testid={submitTestId}
          disabled={empty}
          // Not disabled while sending: that would drop focus; a second submit is ignored instead.
          aria-disabled={pending || undefined}
        >
          {submitLabel}
        </button>
        {cancel && (
          <button type="button" className="button button--quiet" data-testid={cancel.testId} onClick={cancel.onClick}>
            {cancel.label}
          </button>
        )}
      </div>
    </>
  );
}
