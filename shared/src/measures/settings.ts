import { z } from 'zod';
import type * as Y from 'yjs';
import {
  gradeConditionSchema,
  gradeTone,
  gradeToneSchema,
  kpiDirectionSchema,
  type MeasureSettings,
  type MeasureTable,
} from './model';
import { COUNTER_NAMES, formatCounter, formatNumberLabel } from './numbering';
import { isOrderKey, keyBetween } from './orderKey';
import { MEASURE_EDIT, measureMaps, readMeasureTable, type IdSource } from './ydoc';

/**
 * A plan's settings as staff edit them in 「計画の設定」: the hierarchy levels and their
 * numbering, the fiscal-year columns, baseline and target year, grade rules, the default
 * direction of a new KPI and the role-matrix actors. They live in the plan's Y.Doc (the
 * `measureSettings` and `roleActors` maps), so every frozen revision keeps the settings it
 * was made with, and a change re-labels every open view at once.
 *
 * Pure logic: validation with limits, a patch merged onto the current settings, and one Y
 * transaction that writes only what changed.
 */

export const SETTINGS_LIMITS = {
  levels: 8,
  levelName: 40,
  schemeName: 80,
  numbering: 20,
  years: 20,
  gradeRules: 10,
  grade: 8,
  gradeLabel: 60,
  actors: 30,
  actorName: 100,
  minYear: 1868,
  maxYear: 2200,
} as const;

/** The numbering styles the settings screen offers, each a template `numbering.ts` prints. */
export const NUMBERING_STYLES = [
  '{arabic}',
  '({arabic})',
  '{circled}',
  '{ROMAN}',
  '{roman}',
  '{katakana}',
  '({katakana})',
  '{latin}',
  '({latin})',
  '{LATIN}',
  '{parent}-{arabic}',
  '{parent}-{circled}',
  '',
] as const;

/** `(1)`, `Ⅱ-3`: how a style looks on the 2nd row under the 2nd parent numbered in Ⅰ Ⅱ Ⅲ. */
export function numberingSample(template: string, parentTemplate = '{ROMAN}'): string {
  return formatNumberLabel(template, 3, formatCounter(parentTemplate, 2) || '2');
}

const TEMPLATE_TOKEN = /\{([A-Za-z]+)\}/g;

/** What is wrong with a numbering template at `depth` (0 = top level), or null. */
export function numberingProblem(template: string, depth: number): string | null {
  if (template.length > SETTINGS_LIMITS.numbering) return `A numbering style is at most ${SETTINGS_LIMITS.numbering} characters.`;
  if (template === '') return null;
  let counters = 0;
  let parents = 0;
  for (const match of template.matchAll(TEMPLATE_TOKEN)) {
    const token = match[1]!;
    if (token === 'parent') parents += 1;
    else if ((COUNTER_NAMES as string[]).includes(token)) counters += 1;
    else return `Unknown numbering token {${token}}.`;
  }
  if (/[{}]/.test(template.replace(TEMPLATE_TOKEN, ''))) return 'Braces in a numbering style must enclose a token such as {arabic}.';
  if (counters !== 1) return 'A numbering style counts with exactly one of {arabic}, {circled}, {ROMAN}, {roman}, {katakana}, {latin}, {LATIN}.';
  if (parents > 1) return 'A numbering style names {parent} at most once.';
  if (parents === 1 && depth === 0) return 'The top level has no parent to prefix ({parent}).';
  return null;
}

const trimmed = (max: number, what: string) =>
  z
    .string()
    .trim()
    .min(1, `${what} must not be empty.`)
    .max(max, `${what} is at most ${max} characters.`);

const fiscalYear = z
  .number()
  .int()
  .min(SETTINGS_LIMITS.minYear, `Fiscal years start at ${SETTINGS_LIMITS.minYear}.`)
  .max(SETTINGS_LIMITS.maxYear, `Fiscal years end at ${SETTINGS_LIMITS.maxYear}.`);

export const settingsLevelSchema = z
  .object({ name: trimmed(SETTINGS_LIMITS.levelName, 'A level name'), numbering: z.string().max(SETTINGS_LIMITS.numbering) })
  .strict();

export const settingsGradeRuleSchema = z
  .object({
    grade: trimmed(SETTINGS_LIMITS.grade, 'A grade'),
    label: z.string().trim().max(SETTINGS_LIMITS.gradeLabel, `A grade label is at most ${SETTINGS_LIMITS.gradeLabel} characters.`),
    when: gradeConditionSchema,
    tone: gradeToneSchema,
  })
  .strict();

export const settingsActorSchema = z
  .object({ id: z.string().min(1).max(64).nullable(), name: trimmed(SETTINGS_LIMITS.actorName, 'An actor name') })
  .strict();

const settingsFields = {
  schemeName: trimmed(SETTINGS_LIMITS.schemeName, 'The scheme name'),
  levels: z
    .array(settingsLevelSchema)
    .min(1, 'A plan has at least one level.')
    .max(SETTINGS_LIMITS.levels, `A plan has at most ${SETTINGS_LIMITS.levels} levels.`),
  actualYears: z
    .array(fiscalYear)
    .min(1, 'A plan has at least one fiscal-year column.')
    .max(SETTINGS_LIMITS.years, `A plan has at most ${SETTINGS_LIMITS.years} fiscal-year columns.`),
  baselineYear: fiscalYear.nullable(),
  targetYear: fiscalYear.nullable(),
  gradeRules: z
    .array(settingsGradeRuleSchema)
    .min(1, 'A plan has at least one grade rule.')
    .max(SETTINGS_LIMITS.gradeRules, `A plan has at most ${SETTINGS_LIMITS.gradeRules} grade rules.`),
  roleMatrixLevel: z.number().int().min(0).max(SETTINGS_LIMITS.levels - 1),
  kpiDirection: kpiDirectionSchema,
  actors: z.array(settingsActorSchema).max(SETTINGS_LIMITS.actors, `A role matrix has at most ${SETTINGS_LIMITS.actors} actors.`),
};

const settingsObject = z.object(settingsFields).strict();
export type PlanSettings = z.infer<typeof settingsObject>;
export type PlanSettingsField = keyof PlanSettings;
export const PLAN_SETTINGS_FIELDS = Object.keys(settingsFields) as PlanSettingsField[];

/** A change from the settings screen: only the fields it touches (others stay as they are). */
export const planSettingsPatchSchema = settingsObject
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'The change names no setting.');
export type PlanSettingsPatch = z.infer<typeof planSettingsPatchSchema>;

function duplicates<T>(values: readonly T[]): T[] {
  const seen = new Set<T>();
  return values.filter((value) => (seen.has(value) ? true : (seen.add(value), false)));
}

/** The whole settings, with the rules that tie fields together. */
export const planSettingsSchema = settingsObject.superRefine((s, ctx) => {
  const issue = (path: Array<string | number>, message: string) => ctx.addIssue({ code: 'custom', path, message });
  s.levels.forEach((level, depth) => {
    const problem = numberingProblem(level.numbering, depth);
    if (problem) issue(['levels', depth, 'numbering'], problem);
  });
  for (const name of duplicates(s.levels.map((level) => level.name))) issue(['levels'], `Two levels are called 「${name}」.`);
  if (s.levels.length > 0 && s.roleMatrixLevel >= s.levels.length) issue(['roleMatrixLevel'], 'The role matrix lists a level the plan does not have.');
  if (duplicates(s.actualYears).length > 0) issue(['actualYears'], 'A fiscal year is listed twice.');
  else if (s.actualYears.some((year, index) => index > 0 && year < s.actualYears[index - 1]!)) {
    issue(['actualYears'], 'Fiscal-year columns run from the oldest to the newest.');
  }
  if (s.targetYear !== null && !s.actualYears.includes(s.targetYear)) issue(['targetYear'], 'The target year must be one of the fiscal-year columns.');
  if (s.baselineYear !== null && s.targetYear !== null && s.baselineYear >= s.targetYear) {
    issue(['baselineYear'], 'The baseline year comes before the target year.');
  }
  for (const grade of duplicates(s.gradeRules.map((rule) => rule.grade))) issue(['gradeRules'], `Two grade rules give 「${grade}」.`);
  const always = s.gradeRules.findIndex((rule) => rule.when.kind === 'always');
  if (always >= 0 && always < s.gradeRules.length - 1) issue(['gradeRules', always], 'A rule for everything else comes last: the rules after it could never apply.');
  // Rules are tried in order: a stricter threshold must come before a looser one.
  const progress = s.gradeRules.flatMap((rule, index) => (rule.when.kind === 'progressAtLeast' ? [{ index, percent: rule.when.percent }] : []));
  for (let i = 1; i < progress.length; i++) {
    if (progress[i]!.percent >= progress[i - 1]!.percent) {
      issue(['gradeRules', progress[i]!.index], 'Progress thresholds run from the highest to the lowest (a lower one first would hide the higher).');
    }
  }
  const within = s.gradeRules.flatMap((rule, index) => (rule.when.kind === 'withinOfBaseline' ? [{ index, percent: rule.when.percent }] : []));
  for (let i = 1; i < within.length; i++) {
    if (within[i]!.percent <= within[i - 1]!.percent) {
      issue(['gradeRules', within[i]!.index], '“Within n % of the baseline” thresholds run from the narrowest to the widest.');
    }
  }
  const progressOutOfRange = progress.find((entry) => entry.percent < 0 || entry.percent > 1000);
  if (progressOutOfRange) issue(['gradeRules', progressOutOfRange.index], 'A progress threshold is between 0 and 1000 %.');
  for (const name of duplicates(s.actors.map((actor) => actor.name))) issue(['actors'], `Two actors are called 「${name}」.`);
  const ids = s.actors.flatMap((actor) => (actor.id === null ? [] : [actor.id]));
  if (duplicates(ids).length > 0) issue(['actors'], 'An actor is listed twice.');
});

/** The settings as the screen shows them, read from a measure table. */
export function planSettingsOf(table: Pick<MeasureTable, 'settings' | 'actors'>): PlanSettings {
  const s = table.settings;
  return {
    schemeName: s.scheme.name,
    levels: s.scheme.levels.map((level) => ({ name: level.name, numbering: level.numbering })),
    actualYears: [...s.actualYears],
    baselineYear: s.baselineYear,
    targetYear: s.targetYear,
    gradeRules: s.gradeRules.map((rule) => ({
      grade: rule.grade,
      label: rule.label,
      when: rule.when,
      tone: gradeTone(rule.grade, s.gradeRules),
    })),
    roleMatrixLevel: Math.min(s.roleMatrixLevel, Math.max(0, s.scheme.levels.length - 1)),
    kpiDirection: s.kpiDirection,
    actors: table.actors.map((actor) => ({ id: actor.id, name: actor.name })),
  };
}

export type SettingsMergeResult = { ok: true; settings: PlanSettings } | { ok: false; problems: string[] };

/** The current settings with a patch laid over them, validated as a whole. */
export function mergeSettings(current: PlanSettings, patch: PlanSettingsPatch): SettingsMergeResult {
  const candidate = { ...current, ...patch };
  // Removing levels below the one the role matrix lists moves it up, unless the change names it.
  if (patch.roleMatrixLevel === undefined && Array.isArray(candidate.levels) && candidate.levels.length > 0) {
    candidate.roleMatrixLevel = Math.min(candidate.roleMatrixLevel, candidate.levels.length - 1);
  }
  const merged = planSettingsSchema.safeParse(candidate);
  if (merged.success) return { ok: true, settings: merged.data };
  return {
    ok: false,
    problems: merged.error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message)),
  };
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Which settings differ between two states, in the screen's order. */
export function changedSettings(before: PlanSettings, after: PlanSettings): PlanSettingsField[] {
  return PLAN_SETTINGS_FIELDS.filter((field) => !same(before[field], after[field]));
}

/**
 * Writes `next` into the plan's document in ONE transaction, touching only the fields that
 * differ from what the document holds; returns what changed. Actors are matched by id: a
 * name change renames, a missing actor is removed with its ◎/○ marks, a new one (id null, or
 * an id no longer there) is added; their order follows `next`.
 */
export function writePlanSettings(doc: Y.Doc, next: PlanSettings, newId: IdSource, origin: unknown = MEASURE_EDIT): PlanSettingsField[] {
  let changed: PlanSettingsField[] = [];
  doc.transact(() => {
    const table = readMeasureTable(doc);
    const before = planSettingsOf(table);
    changed = changedSettings(before, next);
    if (changed.length === 0) return;
    const maps = measureMaps(doc);
    const set = (field: keyof MeasureSettings, value: unknown) => maps.settings.set(field, value);
    if (changed.includes('schemeName') || changed.includes('levels')) {
      set('scheme', {
        id: table.settings.scheme.id,
        name: next.schemeName,
        levels: next.levels.map((level) => ({ name: level.name, numbering: level.numbering })),
      });
    }
    for (const field of ['actualYears', 'baselineYear', 'targetYear', 'gradeRules', 'roleMatrixLevel', 'kpiDirection'] as const) {
      if (changed.includes(field)) set(field, structuredClone(next[field]));
    }
    if (changed.includes('actors')) {
      const keep = new Set(next.actors.flatMap((actor) => (actor.id !== null && maps.actors.has(actor.id) ? [actor.id] : [])));
      for (const actor of table.actors) {
        if (keep.has(actor.id)) continue;
        maps.actors.delete(actor.id);
        for (const cell of [...maps.roleCells.keys()]) if (cell.endsWith(`|${actor.id}`)) maps.roleCells.delete(cell);
      }
      let previousKey: string | null = null;
      for (const actor of next.actors) {
        const existing = actor.id !== null && keep.has(actor.id) ? table.actors.find((candidate) => candidate.id === actor.id) : undefined;
        let key = existing?.key;
        if (!key || !isOrderKey(key) || (previousKey !== null && key <= previousKey)) key = keyBetween(previousKey, null);
        if (existing && existing.name === actor.name && existing.key === key) {
          previousKey = key;
          continue;
        }
        maps.actors.set(existing ? existing.id : newId(), { name: actor.name, key });
        previousKey = key;
      }
    }
  }, origin);
  return changed;
}
