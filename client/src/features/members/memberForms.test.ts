import { describe, expect, it } from 'vitest';
import { EditMemberForm, InviteForm, attributeValues, attributesOf } from './memberForms';

describe('member forms', () => {
  it('turn empty fields into nulls and back', () => {
    const form = { affiliation: ' 福島大学 ', category: '' as const, termFrom: '2025-04-01', termTo: '' };
    expect(attributesOf(form)).toEqual({ affiliation: '福島大学', category: null, termFrom: '2025-04-01', termTo: null });
    expect(attributeValues({ affiliation: '', category: 'public', termFrom: null, termTo: '2027-03-31' })).toEqual({
      affiliation: '',
      category: 'public',
      termFrom: '',
      termTo: '2027-03-31',
    });
  });

  it('refuse a term that ends before it starts, a role staff cannot give, and a bad address', () => {
    const base = { affiliation: '', category: '', termFrom: '', termTo: '' };
    expect(EditMemberForm.safeParse({ ...base, role: 'member', termFrom: '2027-04-01', termTo: '2025-03-31' }).success).toBe(false);
    expect(InviteForm.safeParse({ ...base, email: 'a@example.jp', role: 'member' }).success).toBe(true);
    expect(InviteForm.safeParse({ ...base, email: 'a@example.jp', role: 'chair' }).success).toBe(false);
    expect(InviteForm.safeParse({ ...base, email: 'a@example.jp, b@example.jp', role: 'member' }).success).toBe(false);
  });
});
