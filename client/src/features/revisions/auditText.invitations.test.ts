import type { AuditEntry } from '@sakutei/shared';
import { describe, expect, it } from 'vitest';
import { ja } from '../../i18n/ja';
import type { MessageKey } from '../../i18n';
import { auditDetails, auditKindText } from './auditText';

const t = (key: MessageKey, params?: Record<string, string | number>) =>
  ja[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? `{${name}}`));

const entry = (kind: AuditEntry['kind'], details: Record<string, unknown>): AuditEntry => ({
  seq: 1,
  at: '2026-12-06T00:00:00.000Z',
  kind,
  actor: { id: 'u-staff', name: '事務局 高橋' },
  planId: null,
  details,
  hash: 'a'.repeat(64),
  prevHash: '0'.repeat(64),
});

describe('the audit record of invitations and members', () => {
  it('names the invited address and the role offered', () => {
    const e = entry('invitation.created', { invitationId: 'i1', email: 'new@example.jp', to: 'member', replaced: [] });
    expect(auditKindText(e, t)).toBe('招待を送信');
    expect(auditDetails(e, t, () => null)).toEqual(['new@example.jp', '委員']);
  });

  it('names the member whose details changed', () => {
    const e = entry('member.attributesChanged', { userId: 'u1', before: {}, after: {} });
    expect(auditKindText(e, t)).toBe('委員情報の変更');
    expect(auditDetails(e, t, (id) => (id === 'u1' ? '委員 佐藤' : null)).join(' ')).toContain('委員 佐藤');
  });
});
