import { z } from 'zod';

/**
 * What a KPI's target means, beyond "a number, higher or lower is better". Real plans also
 * print ranges (25〜50%), targets relative to the baseline (2.5倍, +10ポイント, +10%),
 * cumulative targets (累計), period aggregates (年平均, 幾何平均, total over named years) and
 * qualitative targets (均衡, 実施) that staff judge year by year.
 *
 * Every field here is optional on a KPI: a document written before kinds existed has none,
 * and reads as the `value` kind, exactly as it did.
 */

const year = z.number().int().min(1868).max(2200);

/** How a relative target is worked out from the baseline. */
export const RELATIVE_MODES = ['factor', 'points', 'percent'] as const;
export type RelativeMode = (typeof RELATIVE_MODES)[number];

/** How a period aggregate combines the named years' actuals. */
export const AGGREGATE_METHODS = ['mean', 'geometricMean', 'total'] as const;
export type AggregateMethod = (typeof AGGREGATE_METHODS)[number];

export const kpiTargetKindSchema = z.discriminatedUnion('kind', [
  /** The printed target figure, judged in the KPI's direction. */
  z.object({ kind: z.literal('value') }),
  /** Met inside [low, high] (25〜50%); the printed target figure is not used. */
  z.object({ kind: z.literal('range'), low: z.number().finite(), high: z.number().finite() }),
  /**
   * Worked out from the baseline: `factor` baseline × amount (2.5倍), `points` baseline +
   * amount in the KPI's own unit (+10ポイント on a %), `percent` baseline × (1 + amount/100).
   */
  z.object({ kind: z.literal('relative'), mode: z.enum(RELATIVE_MODES), amount: z.number().finite() }),
  /** The year's figure is the sum of the actuals from `fromYear` (default: the first after the baseline year). */
  z.object({ kind: z.literal('cumulative'), fromYear: year.nullable() }),
  /** The year's figure is the mean / geometric mean / total of the named years' actuals so far. */
  z.object({
    kind: z.literal('aggregate'),
    method: z.enum(AGGREGATE_METHODS),
    years: z.array(year).min(1).max(20),
  }),
  /** No figure: staff record a judgement (met / not met, with a note) per year. */
  z.object({ kind: z.literal('qualitative'), wording: z.string().max(100) }),
]);
export type KpiTargetKind = z.infer<typeof kpiTargetKindSchema>;
export type KpiTargetKindName = KpiTargetKind['kind'];
export const KPI_TARGET_KINDS: readonly KpiTargetKindName[] = ['value', 'range', 'relative', 'cumulative', 'aggregate', 'qualitative'];

/** The kind a KPI without one has: its printed target figure. */
export const VALUE_KIND: KpiTargetKind = { kind: 'value' };

/** A composite KPI (複数 / 単身) is judged on the sum of its parts, or each part must be met. */
export const PARTS_JUDGED = ['sum', 'each'] as const;
export const partsJudgedSchema = z.enum(PARTS_JUDGED);
export type PartsJudged = z.infer<typeof partsJudgedSchema>;

/** The second figure of `7社（11人）`: what it counts and its unit. Kept, shown, not judged. */
export const subFigureSchema = z.object({ label: z.string().max(40), unit: z.string().max(20) });
export type SubFigure = z.infer<typeof subFigureSchema>;
