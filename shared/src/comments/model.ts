import { z } from 'zod';

/**
 * Review comments: threads anchored to a sentence of the plan's prose or to a cell of its
 * measure table. They live in the database, not in the Y.Doc, so people who may only
 * comment never need write access to the document.
 */

/** An encoded Y.RelativePosition (`Y.encodeRelativePosition`), base64. */
const relativePosition = z
  .string()
  .min(4)
  .max(2000)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'not base64');

/**
 * A text range of the prose, kept as two relative positions: they follow concurrent edits
 * around them, and are stored outside the document so that placing one needs no write
 * access to it. `quote` is the text as it was when the thread was made, shown once the
 * range has been deleted (the thread is then "detached", never lost).
 */
export const TextAnchor = z.object({
  kind: z.literal('text'),
  start: relativePosition,
  end: relativePosition,
  quote: z.string().min(1).max(1000),
});
export type TextAnchor = z.infer<typeof TextAnchor>;

export const NODE_ANCHOR_FIELDS = ['title', 'description', 'status', 'contacts'] as const;
export const KPI_ANCHOR_FIELDS = ['name', 'unit', 'direction', 'baseline', 'target', 'actual', 'source'] as const;

/** A row, a KPI, or one field of a KPI (the actual of one fiscal year, say). Ids are stable. */
export const MeasureTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('node'), id: z.string().min(1).max(64), field: z.enum(NODE_ANCHOR_FIELDS).nullable() }),
  z.object({
    kind: z.literal('kpi'),
    id: z.string().min(1).max(64),
    field: z.enum(KPI_ANCHOR_FIELDS).nullable(),
    fiscalYear: z.number().int().min(1868).max(2200).nullable(),
  }),
]);
export type MeasureTarget = z.infer<typeof MeasureTarget>;

export const MeasureAnchor = z.object({
  kind: z.literal('measure'),
  target: MeasureTarget,
  /** Where it was, as people say it: `成果指標⑩ 実績値 R5`. */
  quote: z.string().min(1).max(1000),
});
export type MeasureAnchor = z.infer<typeof MeasureAnchor>;

export const Anchor = z.discriminatedUnion('kind', [TextAnchor, MeasureAnchor]);
export type Anchor = z.infer<typeof Anchor>;

/** 対応方針: how the council's opinion will be handled. */
export const DISPOSITIONS = ['reflect', 'partial', 'notReflect', 'considering'] as const;
export const Disposition = z.enum(DISPOSITIONS);
export type Disposition = z.infer<typeof Disposition>;
export const DISPOSITION_LABELS: Record<Disposition, string> = {
  reflect: '反映する',
  partial: '一部反映',
  notReflect: '反映しない',
  considering: '検討中',
};

export const THREAD_STATUSES = ['open', 'resolved'] as const;
export const ThreadStatus = z.enum(THREAD_STATUSES);
export type ThreadStatus = z.infer<typeof ThreadStatus>;

export const MAX_COMMENT_CHARS = 4000;

export const Person = z.object({ id: z.string(), name: z.string() });
export type Person = z.infer<typeof Person>;

export const Comment = z.object({
  id: z.string(),
  threadId: z.string(),
  author: Person,
  /** Plain text with mention tokens `@[name](userId)`; empty once deleted. */
  body: z.string(),
  mentions: z.array(Person),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  /** A deleted comment keeps its place in the thread, without its text. */
  deletedAt: z.string().nullable(),
});
export type Comment = z.infer<typeof Comment>;

export const Thread = z.object({
  id: z.string(),
  planId: z.string(),
  /** The frozen revision it was made on (a review round), or null for the live draft. */
  revisionId: z.string().nullable(),
  /** The plan-wide number the 委員意見と対応 table lists it under. */
  number: z.number().int(),
  anchor: Anchor,
  status: ThreadStatus,
  disposition: Disposition.nullable(),
  /** 対応内容: the written response. */
  response: z.string(),
  author: Person,
  createdAt: z.string(),
  updatedAt: z.string(),
  resolvedBy: Person.nullable(),
  resolvedAt: z.string().nullable(),
  comments: z.array(Comment),
});
export type Thread = z.infer<typeof Thread>;
