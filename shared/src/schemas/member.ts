import { z } from 'zod';
import { ROLES } from '../access/roles';

/** A workspace member as the members list shows them. */
export const Member = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
});
export type Member = z.infer<typeof Member>;

export const MembersResponse = z.object({ members: z.array(Member) });
export type MembersResponse = z.infer<typeof MembersResponse>;

export const SetRoleRequest = z.object({ role: z.enum(ROLES) });
export type SetRoleRequest = z.infer<typeof SetRoleRequest>;
