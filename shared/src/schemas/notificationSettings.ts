import { z } from 'zod';

/** How someone gets notifications by e-mail: each at once, one summary a day, or none. */
export const EMAIL_PREFERENCES = ['immediate', 'daily', 'off'] as const;
export const EmailPreference = z.enum(EMAIL_PREFERENCES);
export type EmailPreference = z.infer<typeof EmailPreference>;

export const NotificationSettings = z.object({
  email: EmailPreference,
  /** False when the installation sends no mail (no SMTP server configured): the choice is kept for later. */
  mailEnabled: z.boolean(),
});
export type NotificationSettings = z.infer<typeof NotificationSettings>;

export const UpdateNotificationSettingsRequest = z.object({ email: EmailPreference }).strict();
export type UpdateNotificationSettingsRequest = z.infer<typeof UpdateNotificationSettingsRequest>;
