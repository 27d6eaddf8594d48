import { describe, expect, it } from 'vitest';
import { translatorFor } from '../../i18n';
import { auditEntry } from './auditEntry.fixture';
import { auditDetails, auditKindText } from './auditText';

const t = translatorFor('ja');
const entry = auditEntry;

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
