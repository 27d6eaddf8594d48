import { sniffMaterial } from '@sakutei/shared';
import type { Translate } from '../../i18n';
import { ApiError } from '../../lib/api';

/** Why a file cannot be a material, judged before sending it (the server judges again): null when it may be sent. */
export async function materialRefusal(file: Blob, maxBytes: number, t: Translate): Promise<string | null> {
  if (file.size === 0) return t('meetings.materials.error.empty');
  if (file.size > maxBytes) return t('meetings.materials.error.tooLarge', { max: megabytes(maxBytes) });
  // The first bytes and the zip's directory decide, as on the server; the whole file is read
  // only when it is small enough to be sent anyway.
  const bytes = new Uint8Array(await file.arrayBuffer());
  return sniffMaterial(bytes) ? null : t('meetings.materials.error.type');
}

export const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** A size as people read it: KB under a megabyte. */
export const sizeText = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : megabytes(bytes));

/** A refused upload or change in words. */
export function materialsErrorText(error: unknown, t: Translate, maxBytes: number): string {
  if (!(error instanceof ApiError)) return t('meetings.materials.error.failed');
  switch (error.code) {
    case 'unsupported_file_type':
      return t('meetings.materials.error.type');
    case 'payload_too_large':
      return t('meetings.materials.error.tooLarge', { max: megabytes(maxBytes) });
    case 'empty_file':
      return t('meetings.materials.error.empty');
    case 'too_many_materials':
      return t('meetings.materials.error.tooMany');
    case 'council_materials_full':
      return t('meetings.materials.error.councilFull');
    case 'council_archived':
      return t('meetings.error.archived');
    case 'rate_limited':
      return t('meetings.error.rateLimited');
    case 'forbidden':
      return t('meetings.error.forbidden');
    default:
      return t('meetings.materials.error.failed');
  }
}
