import { z } from 'zod';
import { progressTableSchema } from './progress';
import { kpiTargetKindSchema, partsJudgedSchema, subFigureSchema } from './kpiKinds';

/**
 * The plain shape of a plan's measure table: its hierarchy of measures and project
 * placements, the projects themselves, the KPIs (成果指標) and the role matrix. The Y.Doc
 * holds the live, collaborative form of the same data (see `ydoc.ts`); everything here is
 * what a reader, an exporter or a test sees after reading it.
 */

// ---------------------------------------------------------------- hierarchy levels

/**
 * A numbering template. Tokens: `{arabic}` 1 2 3, `{circled}` ① ② ③, `{ROMAN}` Ⅰ Ⅱ Ⅲ,
 * `{roman}` ⅰ ⅱ ⅲ, `{parent}` the parent's bare counter (so `{parent}-{arabic}` gives
 * `Ⅱ-3`). Anything else is literal: `({arabic})` gives `(1)`. An empty template means the
 * level is not numbered (a bullet list such as Koriyama's 主な施策).
 */
export const numberingTemplateSchema = z.string().max(40);

export const levelDefSchema = z.object({
  name: z.string().min(1).max(40),
  numbering: numberingTemplateSchema,
});
export type LevelDef = z.infer<typeof levelDefSchema>;

export const hierarchySchemeSchema = z.object({
  id: z.string().min(1).max(40),
  name: z.string().min(1).max(80),
  levels: z.array(levelDefSchema).min(1).max(8),
});
export type HierarchyScheme = z.infer<typeof hierarchySchemeSchema>;

/** Fukushima's 中小企業振興プログラム: 施策体系 `1` → 施策 `(1)` → 主要な事業 `①`. */
export const FUKUSHIMA_SCHEME: HierarchyScheme = {
  id: 'fukushima',
  name: '施策体系・施策・主要な事業',
  levels: [
    { name: '施策体系', numbering: '{arabic}' },
    { name: '施策', numbering: '({arabic})' },
    { name: '主要な事業', numbering: '{circled}' },
  ],
};

/** Koriyama's 産業振興ビジョン: 目指すべき姿 `Ⅰ` → 目標 `Ⅱ-3` → 主な施策 (bulleted). */
export const KORIYAMA_SCHEME: HierarchyScheme = {
  id: 'koriyama',
  name: '目指すべき姿・目標・主な施策',
  levels: [
    { name: '目指すべき姿', numbering: '{ROMAN}' },
    { name: '目標', numbering: '{parent}-{arabic}' },
    { name: '主な施策', numbering: '' },
  ],
};

export const HIERARCHY_PRESETS: readonly HierarchyScheme[] = [FUKUSHIMA_SCHEME, KORIYAMA_SCHEME];

// ---------------------------------------------------------------- projects and contacts

/** 新規 / 充実 / 継続, as the programmes mark each project placement. */
export const PROJECT_STATUSES = ['new', 'enhanced', 'continued'] as const;
export const projectStatusSchema = z.enum(PROJECT_STATUSES);
export type ProjectStatus = z.infer<typeof projectStatusSchema>;
export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
  new: '新規',
  enhanced: '充実',
  continued: '継続',
};

/** A responsible department or partner: `○福島市産業雇用政策課 TEL 024-515-7746`. */
export const contactSchema = z.object({
  organisation: z.string().max(200),
  section: z.string().max(200),
  phone: z.string().max(60),
});
export type Contact = z.infer<typeof contactSchema>;

// ---------------------------------------------------------------- KPI values

/**
 * One figure of a KPI. Missing is not zero: `none` is `—` (no figure exists), `blank` is a
 * cell not yet due, `withheld` is `X` (exists but not disclosed).
 */
export const kpiValueSchema = z.discriminatedUnion('kind', [
  /** `sub`: the second figure of `7社（11人）`, kept beside the first (see KpiRecord.subFigure). */
  z.object({ kind: z.literal('number'), value: z.number().finite(), sub: z.number().finite().optional() }),
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('blank') }),
  z.object({ kind: z.literal('withheld') }),
]);
export type KpiValue = z.infer<typeof kpiValueSchema>;

/**
 * A measured figure: a single value, or one value per named component when the KPI has
 * components (`複数 4 世帯/年 単身 4 世帯/年`).
 */
export const measuredSchema = z.union([
  kpiValueSchema,
  z.object({ kind: z.literal('parts'), parts: z.record(z.string().max(40), kpiValueSchema) }),
  /** A qualitative KPI's year (均衡, 実施): staff judge it met or not, with a note. */
  z.object({ kind: z.literal('judgement'), met: z.boolean(), note: z.string().max(400) }),
]);
export type Measured = z.infer<typeof measuredSchema>;

export const BLANK: KpiValue = { kind: 'blank' };
export const NONE: KpiValue = { kind: 'none' };
export const WITHHELD: KpiValue = { kind: 'withheld' };
export function num(value: number): KpiValue {
  return { kind: 'number', value };
}

/** Higher is better, lower is better (`24,200 t 以下`, 待機児童数 0), or keep the level. */
export const KPI_DIRECTIONS = ['higher', 'lower', 'keep'] as const;
export const kpiDirectionSchema = z.enum(KPI_DIRECTIONS);
export type KpiDirection = z.infer<typeof kpiDirectionSchema>;

// ---------------------------------------------------------------- records

export const nodeKindSchema = z.enum(['measure', 'placement']);
export type NodeKind = z.infer<typeof nodeKindSchema>;

/** Where a row sits: under `parent` (null at the top), ordered by `key` (fractional index). */
export const positionSchema = z.object({
  parent: z.string().nullable(),
  key: z.string().min(1).max(400),
});
export type Position = z.infer<typeof positionSchema>;

/**
 * A row of the hierarchy. A measure carries its own title; a placement shows a project
 * under a measure and has its own description and status, while its name and contacts
 * belong to the project, shared by every placement of it.
 */
export const nodeRecordSchema = z.object({
  id: z.string(),
  kind: nodeKindSchema,
  position: positionSchema,
  title: z.string(),
  description: z.string(),
  projectId: z.string().nullable(),
  status: projectStatusSchema.nullable(),
});
export type NodeRecord = z.infer<typeof nodeRecordSchema>;

export const projectRecordSchema = z.object({
  id: z.string(),
  name: z.string(),
  contacts: z.array(contactSchema),
});
export type ProjectRecord = z.infer<typeof projectRecordSchema>;

export const kpiRecordSchema = z.object({
  id: z.string(),
  /** The node (measure or placement) this KPI is shown under. */
  attachTo: z.string(),
  /** Order among KPIs attached to the same node. */
  key: z.string(),
  name: z.string(),
  formerNames: z.array(z.string()),
  unit: z.string(),
  direction: kpiDirectionSchema,
  /** Named components (`複数`, `単身`); empty when the KPI is a single figure. */
  components: z.array(z.string()),
  baseline: z.object({
    value: measuredSchema,
    fiscalYear: z.number().int().nullable(),
    /** Free text as printed: `(R1)`, `R3.8月現在`. */
    label: z.string(),
  }),
  target: z.object({ value: measuredSchema, fiscalYear: z.number().int().nullable() }),
  /** Actuals keyed by fiscal year (western start year, as a string key). */
  actuals: z.record(z.string(), measuredSchema),
  source: z.string(),
  /** What the target means (range, relative, cumulative, aggregate, qualitative); absent = `value`. */
  targetKind: kpiTargetKindSchema.optional(),
  /** A composite KPI: judged on the sum of its parts (absent) or on each part. */
  partsJudged: partsJudgedSchema.optional(),
  /** The second figure kept with each value (`7社（11人）`). */
  subFigure: subFigureSchema.optional(),
  /** Set when an import inferred the direction from the figures; cleared once a person confirms or sets it. */
  directionInferred: z.literal(true).optional(),
});
export type KpiRecord = z.infer<typeof kpiRecordSchema>;

export const roleMarkSchema = z.enum(['◎', '○']);
export type RoleMark = z.infer<typeof roleMarkSchema>;
export const ROLE_MARK_MEANINGS: Record<RoleMark, string> = { '◎': '主たる役割', '○': '連携・協力' };

export const roleActorSchema = z.object({ id: z.string(), name: z.string(), key: z.string() });
export type RoleActor = z.infer<typeof roleActorSchema>;

// ---------------------------------------------------------------- grading

/** Conditions a grade rule can test, evaluated against a KPI's figures for one year. */
export const gradeConditionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('achieved') }),
  z.object({ kind: z.literal('betterThanBaseline') }),
  /** Not better than the baseline, but within `percent` % of it. */
  z.object({ kind: z.literal('withinOfBaseline'), percent: z.number().min(0).max(1000) }),
  z.object({ kind: z.literal('worseThanBaseline') }),
  z.object({ kind: z.literal('progressAtLeast'), percent: z.number() }),
  z.object({ kind: z.literal('always') }),
]);
export type GradeCondition = z.infer<typeof gradeConditionSchema>;

/**
 * The colours a grade can be shown in: a fixed palette whose every colour keeps its text
 * readable (contrast ≥ 4.5:1, see measures.css), so no council can pick an unreadable one.
 */
export const GRADE_TONES = ['green', 'blue', 'yellow', 'orange', 'red', 'grey'] as const;
export const gradeToneSchema = z.enum(GRADE_TONES);
export type GradeTone = z.infer<typeof gradeToneSchema>;

export const gradeRuleSchema = z.object({
  grade: z.string().min(1).max(8),
  label: z.string().max(60),
  when: gradeConditionSchema,
  /** Absent in tables written before grade colours were settable: S/A/B/C keep their colours. */
  tone: gradeToneSchema.optional(),
});
export type GradeRule = z.infer<typeof gradeRuleSchema>;

/** Shown when no rule matches (or nothing can be assessed). */
export const UNGRADED = '—';

export const DEFAULT_GRADE_RULES: readonly GradeRule[] = [
  { grade: 'S', label: '目標達成', when: { kind: 'achieved' }, tone: 'green' },
  { grade: 'A', label: '基準値より改善', when: { kind: 'betterThanBaseline' }, tone: 'blue' },
  { grade: 'B', label: '基準値から10%以内', when: { kind: 'withinOfBaseline', percent: 10 }, tone: 'yellow' },
  { grade: 'C', label: '基準値より悪化', when: { kind: 'worseThanBaseline' }, tone: 'red' },
];

const LEGACY_TONES: Record<string, GradeTone> = { S: 'green', A: 'blue', B: 'yellow', C: 'red' };

/**
 * The colour a grade is shown in: grey for UNGRADED (nothing judged, whatever a rule says),
 * else its rule's tone, else the old S/A/B/C colours, else grey.
 */
export function gradeTone(grade: string, rules: readonly GradeRule[]): GradeTone {
  if (grade === UNGRADED) return 'grey';
  const rule = rules.find((candidate) => candidate.grade === grade);
  return rule?.tone ?? LEGACY_TONES[grade] ?? 'grey';
}

// ---------------------------------------------------------------- settings and the whole table

export const measureSettingsSchema = z.object({
  scheme: hierarchySchemeSchema,
  /** Fiscal years (western start year) shown as actual columns, oldest first. */
  actualYears: z.array(z.number().int().min(1868).max(2200)).max(20),
  baselineYear: z.number().int().nullable(),
  targetYear: z.number().int().nullable(),
  gradeRules: z.array(gradeRuleSchema).max(20),
  /** Depth of the rows the role matrix lists (0 = top level). */
  roleMatrixLevel: z.number().int().min(0).max(7),
  /** The direction a new KPI starts with (以上 / 以下 / 維持); tables from before it say 以上. */
  kpiDirection: kpiDirectionSchema.default('higher'),
});
export type MeasureSettings = z.infer<typeof measureSettingsSchema>;

export const DEFAULT_MEASURE_SETTINGS: MeasureSettings = {
  scheme: FUKUSHIMA_SCHEME,
  actualYears: [2022, 2023, 2024, 2025],
  baselineYear: 2020,
  targetYear: 2025,
  gradeRules: [...DEFAULT_GRADE_RULES],
  roleMatrixLevel: 1,
  kpiDirection: 'higher',
};

export const measureTableSchema = z.object({
  settings: measureSettingsSchema,
  nodes: z.array(nodeRecordSchema),
  projects: z.array(projectRecordSchema),
  kpis: z.array(kpiRecordSchema),
  actors: z.array(roleActorSchema),
  /** `${nodeId}|${actorId}` → mark. */
  roleCells: z.record(z.string(), roleMarkSchema),
  /** 実施状況 per placement and fiscal year (progress.ts); absent when none is recorded. */
  progress: progressTableSchema.optional(),
});
export type MeasureTable = z.infer<typeof measureTableSchema>;

export function roleCellKey(nodeId: string, actorId: string): string {
  return `${nodeId}|${actorId}`;
}
