import type { MessageKey } from '../../../i18n';

/** What the notice under the toolbar says (politely announced); `seq` re-announces the same words. */
export type Notice = { key: MessageKey; seq: number } | null;

/**
 * The notice after asking to say `key`. The same words while they are still shown are not said
 * again: a burst of refused keys (Enter held, a paste of paragraphs) is announced once, not read
 * out once per key. Once the notice has gone (NOTICE_MS), the next refusal is said again.
 */
export function nextNotice(previous: Notice, key: MessageKey): Notice {
  if (previous?.key === key) return previous;
  return { key, seq: (previous?.seq ?? 0) + 1 };
}
