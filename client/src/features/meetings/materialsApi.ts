import { type AddGeneratedMaterialBody, MeetingMaterial, MeetingMaterials } from '@sakutei/shared';
import { z } from 'zod';
import { ApiError, request } from '../../lib/api';

const materialsPath = (workspaceId: string, meetingId: string) =>
  `/api/workspaces/${encodeURIComponent(workspaceId)}/meetings/${encodeURIComponent(meetingId)}/materials`;

const MaterialList = z.object({ materials: z.array(MeetingMaterial) });

export const listMaterials = (workspaceId: string, meetingId: string, signal?: AbortSignal) =>
  request(materialsPath(workspaceId, meetingId), MeetingMaterials, { signal });

export const updateMaterial = (workspaceId: string, meetingId: string, materialId: string, body: { title?: string; position?: number }) =>
  request(`${materialsPath(workspaceId, meetingId)}/${encodeURIComponent(materialId)}`, MaterialList, { method: 'PATCH', body });

export const removeMaterial = (workspaceId: string, meetingId: string, materialId: string) =>
  request(`${materialsPath(workspaceId, meetingId)}/${encodeURIComponent(materialId)}`, MaterialList, { method: 'DELETE' });

export const materialFileUrl = (workspaceId: string, meetingId: string, materialId: string) =>
  `${materialsPath(workspaceId, meetingId)}/${encodeURIComponent(materialId)}/file`;

export const materialsBundleUrl = (workspaceId: string, meetingId: string) => `${materialsPath(workspaceId, meetingId)}/bundle`;

/**
 * Uploads the file's bytes as they are, reporting progress (fetch cannot report an upload's
 * progress; XMLHttpRequest can). The server judges the type by the bytes.
 */
export function uploadMaterial(workspaceId: string, meetingId: string, file: File, onProgress: (fraction: number) => void): Promise<MeetingMaterial> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${materialsPath(workspaceId, meetingId)}?${new URLSearchParams({ name: file.name })}`);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'The upload failed.'));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status === 201) {
        resolve(z.object({ material: MeetingMaterial }).parse(body).material);
        return;
      }
      const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
      reject(new ApiError(xhr.status, error?.code ?? 'failed', error?.message ?? `HTTP ${xhr.status}`));
    };
    xhr.send(file);
  });
}

/** Adds a material generated from a frozen revision (the revision, its 新旧対照表 or its 委員意見と対応). */
export const addGeneratedMaterial = (workspaceId: string, meetingId: string, body: AddGeneratedMaterialBody) =>
  request(`${materialsPath(workspaceId, meetingId)}/generated`, z.object({ material: MeetingMaterial }), { method: 'POST', body });
