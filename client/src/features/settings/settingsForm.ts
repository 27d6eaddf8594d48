import {
  GRADE_TONES,
  KPI_DIRECTIONS,
  PLAN_SETTINGS_FIELDS,
  SETTINGS_LIMITS,
  numberingProblem,
  type GradeCondition,
  type PlanSettings,
  type PlanSettingsPatch,
} from '@sakutei/shared/measures';
import { z } from 'zod';

/**
 * The 計画の設定 form: the shared settings in a shape a form edits (a grade rule's condition
 * flattened into a kind and a percentage), the same rules the server applies (messages are
 * i18n keys), and the patch that sends only what was changed, so two people saving different
 * parts of the settings do not undo each other.
 */

export const CONDITION_KINDS = ['achieved', 'betterThanBaseline', 'withinOfBaseline', 'worseThanBaseline', 'progressAtLeast', 'always'] as const;
export type ConditionKind = (typeof CONDITION_KINDS)[number];
export const conditionTakesPercent = (kind: ConditionKind) => kind === 'withinOfBaseline' || kind === 'progressAtLeast';

const text = (max: number) => z.string().trim().min(1, 'settings.error.required').max(max, 'settings.error.tooLong');
const year = z.number({ message: 'settings.error.year' }).int('settings.error.year').min(SETTINGS_LIMITS.minYear, 'settings.error.year').max(SETTINGS_LIMITS.maxYear, 'settings.error.year');

export const SettingsForm = z
  .object({
    schemeName: text(SETTINGS_LIMITS.schemeName),
    levels: z
      .array(z.object({ name: text(SETTINGS_LIMITS.levelName), numbering: z.string().max(SETTINGS_LIMITS.numbering) }))
      .min(1, 'settings.error.noLevels')
      .max(SETTINGS_LIMITS.levels, 'settings.error.tooManyLevels'),
    actualYears: z.array(z.object({ year })).min(1, 'settings.error.noYears').max(SETTINGS_LIMITS.years, 'settings.error.tooManyYears'),
    baselineYear: z.string(),
    targetYear: z.string(),
    gradeRules: z
      .array(
        z.object({
          grade: text(SETTINGS_LIMITS.grade),
          label: z.string().trim().max(SETTINGS_LIMITS.gradeLabel, 'settings.error.tooLong'),
          kind: z.enum(CONDITION_KINDS),
          percent: z.number({ message: 'settings.error.percent' }).min(0, 'settings.error.percent').max(1000, 'settings.error.percent'),
          tone: z.enum(GRADE_TONES),
        }),
      )
      .min(1, 'settings.error.noRules')
      .max(SETTINGS_LIMITS.gradeRules, 'settings.error.tooManyRules'),
    roleMatrixLevel: z.number().int().min(0),
    kpiDirection: z.enum(KPI_DIRECTIONS),
    actors: z
      .array(z.object({ id: z.string().nullable(), name: text(SETTINGS_LIMITS.actorName) }))
      .max(SETTINGS_LIMITS.actors, 'settings.error.tooManyActors'),
  })
  .superRefine((form, ctx) => {
    const issue = (path: Array<string | number>, message: string) => ctx.addIssue({ code: 'custom', path, message });
    const seen = (values: string[], path: (index: number) => Array<string | number>) => {
      const found = new Set<string>();
      values.forEach((value, index) => {
        if (found.has(value)) issue(path(index), 'settings.error.duplicate');
        found.add(value);
      });
    };
    form.levels.forEach((level, depth) => {
      if (numberingProblem(level.numbering, depth)) issue(['levels', depth, 'numbering'], 'settings.error.numbering');
    });
    seen(form.levels.map((level) => level.name.trim()), (i) => ['levels', i, 'name']);
    seen(form.actualYears.map((entry) => String(entry.year)), (i) => ['actualYears', i, 'year']);
    form.actualYears.forEach((entry, i) => {
      if (i > 0 && entry.year < form.actualYears[i - 1]!.year) issue(['actualYears', i, 'year'], 'settings.error.yearOrder');
    });
    if (form.targetYear !== '' && !form.actualYears.some((entry) => entry.year === Number(form.targetYear))) issue(['targetYear'], 'settings.error.targetNotColumn');
    if (form.baselineYear !== '' && form.targetYear !== '' && Number(form.baselineYear) >= Number(form.targetYear)) issue(['baselineYear'], 'settings.error.baselineAfterTarget');
    seen(form.gradeRules.map((rule) => rule.grade.trim()), (i) => ['gradeRules', i, 'grade']);
    const always = form.gradeRules.findIndex((rule) => rule.kind === 'always');
    if (always >= 0 && always < form.gradeRules.length - 1) issue(['gradeRules', always, 'kind'], 'settings.error.alwaysLast');
    for (const kind of ['progressAtLeast', 'withinOfBaseline'] as const) {
      const rules = form.gradeRules.map((rule, index) => ({ rule, index })).filter(({ rule }) => rule.kind === kind);
      for (let i = 1; i < rules.length; i++) {
        const [before, after] = [rules[i - 1]!.rule.percent, rules[i]!.rule.percent];
        if (kind === 'progressAtLeast' ? after >= before : after <= before) issue(['gradeRules', rules[i]!.index, 'percent'], 'settings.error.thresholdOrder');
      }
    }
    seen(form.actors.map((actor) => actor.name.trim()), (i) => ['actors', i, 'name']);
  });
export type SettingsForm = z.infer<typeof SettingsForm>;

function conditionOf(kind: ConditionKind, percent: number): GradeCondition {
  return conditionTakesPercent(kind) ? ({ kind, percent } as GradeCondition) : ({ kind } as GradeCondition);
}

export function toForm(settings: PlanSettings): SettingsForm {
  return {
    schemeName: settings.schemeName,
    levels: settings.levels.map((level) => ({ ...level })),
    actualYears: settings.actualYears.map((year) => ({ year })),
    baselineYear: settings.baselineYear === null ? '' : String(settings.baselineYear),
    targetYear: settings.targetYear === null ? '' : String(settings.targetYear),
    gradeRules: settings.gradeRules.map((rule) => ({
      grade: rule.grade,
      label: rule.label,
      kind: rule.when.kind,
      percent: 'percent' in rule.when ? rule.when.percent : 0,
      tone: rule.tone,
    })),
    roleMatrixLevel: settings.roleMatrixLevel,
    kpiDirection: settings.kpiDirection,
    actors: settings.actors.map((actor) => ({ ...actor })),
  };
}

export function fromForm(form: SettingsForm): PlanSettings {
  return {
    schemeName: form.schemeName.trim(),
    levels: form.levels.map((level) => ({ name: level.name.trim(), numbering: level.numbering })),
    actualYears: form.actualYears.map((entry) => entry.year),
    baselineYear: form.baselineYear === '' ? null : Number(form.baselineYear),
    targetYear: form.targetYear === '' ? null : Number(form.targetYear),
    gradeRules: form.gradeRules.map((rule) => ({ grade: rule.grade.trim(), label: rule.label.trim(), when: conditionOf(rule.kind, rule.percent), tone: rule.tone })),
    roleMatrixLevel: Math.min(form.roleMatrixLevel, Math.max(0, form.levels.length - 1)),
    kpiDirection: form.kpiDirection,
    actors: form.actors.map((actor) => ({ id: actor.id, name: actor.name.trim() })),
  };
}

/** Only the settings that differ from `current`; null when nothing does. */
export function patchBetween(current: PlanSettings, next: PlanSettings): PlanSettingsPatch | null {
  const patch: Record<string, unknown> = {};
  for (const field of PLAN_SETTINGS_FIELDS) {
    if (JSON.stringify(current[field]) !== JSON.stringify(next[field])) patch[field] = next[field];
  }
  return Object.keys(patch).length > 0 ? (patch as PlanSettingsPatch) : null;
}

/** The levels' names in a row, as a scheme is usually named: 施策体系・施策・主要な事業. */
export function levelNamesInRow(levels: ReadonlyArray<{ name: string }>): string {
  return levels.map((level) => level.name.trim()).join('・');
}

/**
 * The scheme's name after its levels were renamed from `before` to `after` (each as
 * levelNamesInRow gives them): while the name is still just the levels in a row, it follows
 * them; a name of its own (第2期福島市中小企業振興プログラム体系) is kept.
 */
export function followingSchemeName(schemeName: string, before: string, after: string): string {
  return schemeName.trim() === before && before !== after ? after : schemeName;
}
