import type { Revision } from '@sakutei/shared';
import { useCallback, useState } from 'react';
import { useI18n } from '../../i18n';
import { isConflict, revisionErrorMessage } from './errors';

export interface ReviewActionCallbacks {
  /** The revision as the server now has it. */
  onChanged(revision: Revision): void;
  /** The list is stale (another browser moved the review on): read it again. */
  onStale(): void;
  /** Tells screen-reader users (and everyone, in the status line) what happened. */
  announce(text: string): void;
}

/** Runs one review request at a time and keeps its error sentence. */
export function useReviewAction({ onChanged, onStale, announce }: ReviewActionCallbacks) {
  const { t } = useI18n();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = useCallback(
    async (call: () => Promise<{ revision: Revision }>, done: (revision: Revision) => string): Promise<boolean> => {
      if (pending) return false;
      setPending(true);
      setError(null);
      try {
        const { revision } = await call();
        onChanged(revision);
        announce(done(revision));
        return true;
      } catch (failure) {
        setError(revisionErrorMessage(failure, t));
        if (isConflict(failure)) onStale();
        return false;
      } finally {
        setPending(false);
      }
    },
    [pending, onChanged, onStale, announce, t],
  );

  return { run, pending, error, clearError: () => setError(null) };
}
