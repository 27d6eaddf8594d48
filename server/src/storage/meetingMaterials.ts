import type { GeneratedMaterialKind, MaterialFileType } from '@sakutei/shared';
import type { NewAuditEntry } from './auditRecord';

// A meeting's materials (資料, issue 17 item 3). The bytes of an upload live in the database
// beside the row (SQLite's file in the data folder, or PostgreSQL's bytea), so a backup, a
// restore and a council's deletion carry them with everything else, and a material is never
// listed without its bytes or the reverse.

export interface MaterialRecord {
  id: string;
  meetingId: string;
  workspaceId: string;
  /** 1-based; 資料{position} is derived from it. Positions of a meeting are 1..n without gaps. */
  position: number;
  title: string;
  fileName: string;
  fileType: MaterialFileType;
  contentType: string;
  size: number;
  createdBy: string | null;
  createdAt: number;
  /** A generated material's source (its bytes are rendered on download); null for an upload. */
  source: { kind: GeneratedMaterialKind; planId: string; revisionId: string } | null;
}

export type NewMaterial = Omit<MaterialRecord, 'position'>;

export type AddMaterialResult = 'added' | 'no_meeting' | 'too_many' | 'council_full';

export interface MaterialLimits {
  perMeeting: number;
  councilBytes: number;
}

export interface MeetingMaterialStore {
  /** The meeting's materials in order, without their bytes. */
  list(meetingId: string): Promise<MaterialRecord[]>;
  find(id: string): Promise<MaterialRecord | null>;
  /** The stored bytes of a material, or null when it is gone. */
  content(id: string): Promise<Uint8Array | null>;
  /** Bytes of all the council's materials. */
  councilBytes(workspaceId: string): Promise<number>;
  /** Appends the material at the end (a generated one with empty bytes), checking both limits and appending its audit entry in one transaction. */
  add(material: NewMaterial, bytes: Uint8Array, limits: MaterialLimits, audit: NewAuditEntry): Promise<AddMaterialResult>;
  /** Renames and/or moves the material (the others shift); false when it is gone. */
  update(id: string, change: { title?: string; position?: number }): Promise<boolean>;
  /** Removes the material and closes the gap; false when it is gone. */
  remove(id: string, audit: NewAuditEntry): Promise<boolean>;
}

export type MaterialRow = {
  id: string;
  meeting_id: string;
  workspace_id: string;
  position: number;
  title: string;
  file_name: string;
  file_type: MaterialFileType;
  content_type: string;
  size: number | string;
  created_by: string | null;
  created_at: number | string;
  source_kind: GeneratedMaterialKind | null;
  source_plan_id: string | null;
  source_revision_id: string | null;
};

export const MATERIAL_COLUMNS = 'id, meeting_id, workspace_id, position, title, file_name, file_type, content_type, size, created_by, created_at, source_kind, source_plan_id, source_revision_id';

export const toMaterial = (r: MaterialRow): MaterialRecord => ({
  id: r.id,
  meetingId: r.meeting_id,
  workspaceId: r.workspace_id,
  position: r.position,
  title: r.title,
  fileName: r.file_name,
  fileType: r.file_type,
  contentType: r.content_type,
  size: Number(r.size),
  createdBy: r.created_by,
  createdAt: Number(r.created_at),
  source: r.source_kind && r.source_plan_id && r.source_revision_id ? { kind: r.source_kind, planId: r.source_plan_id, revisionId: r.source_revision_id } : null,
});

/** The position a move lands on: within 1..count. */
export const clampPosition = (position: number, count: number) => Math.min(Math.max(1, position), Math.max(1, count));
