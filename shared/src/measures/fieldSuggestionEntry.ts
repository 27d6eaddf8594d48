import { z } from 'zod';
import { measuredSchema, type Measured } from './model';
import type { NodeTextField } from './ydoc';

/**
 * The shape of a cell suggestion's entry (fieldSuggestions.ts), apart from the code that reads
 * and writes them in a Y.Doc: a frozen revision keeps its pending entries (revisions/canonical.ts),
 * and what the package root loads (the client bundle) must not pull in yjs.
 */
export const FIELD_SUGGESTIONS_MAP = 'measureSuggestions';

/** The fields a suggestion may propose a value for: a row's text cells, a KPI's words and figures. */
export const SUGGESTIBLE_NODE_FIELDS = ['title', 'description'] as const satisfies readonly NodeTextField[];
export const SUGGESTIBLE_KPI_TEXT_FIELDS = ['name', 'unit', 'source'] as const;
export const SUGGESTIBLE_KPI_FIGURES = ['baselineValue', 'targetValue'] as const;

const id = z.string().min(1).max(200);
const text = z.string().max(10_000);

export const fieldTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('node'), id, field: z.enum(SUGGESTIBLE_NODE_FIELDS) }),
  z.object({ kind: z.literal('kpiText'), id, field: z.enum(SUGGESTIBLE_KPI_TEXT_FIELDS) }),
  z.object({ kind: z.literal('kpiFigure'), id, field: z.enum(SUGGESTIBLE_KPI_FIGURES) }),
]);
export type FieldTarget = z.infer<typeof fieldTargetSchema>;

/** What a cell holds: text, or a figure (a number, —, X or blank). */
export type FieldValue = string | Measured;

export const fieldSuggestionEntrySchema = z
  .object({
    author: z.string().min(1).max(200),
    at: z.number().int().nonnegative(),
    target: fieldTargetSchema,
    value: z.union([text, measuredSchema]),
    was: z.union([text, measuredSchema]),
  })
  .refine((entry) => (entry.target.kind === 'kpiFigure') === (typeof entry.value !== 'string' && typeof entry.was !== 'string'), {
    message: 'a figure proposes a figure, a text field a text',
  });
export type FieldSuggestionEntry = z.infer<typeof fieldSuggestionEntrySchema>;
