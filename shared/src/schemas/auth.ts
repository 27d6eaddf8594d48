import { z } from 'zod';
import { ROLES } from '../access/roles';

/** A signed-in person as the API shows them. */
export const User = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
});
export type User = z.infer<typeof User>;

/** Email addresses are compared case-insensitively and without surrounding spaces. */
export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'not an email address' }));

export const SignInRequest = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(1024),
});
export type SignInRequest = z.infer<typeof SignInRequest>;

export const SignInResponse = z.object({ user: User });
export type SignInResponse = z.infer<typeof SignInResponse>;

export const Membership = z.object({
  workspaceId: z.string(),
  workspaceName: z.string(),
  role: z.enum(ROLES),
});
export type Membership = z.infer<typeof Membership>;

export const MeResponse = z.object({
  user: User,
  memberships: z.array(Membership),
  /** An installation administrator: the client shows the administration area. */
  isAdmin: z.boolean(),
});
export type MeResponse = z.infer<typeof MeResponse>;

export const OkResponse = z.object({ ok: z.literal(true) });
export type OkResponse = z.infer<typeof OkResponse>;
