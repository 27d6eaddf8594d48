import { z } from 'zod';
import { Email, User } from './auth';
import { OneTimeToken } from './invitation';

export const UpdateProfileRequest = z.object({ name: z.string().trim().min(1).max(100) }).strict();
export type UpdateProfileRequest = z.infer<typeof UpdateProfileRequest>;

export const ChangePasswordRequest = z
  .object({ currentPassword: z.string().min(1).max(1024), newPassword: z.string().min(1).max(1024) })
  .strict();
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;

export const ChangeEmailRequest = z.object({ currentPassword: z.string().min(1).max(1024), email: Email }).strict();
export type ChangeEmailRequest = z.infer<typeof ChangeEmailRequest>;

export const AccountResponse = z.object({ user: User });
export type AccountResponse = z.infer<typeof AccountResponse>;

/** Hours a password-reset link stays usable. */
export const RESET_LINK_LIFETIME_HOURS = 24;

/** A password-reset link, in this answer only, for whoever issued it to hand over. */
export const ResetLinkResponse = z.object({
  /** `/reset-password#token=…`; prefix the site's origin. */
  linkPath: z.string(),
  expiresAt: z.string(),
  mailed: z.boolean(),
});
export type ResetLinkResponse = z.infer<typeof ResetLinkResponse>;

export const ResetTokenRequest = z.object({ token: OneTimeToken }).strict();
export const ResetPreview = z.object({ email: z.string(), name: z.string(), expiresAt: z.string() });
export type ResetPreview = z.infer<typeof ResetPreview>;

export const ResetPasswordRequest = z.object({ token: OneTimeToken, newPassword: z.string().min(1).max(1024) }).strict();
export type ResetPasswordRequest = z.infer<typeof ResetPasswordRequest>;
