import { PlanEvent } from '@sakutei/shared';
import { useEffect, useMemo } from 'react';
import { planEventsUrl } from '../../lib/commentsApi';

const RECONNECT_MIN_MS = 2_000;
const RECONNECT_MAX_MS = 60_000;

export interface PlanEventHandlers {
  onEvent(event: PlanEvent): void;
  /** The stream (re)opened: `afterGap` when events may have been missed while it was down. */
  onOpen?(afterGap: boolean): void;
  /** The server refused the stream; it is retried with a growing delay. */
  onRefused?(): void;
}

/**
 * The plan's server events (threads changed, unread notifications) as one stream per page,
 * fanned out to every feature that listens. EventSource retries dropped connections by
 * itself; when the server refuses outright it gives up, so the bus starts over with a
 * growing delay.
 */
export class PlanEventBus {
  private readonly handlers = new Set<PlanEventHandlers>();
  private source: EventSource | null = null;
  private retry: ReturnType<typeof setTimeout> | null = null;
  private delay = RECONNECT_MIN_MS;
  private everOpened = false;
  private stopped = false;

  constructor(private readonly url: string) {}

  start(): void {
    this.stopped = false;
    this.everOpened = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    this.source?.close();
    this.source = null;
    if (this.retry !== null) clearTimeout(this.retry);
    this.retry = null;
  }

  subscribe(handlers: PlanEventHandlers): () => void {
    this.handlers.add(handlers);
    return () => {
      this.handlers.delete(handlers);
    };
  }

  private connect(): void {
    const source = new EventSource(this.url);
    this.source = source;
    source.onopen = () => {
      this.delay = RECONNECT_MIN_MS;
      const afterGap = this.everOpened;
      this.everOpened = true;
      for (const handler of this.handlers) handler.onOpen?.(afterGap);
    };
    source.onmessage = (message: MessageEvent<string>) => {
      const event = parseEvent(message.data);
      if (event) for (const handler of this.handlers) handler.onEvent(event);
    };
    source.onerror = () => {
      if (source.readyState !== EventSource.CLOSED || this.stopped) return;
      for (const handler of this.handlers) handler.onRefused?.();
      this.retry = setTimeout(() => this.connect(), this.delay);
      this.delay = Math.min(this.delay * 2, RECONNECT_MAX_MS);
    };
  }
}

/** A server event, or null for anything that is not one (a newer server's event, say). */
export function parseEvent(data: string): PlanEvent | null {
  try {
    const event = PlanEvent.safeParse(JSON.parse(data));
    return event.success ? event.data : null;
  } catch {
    return null;
  }
}

/** Opens the plan's event stream for as long as the page shows the plan. */
export function usePlanEventBus(planId: string): PlanEventBus {
  const bus = useMemo(() => new PlanEventBus(planEventsUrl(planId)), [planId]);
  // Started in an effect so that StrictMode's second mount opens it again after the first closed it.
  useEffect(() => {
    bus.start();
    return () => bus.stop();
  }, [bus]);
  return bus;
}
