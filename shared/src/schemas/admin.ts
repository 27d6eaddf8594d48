import { z } from 'zod';
import { Email, Membership, User } from './auth';

// Installation administration: the first-run setup link, councils and accounts.

/** Hours a setup link stays usable; `pnpm cli setup` makes a new one (and ends the old). */
export const SETUP_LINK_LIFETIME_HOURS = 24;

const Name = z.string().trim().min(1).max(100);

export const SetupStatusResponse = z.object({
  /** True while the installation has no administrator: the setup page is of use. */
  needed: z.boolean(),
});
export type SetupStatusResponse = z.infer<typeof SetupStatusResponse>;

export const SetupRequest = z
  .object({
    token: z.string().trim().min(1).max(200),
    name: Name,
    email: Email,
    password: z.string().min(1).max(1024),
  })
  .strict();
export type SetupRequest = z.infer<typeof SetupRequest>;

export const SetupResponse = z.object({ user: User });
export type SetupResponse = z.infer<typeof SetupResponse>;

export const LEADER_ROLES = ['chair', 'vice_chair'] as const;
export type LeaderRole = (typeof LEADER_ROLES)[number];

export const AdminCouncil = z.object({
  id: z.string(),
  name: z.string(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  memberCount: z.number().int(),
  planCount: z.number().int(),
  leaders: z.array(z.object({ userId: z.string(), name: z.string(), email: z.string(), role: z.enum(LEADER_ROLES) })),
  /** Its 事務局: shown so an administrator sees a council nobody can invite to yet. */
  secretariat: z.array(z.object({ userId: z.string(), name: z.string(), email: z.string() })),
});
export type AdminCouncil = z.infer<typeof AdminCouncil>;

export const AdminCouncilsResponse = z.object({ councils: z.array(AdminCouncil) });
export type AdminCouncilsResponse = z.infer<typeof AdminCouncilsResponse>;

export const AdminCouncilResponse = z.object({ council: AdminCouncil });
export type AdminCouncilResponse = z.infer<typeof AdminCouncilResponse>;

export const CreateCouncilRequest = z.object({ name: Name }).strict();
export type CreateCouncilRequest = z.infer<typeof CreateCouncilRequest>;

/** A rename, an archive (true) or a return from the archive (false); at least one. */
export const UpdateCouncilRequest = z
  .object({ name: Name.optional(), archived: z.boolean().optional() })
  .strict()
  .refine((v) => v.name !== undefined || v.archived !== undefined, { message: 'name or archived is required' });
export type UpdateCouncilRequest = z.infer<typeof UpdateCouncilRequest>;

/**
 * What an administrator appoints: the chair, a vice chair, or the council's first secretariat
 * (事務局), who can then invite everyone else (a new council has nobody who can invite).
 */
export const APPOINTABLE_ROLES = ['chair', 'vice_chair', 'staff'] as const;
export type AppointableRole = (typeof APPOINTABLE_ROLES)[number];

/** Appoints an existing account (by e-mail) as the council's chair, a vice chair or its secretariat. */
export const AppointLeaderRequest = z.object({ email: Email, role: z.enum(APPOINTABLE_ROLES) }).strict();
export type AppointLeaderRequest = z.infer<typeof AppointLeaderRequest>;

export const AdminAccount = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  isAdmin: z.boolean(),
  isDemo: z.boolean(),
  deactivatedAt: z.string().nullable(),
  memberships: z.array(Membership),
});
export type AdminAccount = z.infer<typeof AdminAccount>;

export const AdminAccountsResponse = z.object({ accounts: z.array(AdminAccount) });
export type AdminAccountsResponse = z.infer<typeof AdminAccountsResponse>;

export const AdminAccountResponse = z.object({ account: AdminAccount });
export type AdminAccountResponse = z.infer<typeof AdminAccountResponse>;

/** Deactivate (active: false) or reactivate an account, or make it an administrator or not; at least one. */
export const UpdateAccountRequest = z
  .object({ active: z.boolean().optional(), isAdmin: z.boolean().optional() })
  .strict()
  .refine((v) => v.active !== undefined || v.isAdmin !== undefined, { message: 'active or isAdmin is required' });
export type UpdateAccountRequest = z.infer<typeof UpdateAccountRequest>;
