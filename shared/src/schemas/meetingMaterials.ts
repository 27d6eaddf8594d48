import { z } from 'zod';
import { MAX_MATERIAL_TITLE_CHARS } from '../meetings/materials';

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
  kind: z.literal('file'),
  title: z.string(),
  fileName: z.string(),
  fileType: z.enum(['pdf', 'docx', 'xlsx']),
  contentType: z.string(),
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
