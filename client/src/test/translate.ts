import type { AuditEntry } from '@sakutei/shared';
import { en } from '../i18n/en';
import { ja } from '../i18n/ja';
import type { MessageKey, MessageParams, Translate } from '../i18n';

/**
 * `t` for unit tests, in one language, without the React provider. A placeholder with no
 * value stays as written (`{name}`), as the provider leaves it, so a missing one shows.
 */
export function translateWith(locale: 'ja' | 'en'): Translate {
  const catalogue: Record<MessageKey, string> = locale === 'ja' ? ja : en;
  return (key: MessageKey, params?: MessageParams) =>
    catalogue[key].replace(/\{(\w+)\}/g, (placeholder, name: string) => (params && name in params ? String(params[name]) : placeholder));
}

/** An audit-record entry of the given kind, by 事務局 高橋 on plan p1; details as given. */
export const auditEntry = (kind: AuditEntry['kind'], details: Record<string, unknown>): AuditEntry => ({
  seq: 1,
  at: '2026-12-06T00:00:00.000Z',
  kind,
  actor: { id: 'u-staff', name: '事務局 高橋' },
  planId: 'p1',
  details,
  hash: 'a'.repeat(64),
  prevHash: '0'.repeat(64),
});
