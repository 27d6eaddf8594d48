import { mergeSettings, newMeasureId, planSettingsOf, readMeasureTable, writePlanSettings, type PlanSettings, type PlanSettingsField, type PlanSettingsPatch } from '@sakutei/shared/measures';
import type { AppDeps } from '../env';
import { AppError } from '../errors';
import type { UserRecord } from '../storage';
import { planService } from './plans';

type Plan = { id: string; workspaceId: string; docName: string };

/** Short, readable audit details: each changed setting, before and after. */
function auditDetails(before: PlanSettings, after: PlanSettings, changed: PlanSettingsField[]): Record<string, unknown> {
  const details: Record<string, unknown> = { changed };
  for (const field of changed) {
    if (field === 'actors') details.actors = { old: before.actors.map((a) => a.name), new: after.actors.map((a) => a.name) };
    else if (field === 'gradeRules') details.gradeRules = { old: before.gradeRules.map((r) => r.grade), new: after.gradeRules.map((r) => r.grade) };
    else details[field] = { old: before[field], new: after[field] };
  }
  return details;
}

/**
 * Applies a settings change to the plan's live document as a server edit: the patch is merged
 * onto what the document holds NOW and validated as a whole inside the room, so a concurrent
 * change by someone else is neither lost nor combined into something invalid.
 */
export async function changePlanSettings(deps: AppDeps, plan: Plan, user: UserRecord, patch: PlanSettingsPatch) {
  await planService(deps).assertDraftEditable(plan.id);
  const outcome = await deps.rooms.use(plan.docName, (room) => {
    const before = planSettingsOf(readMeasureTable(room.doc));
    const merged = mergeSettings(before, patch);
    if (!merged.ok) return { ok: false as const, problems: merged.problems };
    const changed = writePlanSettings(room.doc, merged.settings, newMeasureId);
    return { ok: true as const, before, settings: planSettingsOf(readMeasureTable(room.doc)), changed };
  });
  if (!outcome.ok) throw new AppError(400, 'invalid_settings', outcome.problems.join(' '));
  if (outcome.changed.length > 0) {
    await deps.storage.audit.append({
      at: Date.now(),
      kind: 'plan.settingsChanged',
      workspaceId: plan.workspaceId,
      planId: plan.id,
      actorId: user.id,
      details: auditDetails(outcome.before, outcome.settings, outcome.changed),
    });
  }
  return { settings: outcome.settings, changed: outcome.changed };
}
