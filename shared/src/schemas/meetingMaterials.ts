import { z } from 'zod';
import { GENERATED_MATERIAL_KINDS, MAX_MATERIAL_TITLE_CHARS } from '../meetings/materials';

/** Meeting materials (資料1, 資料2 …, issue 17 item 3): what the materials routes take and answer. */

// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;

export const MaterialTitle = z
  .string()
  .trim()
  .min(1)
  .max(MAX_MATERIAL_TITLE_CHARS)
  .refine((s) => !UNPRINTABLE.test(s), { message: 'no control characters or line breaks' });

export const MeetingMaterial = z.object({
  id: z.string(),
  /** 1-based position; the label 資料{position} is derived from it. */
  position: z.number().int().min(1),
  label: z.string(),
  /** `file`: an upload; else generated from a frozen revision when downloaded (GENERATED_MATERIAL_KINDS). */
  kind: z.enum(['file', ...GENERATED_MATERIAL_KINDS]),
  /** The plan and revision a generated material renders; null for an upload. */
  source: z.object({ planId: z.string(), revisionId: z.string() }).nullable(),
  title: z.string(),
  fileName: z.string(),
  fileType: z.enum(['pdf', 'docx', 'xlsx']),
  contentType: z.string(),
  /** Bytes of an upload; 0 for a generated material (rendered on download). */
  size: z.number().int().min(0),
  /** The name it is downloaded under: 資料1_{title}.pdf. */
  downloadName: z.string(),
  createdAt: z.number(),
});
export type MeetingMaterial = z.infer<typeof MeetingMaterial>;

export const MeetingMaterials = z.object({
  materials: z.array(MeetingMaterial),
  mayManage: z.boolean(),
  /** Limits the client shows before an upload is refused. */
  limits: z.object({ maxBytes: z.number().int(), maxMaterials: z.number().int(), councilBytesLeft: z.number().int() }),
});
export type MeetingMaterials = z.infer<typeof MeetingMaterials>;

export const UpdateMaterialBody = z
  .object({ title: MaterialTitle.optional(), position: z.number().int().min(1).max(1000).optional() })
  .strict()
  .refine((b) => b.title !== undefined || b.position !== undefined, { message: 'name a title or a position' });
export type UpdateMaterialBody = z.infer<typeof UpdateMaterialBody>;

/** A material generated from a frozen revision of one of the council's plans (staff and the chair). */
export const AddGeneratedMaterialBody = z
  .object({
    planId: z.string().min(1).max(64),
    revisionId: z.string().min(1).max(64),
    kind: z.enum(GENERATED_MATERIAL_KINDS),
    title: MaterialTitle.optional(),
  })
  .strict();
export type AddGeneratedMaterialBody = z.infer<typeof AddGeneratedMaterialBody>;
