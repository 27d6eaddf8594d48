import { REVISION_STAGES, type Revision, type ReviewStatus } from '@sakutei/shared';
import type { MessageKey, Translate } from '../../i18n';

/** How many hex digits of a SHA-256 a person compares by eye; the full hash is in the title. */
export const SHORT_HASH_CHARS = 12;

export const shortHash = (hash: string) => hash.slice(0, SHORT_HASH_CHARS);

/** 第2版 */
export const revisionNumberText = (revision: Pick<Revision, 'number'>, t: Translate) =>
  t('revisions.number', { number: revision.number });

/**
 * A stage as this reader says it. Stages are stored as the council wrote them (素案); the
 * usual ones have an English name, anything else is shown as written.
 */
export function stageText(stage: string, t: Translate): string {
  const known = REVISION_STAGES.find((candidate) => candidate.label === stage);
  return known ? t(`revisions.stage.${known.id}` satisfies MessageKey) : stage;
}

export const statusText = (status: ReviewStatus, t: Translate) => t(`revisions.status.${status}` satisfies MessageKey);

/** 第2版「素案（たたき台）」（素案）, for headings and option labels. */
export function revisionLabel(revision: Pick<Revision, 'number' | 'name' | 'stage'>, t: Translate): string {
  return t('revisions.label', {
    number: revisionNumberText(revision, t),
    name: revision.name,
    stage: stageText(revision.stage, t),
  });
}

/** The newest revision the council approved, if any (the list comes oldest first). */
export function latestApproved<T extends Pick<Revision, 'review'>>(revisions: readonly T[]): T | null {
  return revisions.findLast((revision) => revision.review.status === 'approved') ?? null;
}
