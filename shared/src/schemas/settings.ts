import { z } from 'zod';
import { PLAN_SETTINGS_FIELDS, planSettingsPatchSchema, planSettingsSchema } from '../measures/settings';

/**
 * `PATCH /api/plans/{id}/settings`: the settings a change names (the others stay), merged
 * onto the live document's settings and validated as a whole before anything is written.
 */
export const PlanSettingsRequest = planSettingsPatchSchema;
export type PlanSettingsRequest = z.infer<typeof PlanSettingsRequest>;

export const PlanSettingsResponse = z.object({
  settings: planSettingsSchema,
  /** The settings that differed and were written; empty when the change was already there. */
  changed: z.array(z.enum(PLAN_SETTINGS_FIELDS as [string, ...string[]])),
});
export type PlanSettingsResponse = z.infer<typeof PlanSettingsResponse>;
