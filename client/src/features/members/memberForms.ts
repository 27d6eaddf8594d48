import { Email, IsoDate, SECRETARIAT_ROLES, MAX_AFFILIATION_CHARS, MemberCategory, type MemberAttributes, ROLES } from '@sakutei/shared';
import { z } from 'zod';

/** What the attribute fields hold: '' for "not set", since a form field has no null. */
const attributeFields = {
  affiliation: z.string().trim().max(MAX_AFFILIATION_CHARS, { message: 'affiliation' }),
  category: z.union([z.literal(''), MemberCategory]),
  termFrom: z.union([z.literal(''), IsoDate]),
  termTo: z.union([z.literal(''), IsoDate]),
};

const termInOrder = (v: { termFrom: string; termTo: string }) => v.termFrom === '' || v.termTo === '' || v.termFrom <= v.termTo;
const termMessage = { message: 'term', path: ['termTo'] };

export const EditMemberForm = z.object({ role: z.enum(ROLES).optional(), ...attributeFields }).refine(termInOrder, termMessage);
export type EditMemberForm = z.infer<typeof EditMemberForm>;

export const InviteForm = z
  .object({ email: Email, role: z.enum(SECRETARIAT_ROLES), ...attributeFields })
  .refine(termInOrder, termMessage);
export type InviteForm = z.infer<typeof InviteForm>;

export type AttributeValues = Pick<EditMemberForm, 'affiliation' | 'category' | 'termFrom' | 'termTo'>;

/** The form's values as the API takes them: '' becomes null. */
export function attributesOf(v: AttributeValues): MemberAttributes {
  return {
    affiliation: v.affiliation.trim(),
    category: v.category === '' ? null : v.category,
    termFrom: v.termFrom === '' ? null : v.termFrom,
    termTo: v.termTo === '' ? null : v.termTo,
  };
}

/** A member's attributes as the form shows them. */
export function attributeValues(a: MemberAttributes): AttributeValues {
  return { affiliation: a.affiliation, category: a.category ?? '', termFrom: a.termFrom ?? '', termTo: a.termTo ?? '' };
}
