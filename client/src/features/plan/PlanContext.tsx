import type { PlanSummary } from '@sakutei/shared';
import { createContext, use, useEffect, useMemo, type ReactNode } from 'react';
import { attachUnreadStream, reportUnreadFromStream } from '../../app/unreadStore';
import { JumpBus } from './jumps';
import { usePlanEventBus, type PlanEventBus } from './planEvents';
import type { PresenceUser } from './presence';
import type { CollabSession } from './useCollabDoc';

/** The tabs of a plan page; the page decides which view each shows. */
export const PLAN_VIEW_IDS = ['prose', 'measures', 'kpiList', 'contents', 'roles', 'revisions', 'report', 'settings'] as const;
export type PlanViewId = (typeof PLAN_VIEW_IDS)[number];

/**
 * The plan page's one kernel: everything the page's features share, so that they talk
 * through it and never to each other.
 */
export interface PlanKernel {
  plan: PlanSummary;
  user: PresenceUser;
  /** The live draft; null for a role that only reads revisions (observers). */
  session: CollabSession | null;
  /** Whether this member may change the document now (edit access, and not refused). */
  editable: boolean;
  /** Shows one of the page's views (tabs). */
  selectView(view: PlanViewId): void;
  /** Jumps into the measure table from elsewhere on the page. */
  jumps: JumpBus;
  /** The plan's server events (threads changed, unread count). */
  events: PlanEventBus;
}

const PlanContext = createContext<PlanKernel | null>(null);

interface ProviderProps extends Omit<PlanKernel, 'jumps' | 'events'> {
  children: ReactNode;
}

/** Holds one plan page's kernel; the page composes its features inside it. */
export function PlanProvider({ plan, user, session, editable, selectView, children }: ProviderProps) {
  const events = usePlanEventBus(plan.id);
  const jumps = useMemo(() => new JumpBus(), []);
  // While the page's stream is up, it carries the unread count, so the header bell need not poll.
  useEffect(() => {
    let detach: (() => void) | null = null;
    const stop = events.subscribe({
      onOpen: () => {
        detach ??= attachUnreadStream();
      },
      onRefused: () => {
        detach?.();
        detach = null;
      },
      onEvent: (event) => {
        if (event.type === 'notifications') reportUnreadFromStream(event.unread);
      },
    });
    return () => {
      stop();
      detach?.();
    };
  }, [events]);
  const kernel = useMemo<PlanKernel>(
    () => ({ plan, user, session, editable, selectView, jumps, events }),
    [plan, user, session, editable, selectView, jumps, events],
  );
  return <PlanContext value={kernel}>{children}</PlanContext>;
}

export function usePlan(): PlanKernel {
  const kernel = use(PlanContext);
  if (!kernel) throw new Error('usePlan must be used inside <PlanProvider>');
  return kernel;
}
