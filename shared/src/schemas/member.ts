import { z } from 'zod';
import { ROLES } from '../access/roles';

/** 区分: which side of the community a member speaks for. */
export const MEMBER_CATEGORIES = ['academic', 'business', 'association', 'public', 'government'] as const;
export const MemberCategory = z.enum(MEMBER_CATEGORIES);
export type MemberCategory = z.infer<typeof MemberCategory>;

export const MAX_AFFILIATION_CHARS = 200;

/** A calendar date as `YYYY-MM-DD` that exists (no 2025-02-30). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'a date is written YYYY-MM-DD' })
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, { message: 'no such date' });

/** What a council records of a member besides the role: 所属, 区分 and 任期. */
export const MemberAttributes = z
  .object({
    affiliation: z.string().trim().max(MAX_AFFILIATION_CHARS),
    category: MemberCategory.nullable(),
    termFrom: IsoDate.nullable(),
    termTo: IsoDate.nullable(),
  })
  .strict()
  .refine((a) => a.termFrom === null || a.termTo === null || a.termFrom <= a.termTo, {
    message: 'the term ends before it starts',
    path: ['termTo'],
  });
export type MemberAttributes = z.infer<typeof MemberAttributes>;

export const NO_ATTRIBUTES: MemberAttributes = { affiliation: '', category: null, termFrom: null, termTo: null };

/** A workspace member as the members list shows them. */
export const Member = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  affiliation: z.string(),
  category: MemberCategory.nullable(),
  termFrom: z.string().nullable(),
  termTo: z.string().nullable(),
});
export type Member = z.infer<typeof Member>;

export const MembersResponse = z.object({ members: z.array(Member) });
export type MembersResponse = z.infer<typeof MembersResponse>;

export const SetRoleRequest = z.object({ role: z.enum(ROLES) });
export type SetRoleRequest = z.infer<typeof SetRoleRequest>;

/** Days before its end within which a member's term counts as ending soon. */
export const TERM_ENDING_SOON_DAYS = 90;

/**
 * Whether a term ending on `termTo` (YYYY-MM-DD) ends within `days` of `today` (YYYY-MM-DD),
 * counting today; a term that already ended is not "ending soon" (see termHasEnded).
 */
export function termEndsSoon(termTo: string | null, today: string, days = TERM_ENDING_SOON_DAYS): boolean {
  if (termTo === null || termTo < today) return false;
  const end = Date.parse(`${termTo}T00:00:00Z`);
  const now = Date.parse(`${today}T00:00:00Z`);
  return (end - now) / 86_400_000 <= days;
}

/** Whether a term ending on `termTo` ended before `today`. */
export function termHasEnded(termTo: string | null, today: string): boolean {
  return termTo !== null && termTo < today;
}
