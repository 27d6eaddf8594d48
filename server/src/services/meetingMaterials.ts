import {
  MATERIAL_CONTENT_TYPES,
  MAX_COUNCIL_MATERIAL_BYTES,
  MAX_MATERIALS_PER_MEETING,
  type AddGeneratedMaterialBody,
  type MeetingMaterial,
  bundleCost,
  bundleFits,
  type MeetingMaterials,
  type UpdateMaterialBody,
  materialFileName,
  materialLabel,
  sniffMaterial,
  titleFromFileName,
} from '@sakutei/shared';
import JSZip from 'jszip';
import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../env';
import { AppError, notFound } from '../errors';
import { canManageMeetings } from '../policies/meetings';
import { generatedMaterials } from './generatedMaterials';
import type { UserRecord } from '../storage';
import type { MaterialRecord } from '../storage/meetingMaterials';
import { invalid, meetingAccess } from './meetingAccess';

export const presentMaterial = (m: MaterialRecord): MeetingMaterial => ({
  id: m.id,
  position: m.position,
  label: materialLabel(m.position),
  kind: m.source?.kind ?? 'file',
  source: m.source ? { planId: m.source.planId, revisionId: m.source.revisionId } : null,
  title: m.title,
  fileName: m.fileName,
  fileType: m.fileType,
  contentType: m.contentType,
  size: m.size,
  downloadName: materialFileName(m.position, m.title, m.fileType),
  createdAt: m.createdAt,
});

export type MaterialUpload = { name: string; title?: string | undefined };

/**
 * A bundle is built in memory (the files and the ZIP of them), so its cost is bounded: at most
 * ten files of the largest upload size (bundleFits; 200 MiB by default; a generated file counts
 * as one such file), and one bundle at a
 * time in a process (others are asked to come back in a moment), so a few members clicking
 * 一括ダウンロード at once cannot exhaust the server's memory.
 */
let bundlesBuilding = 0;

/**
 * A meeting's materials (資料1, 資料2 …, issue 17 item 3): uploads checked by their bytes,
 * numbered by position, downloaded one by one or as one ZIP. Who may: policies/meetings.ts
 * (meetings.read to list and download, meetings.manage to change).
 */
export function meetingMaterialService(deps: AppDeps) {
  const { storage } = deps;
  const access = meetingAccess(deps);
  const generated = generatedMaterials(deps);

  /** A material's bytes: stored for an upload, rendered now (as `user`) for a generated one. */
  async function bytesOf(user: UserRecord, material: MaterialRecord): Promise<Uint8Array | null> {
    return material.source ? generated.render(user, material.source) : storage.meetingMaterials.content(material.id);
  }

  /** Appends a material (its audit entry in the same transaction), translating the store's refusals. */
  async function append(user: UserRecord, workspaceId: string, meetingName: string, record: Parameters<typeof storage.meetingMaterials.add>[0], bytes: Uint8Array) {
    const { id, title, fileName, size, source } = record;
    const result = await storage.meetingMaterials.add(
      record,
      bytes,
      { perMeeting: MAX_MATERIALS_PER_MEETING, councilBytes: MAX_COUNCIL_MATERIAL_BYTES },
      access.audit(user, workspaceId, 'meeting.material.add', { meetingId: record.meetingId, name: `${meetingName} ${title}`, materialId: id, title, fileName, size, ...(source ? { sourceKind: source.kind, sourcePlanId: source.planId, revisionId: source.revisionId } : {}) }, record.createdAt),
    );
    if (result === 'no_meeting') throw notFound('meeting');
    if (result === 'too_many') throw new AppError(409, 'too_many_materials', `A meeting has at most ${MAX_MATERIALS_PER_MEETING} materials.`);
    if (result === 'council_full') {
      throw new AppError(409, 'council_materials_full', `A council keeps at most ${MAX_COUNCIL_MATERIAL_BYTES / 1024 / 1024} MiB of materials; remove some first.`);
    }
    return presentMaterial((await storage.meetingMaterials.find(id))!);
  }

  async function materialOf(meetingId: string, materialId: string): Promise<MaterialRecord> {
    const material = await storage.meetingMaterials.find(materialId);
    if (!material || material.meetingId !== meetingId) throw notFound('material');
    return material;
  }

  return {
    async list(user: UserRecord, workspaceId: string, meetingId: string): Promise<MeetingMaterials> {
      const role = await access.reader(workspaceId, user);
      await access.meetingOf(workspaceId, meetingId);
      const [materials, used] = await Promise.all([storage.meetingMaterials.list(meetingId), storage.meetingMaterials.councilBytes(workspaceId)]);
      return {
        materials: materials.map(presentMaterial),
        mayManage: canManageMeetings(role),
        limits: { maxBytes: deps.config.materialMaxBytes, maxMaterials: MAX_MATERIALS_PER_MEETING, councilBytesLeft: Math.max(0, MAX_COUNCIL_MATERIAL_BYTES - used) },
      };
    },

    async upload(user: UserRecord, workspaceId: string, meetingId: string, upload: MaterialUpload, bytes: Uint8Array): Promise<MeetingMaterial> {
      await access.manager(workspaceId, user);
      const meeting = await access.meetingOf(workspaceId, meetingId);
      if (bytes.length === 0) throw invalid('empty_file', 'The file is empty.');
      // The bytes decide, never the name or the type the browser sent.
      const fileType = sniffMaterial(bytes);
      if (!fileType) throw new AppError(415, 'unsupported_file_type', 'Only PDF, Word (.docx) and Excel (.xlsx) files can be materials; this file is none of them.');
      const title = upload.title ?? (titleFromFileName(upload.name) || '資料');
      const record = { id: randomUUID(), meetingId, workspaceId, title, fileName: upload.name, fileType, contentType: MATERIAL_CONTENT_TYPES[fileType], size: bytes.length, createdBy: user.id, createdAt: Date.now(), source: null };
      return append(user, workspaceId, await access.labelOf(meeting), record, bytes);
    },

    /**
     * Adds a material generated from a frozen revision of one of the council's plans: the
     * revision, its 新旧対照表 or its 委員意見と対応 (generatedMaterials.ts). Numbered with the uploads;
     * no bytes are kept, so it takes nothing of the council's quota.
     */
    async addGenerated(user: UserRecord, workspaceId: string, meetingId: string, body: AddGeneratedMaterialBody): Promise<MeetingMaterial> {
      await access.manager(workspaceId, user);
      const meeting = await access.meetingOf(workspaceId, meetingId);
      const { source, title, fileType, fileName } = await generated.resolve(workspaceId, body);
      const record = { id: randomUUID(), meetingId, workspaceId, title, fileName, fileType, contentType: MATERIAL_CONTENT_TYPES[fileType], size: 0, createdBy: user.id, createdAt: Date.now(), source };
      return append(user, workspaceId, await access.labelOf(meeting), record, new Uint8Array(0));
    },

    async update(user: UserRecord, workspaceId: string, meetingId: string, materialId: string, change: UpdateMaterialBody): Promise<MeetingMaterial[]> {
      await access.manager(workspaceId, user);
      await access.meetingOf(workspaceId, meetingId);
      await materialOf(meetingId, materialId);
      if (!(await storage.meetingMaterials.update(materialId, change))) throw notFound('material');
      return (await storage.meetingMaterials.list(meetingId)).map(presentMaterial);
    },

    async remove(user: UserRecord, workspaceId: string, meetingId: string, materialId: string): Promise<MeetingMaterial[]> {
      await access.manager(workspaceId, user);
      const meeting = await access.meetingOf(workspaceId, meetingId);
      const material = await materialOf(meetingId, materialId);
      // `name` is what the audit record shows beside the kind: the meeting and the material.
      const audit = access.audit(user, workspaceId, 'meeting.material.remove', {
        meetingId,
        name: `${await access.labelOf(meeting)} ${material.title}`,
        materialId,
        title: material.title,
        fileName: material.fileName,
      });
      if (!(await storage.meetingMaterials.remove(materialId, audit))) throw notFound('material');
      return (await storage.meetingMaterials.list(meetingId)).map(presentMaterial);
    },

    async download(user: UserRecord, workspaceId: string, meetingId: string, materialId: string) {
      await access.reader(workspaceId, user);
      await access.meetingOf(workspaceId, meetingId);
      const material = await materialOf(meetingId, materialId);
      const bytes = await bytesOf(user, material);
      if (!bytes) throw notFound('material');
      return { material: presentMaterial(material), bytes };
    },

    /** Every material of the meeting in one ZIP, entries named 資料1_{title}.pdf in order. */
    async bundle(user: UserRecord, workspaceId: string, meetingId: string) {
      await access.reader(workspaceId, user);
      const meeting = await access.meetingOf(workspaceId, meetingId);
      const materials = await storage.meetingMaterials.list(meetingId);
      if (materials.length === 0) throw new AppError(409, 'no_materials', 'This meeting has no materials yet.');
      // A generated file counts as one file of the largest upload size: its size is known only once rendered.
      if (!bundleFits(materials.map((m) => bundleCost(presentMaterial(m), deps.config.materialMaxBytes)), deps.config.materialMaxBytes)) {
        throw new AppError(409, 'bundle_too_large', 'These materials are too large to download as one file: download them one by one.');
      }
      if (bundlesBuilding > 0) throw new AppError(503, 'server_busy', 'Another bundle of materials is being prepared. Try again in a few seconds.', 5);
      bundlesBuilding++;
      try {
        const zip = new JSZip();
        for (const m of materials) {
          const bytes = await bytesOf(user, m);
          if (bytes) zip.file(materialFileName(m.position, m.title, m.fileType), bytes, { date: new Date(m.createdAt) });
        }
        // The files are already compressed (PDF streams, Office zips): storing them keeps the bundle fast.
        const body = await zip.generateAsync({ type: 'uint8array', compression: 'STORE' });
        return { body, label: await access.labelOf(meeting) };
      } finally {
        bundlesBuilding--;
      }
    },
  };
}
