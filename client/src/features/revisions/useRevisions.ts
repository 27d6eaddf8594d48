import type { Revision } from '@sakutei/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useSession } from '../../app/session';
import { ApiError } from '../../lib/api';
import { listRevisions } from '../../lib/revisionsApi';

/** Reviews are decided in other browsers; this is how stale a status on screen may get. */
const POLL_MS = 10_000;

export interface RevisionsState {
  /** Oldest first; null until the first answer. */
  revisions: readonly Revision[] | null;
  /** The last reading failed (what is on screen, if anything, is older). */
  failed: boolean;
  reload(): void;
  /** Shows a revision an action just returned, before the list is read again. */
  replace(revision: Revision): void;
}

/**
 * The plan's revisions, kept fresh by polling while mounted, and read again when the
 * browser tab comes back into view. Only the newest request's answer is used.
 */
export function useRevisions(planId: string): RevisionsState {
  const { expire } = useSession();
  const [revisions, setRevisions] = useState<readonly Revision[] | null>(null);
  const [failed, setFailed] = useState(false);
  const latest = useRef(0);

  const reload = useCallback(() => {
    const seq = ++latest.current;
    listRevisions(planId).then(
      (response) => {
        if (seq !== latest.current) return;
        setRevisions(response.revisions);
        setFailed(false);
      },
      (error: unknown) => {
        if (seq !== latest.current) return;
        if (error instanceof ApiError && error.status === 401) expire();
        else setFailed(true);
      },
    );
  }, [planId, expire]);

  useEffect(() => {
    reload();
    const visible = () => document.visibilityState === 'visible';
    const timer = setInterval(() => {
      if (visible()) reload();
    }, POLL_MS);
    const onVisibility = () => {
      if (visible()) reload();
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
      // Answers still on their way belong to a view that is gone.
      latest.current++;
    };
  }, [reload]);

  const replace = useCallback((revision: Revision) => {
    setRevisions((list) => list?.map((known) => (known.id === revision.id ? revision : known)) ?? list);
  }, []);

  return { revisions, failed, reload, replace };
}
