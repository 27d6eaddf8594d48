import { createRoute } from '@hono/zod-openapi';
import {
  AddGeneratedMaterialBody,
  ApiErrorBody,
  MAX_COUNCIL_MATERIAL_BYTES,
  MAX_MATERIAL_FILE_NAME_CHARS,
  MAX_MATERIALS_PER_MEETING,
  MaterialTitle,
  MeetingMaterial,
  MeetingMaterials,
  UpdateMaterialBody,
} from '@sakutei/shared';
import { z } from 'zod';
import { cookieAuth, errorResponses, json } from '../openapi';
import { MeetingParams } from './schema';

const MaterialParams = MeetingParams.extend({ materialId: z.string().min(1).max(64) });

// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;
const FileName = z
  .string()
  .trim()
  .min(1)
  .max(MAX_MATERIAL_FILE_NAME_CHARS)
  .refine((s) => !UNPRINTABLE.test(s) && !/[\\/]/.test(s), { message: 'a file name without control characters or slashes' });

const WHO = 'Members, the vice chair, the chair and staff read materials (meetings.read); observers and other councils get 404. Staff and the chair (meetings.manage) add, change and remove them; others get 403.';
const binary = (type: string) => ({ [type]: { schema: z.string().openapi({ format: 'binary' }) } });

const writeErrors = {
  400: errorResponses[400],
  401: errorResponses[401],
  403: errorResponses[403],
  404: errorResponses[404],
  429: errorResponses[429],
} as const;

export const listMaterialsRoute = createRoute({
  method: 'get',
  path: '/api/workspaces/{id}/meetings/{meetingId}/materials',
  tags: ['meetings'],
  summary: "A meeting's materials in order, labelled 資料1, 資料2 … by position, with the upload limits.",
  description: WHO,
  security: cookieAuth,
  request: { params: MeetingParams },
  responses: { 200: json(MeetingMaterials, 'The materials.'), 401: errorResponses[401], 404: errorResponses[404] },
});

export const uploadMaterialRoute = createRoute({
  method: 'post',
  path: '/api/workspaces/{id}/meetings/{meetingId}/materials',
  tags: ['meetings'],
  summary: 'Adds an uploaded file (PDF, DOCX or XLSX) at the end of the materials.',
  description: `The body is the file's raw bytes; \`name\` is its file name, \`title\` the material's title (default: the name without its extension). The type is judged by the bytes alone (a PDF starts with %PDF-; a DOCX / XLSX is a zip with word/document.xml / xl/workbook.xml), never by the name or Content-Type: anything else is 415 unsupported_file_type. A body over SAKUTEI_MATERIAL_MAX_BYTES (default 20 MiB) is refused with 413 while it streams in. At most ${MAX_MATERIALS_PER_MEETING} per meeting (409 too_many_materials) and ${MAX_COUNCIL_MATERIAL_BYTES / 1024 / 1024} MiB per council (409 council_materials_full). Recorded as \`meeting.material.add\`. ${WHO}`,
  security: cookieAuth,
  request: {
    params: MeetingParams,
    query: z.object({ name: FileName, title: MaterialTitle.optional() }),
    body: { required: true, content: binary('application/octet-stream') },
  },
  responses: {
    201: json(z.object({ material: MeetingMaterial }), 'The material as stored.'),
    ...writeErrors,
    409: json(ApiErrorBody, 'Too many materials, the council is full, or the council is archived.'),
    413: json(ApiErrorBody, 'The file is larger than SAKUTEI_MATERIAL_MAX_BYTES (payload_too_large).'),
    415: json(ApiErrorBody, 'Not a PDF, DOCX or XLSX (unsupported_file_type).'),
  },
});

export const addGeneratedMaterialRoute = createRoute({
  method: 'post',
  path: '/api/workspaces/{id}/meetings/{meetingId}/materials/generated',
  tags: ['meetings'],
  summary: 'Adds a material generated from a frozen revision of one of the council\'s plans, at the end of the materials.',
  description: `\`kind\`: \`revision\` (the revision as Word, like its export), \`compare\` (its 新旧対照表 against the revision numbered before it, as Word; 400 no_previous_revision for a plan's first revision) or \`opinions\` (the 委員意見と対応 table of the threads opened on that revision, as XLSX). Only the reference is stored: the file is rendered by the existing exports when downloaded (as the person downloading), so it costs nothing of the council's byte quota; it is numbered 資料n with the uploads and counts towards the ${MAX_MATERIALS_PER_MEETING} per meeting (409 too_many_materials). A plan of another council or an unknown revision is 404. \`title\` defaults to e.g. 「第3版 答申案」, 「新旧対照表（第2版→第3版）」, 「委員意見と対応（第3版）」. Recorded as \`meeting.material.add\`. ${WHO}`,
  security: cookieAuth,
  request: { params: MeetingParams, body: { required: true, content: { 'application/json': { schema: AddGeneratedMaterialBody } } } },
  responses: {
    201: json(z.object({ material: MeetingMaterial }), 'The material as stored.'),
    ...writeErrors,
    409: json(ApiErrorBody, 'Too many materials, or the council is archived.'),
    413: json(ApiErrorBody, 'The body is larger than the API takes (payload_too_large).'),
  },
});

export const updateMaterialRoute = createRoute({
  method: 'patch',
  path: '/api/workspaces/{id}/meetings/{meetingId}/materials/{materialId}',
  tags: ['meetings'],
  summary: "Renames a material or moves it to another position (the others shift; labels follow positions).",
  description: WHO,
  security: cookieAuth,
  request: { params: MaterialParams, body: { required: true, content: { 'application/json': { schema: UpdateMaterialBody } } } },
  responses: {
    200: json(z.object({ materials: z.array(MeetingMaterial) }), 'All the materials, in their new order.'),
    ...writeErrors,
    409: json(ApiErrorBody, 'The council is archived.'),
    413: json(ApiErrorBody, 'The body is larger than the API takes (payload_too_large).'),
  },
});

export const deleteMaterialRoute = createRoute({
  method: 'delete',
  path: '/api/workspaces/{id}/meetings/{meetingId}/materials/{materialId}',
  tags: ['meetings'],
  summary: 'Removes a material with its file; later materials move up (資料3 becomes 資料2).',
  description: `Recorded as \`meeting.material.remove\`. ${WHO}`,
  security: cookieAuth,
  request: { params: MaterialParams },
  responses: {
    200: json(z.object({ materials: z.array(MeetingMaterial) }), 'The remaining materials.'),
    ...writeErrors,
    409: json(ApiErrorBody, 'The council is archived.'),
  },
});

export const downloadMaterialRoute = createRoute({
  method: 'get',
  path: '/api/workspaces/{id}/meetings/{meetingId}/materials/{materialId}/file',
  tags: ['meetings'],
  summary: 'The material\'s file as an attachment named 資料n_{title}.{ext}.',
  description: `A generated material is rendered now from its revision (404 when the revision is gone). Served with its stored type, Content-Disposition: attachment (filename* in UTF-8), X-Content-Type-Options: nosniff, Content-Security-Policy: sandbox; default-src 'none' and Cache-Control: private, no-store. ${WHO}`,
  security: cookieAuth,
  request: { params: MaterialParams },
  responses: {
    200: {
      description: 'The file.',
      content: {
        ...binary('application/pdf'),
        ...binary('application/vnd.openxmlformats-officedocument.wordprocessingml.document'),
        ...binary('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
      },
    },
    401: errorResponses[401],
    404: errorResponses[404],
  },
});

export const bundleMaterialsRoute = createRoute({
  method: 'get',
  path: '/api/workspaces/{id}/meetings/{meetingId}/materials/bundle',
  tags: ['meetings'],
  summary: 'Every material of the meeting in one ZIP, entries named 資料1_{title}.{ext} in order.',
  description: `409 no_materials when there is none; 409 bundle_too_large past ten files of the largest upload size (SAKUTEI_MATERIAL_MAX_BYTES × 10, a generated material counting as one such file; download them one by one); 503 server_busy with Retry-After while another bundle is being built in this process. Served with the same safe headers as a single file. ${WHO}`,
  security: cookieAuth,
  request: { params: MeetingParams },
  responses: {
    200: { description: 'The ZIP.', content: binary('application/zip') },
    401: errorResponses[401],
    404: errorResponses[404],
    409: json(ApiErrorBody, 'The meeting has no materials (no_materials), or too many bytes for one bundle (bundle_too_large).'),
    503: json(ApiErrorBody, 'Another bundle is being built (server_busy); try again after Retry-After.'),
  },
});
