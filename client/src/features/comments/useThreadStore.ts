import type { Thread } from '@sakutei/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n';
import { ApiError } from '../../lib/api';
import * as api from '../../lib/commentsApi';
import type { PlanEventBus } from '../plan/planEvents';
import type { LoadState } from './commentsContext';
import { describeChange } from './threadChanges';

interface Options {
  planId: string;
  userId: string;
  events: PlanEventBus;
  onAuthError(error: unknown): void;
}

export interface ThreadStore {
  /** Every thread of the plan (draft and revisions), in number order. */
  threads: readonly Thread[];
  loadState: LoadState;
  reload(): void;
  /** Takes in threads that a request answered; `seq` from `nextSeq()` taken when it was sent. */
  accept(incoming: readonly Thread[], seq: number): void;
  nextSeq(): number;
  /** The latest change someone else made, for screen readers. */
  announcement: { text: string; seq: number } | null;
}

/**
 * The review threads of one plan, kept live: loaded once, then each thread re-read when the
 * plan's event stream says it changed (and everything re-read after a gap in the stream,
 * since events may have been missed). Responses can arrive out of order, so every request
 * carries a sequence number and an older answer never overwrites a newer one.
 */
export function useThreadStore({ planId, userId, events, onAuthError }: Options): ThreadStore {
  const { t } = useI18n();
  const [threads, setThreads] = useState<Thread[]>([]);
  const [loadState, setLoadState] = useState<LoadState>('loading');
  const [announcement, setAnnouncement] = useState<ThreadStore['announcement']>(null);
  const requestSeq = useRef(0);
  const announced = useRef(0);
  /** Per thread, the sequence number of the request its current copy came from. */
  const acceptedSeq = useRef(new Map<string, number>());
  const threadsRef = useRef<Thread[]>([]);
  useEffect(() => {
    threadsRef.current = threads;
  });

  const nextSeq = useCallback(() => ++requestSeq.current, []);

  const acceptAll = useCallback((incoming: readonly Thread[], seq: number, replaceAll: boolean) => {
    const accepted = acceptedSeq.current;
    const fresh = incoming.filter((thread) => (accepted.get(thread.id) ?? -1) <= seq);
    for (const thread of fresh) accepted.set(thread.id, seq);
    const present = new Set(incoming.map((thread) => thread.id));
    const gone = replaceAll ? [...accepted].filter(([id, at]) => !present.has(id) && at < seq).map(([id]) => id) : [];
    for (const id of gone) accepted.set(id, seq);
    setThreads((previous) => {
      const byId = new Map(previous.map((thread) => [thread.id, thread]));
      for (const id of gone) byId.delete(id);
      for (const thread of fresh) byId.set(thread.id, thread);
      return [...byId.values()].sort((a, b) => a.number - b.number);
    });
  }, []);
  const accept = useCallback((incoming: readonly Thread[], seq: number) => acceptAll(incoming, seq, false), [acceptAll]);

  const forget = useCallback((threadId: string, seq: number) => {
    if ((acceptedSeq.current.get(threadId) ?? -1) > seq) return;
    acceptedSeq.current.set(threadId, seq);
    setThreads((previous) => previous.filter((thread) => thread.id !== threadId));
  }, []);

  const loadAll = useCallback(() => {
    const seq = nextSeq();
    api.listThreads(planId).then(
      ({ threads: list }) => {
        acceptAll(list, seq, true);
        setLoadState('loaded');
      },
      (error: unknown) => {
        onAuthError(error);
        // A failed re-read after a reconnect keeps what is on screen.
        setLoadState((state) => (state === 'loaded' ? state : 'failed'));
      },
    );
  }, [planId, nextSeq, acceptAll, onAuthError]);

  const refreshThread = useCallback(
    (threadId: string) => {
      const seq = nextSeq();
      api.getThread(threadId).then(
        ({ thread }) => {
          if (thread.planId !== planId) return;
          const before = threadsRef.current.find((known) => known.id === threadId);
          accept([thread], seq);
          const text = describeChange(before, thread, userId, t);
          if (text) setAnnouncement({ text, seq: ++announced.current });
        },
        (error: unknown) => {
          onAuthError(error);
          if (error instanceof ApiError && error.status === 404) forget(threadId, seq);
        },
      );
    },
    [planId, userId, t, nextSeq, accept, forget, onAuthError],
  );

  useEffect(() => loadAll(), [loadAll]);
  const reload = useCallback(() => {
    setLoadState((state) => (state === 'failed' ? 'loading' : state));
    loadAll();
  }, [loadAll]);

  // Thread changes arrive on the plan's event stream; after a gap, everything is re-read.
  const refreshThreadRef = useRef(refreshThread);
  const loadAllRef = useRef(loadAll);
  useEffect(() => {
    refreshThreadRef.current = refreshThread;
    loadAllRef.current = loadAll;
  });
  useEffect(
    () =>
      events.subscribe({
        onOpen: (afterGap) => {
          if (afterGap) loadAllRef.current();
        },
        onEvent: (event) => {
          if (event.type !== 'thread') return;
          if (event.deleted) forget(event.threadId, nextSeq());
          else refreshThreadRef.current(event.threadId);
        },
      }),
    [events, forget, nextSeq],
  );

  return { threads, loadState, reload, accept, nextSeq, announcement };
}
