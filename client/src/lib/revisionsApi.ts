import {
  AuditResponse,
  CompareResponse,
  OkResponse,
  RevisionContentResponse,
  RevisionResponse,
  RevisionsResponse,
  type FreezeRevisionRequest,
  type MeasureDiff,
  type OpenReviewRequest,
  type ProseDiffRow,
  type ReviewDecisionRequest,
  type SuggestionView,
} from '@sakutei/shared';
import { request, type Schema } from './api';

const planPath = (planId: string) => `/api/plans/${encodeURIComponent(planId)}`;
const revisionPath = (revisionId: string) => `/api/revisions/${encodeURIComponent(revisionId)}`;

export type DocumentFormat = 'docx' | 'html';

/** `draft` for the live draft, else a revision id. */
export type CompareSide = string;
export const DRAFT_SIDE: CompareSide = 'draft';

export type RevisionContent = ReturnType<typeof RevisionContentResponse.parse>;
export type AuditLog = ReturnType<typeof AuditResponse.parse>;

/** A 新旧対照表. The shared schema leaves the diff loose (it is recursive and large); the server builds it with the shared differ. */
export interface Comparison {
  from: { label: string; revisionId: string | null };
  to: { label: string; revisionId: string | null };
  prose: ProseDiffRow[];
  measures: MeasureDiff;
  /** When suggestions were asked for: the authors of those shown, in order of appearance. */
  suggestionAuthors?: Array<{ id: string; name: string }>;
}

const ComparisonSchema: Schema<Comparison> = {
  parse: (data) => CompareResponse.parse(data) as Comparison,
};

export function listRevisions(planId: string, signal?: AbortSignal) {
  return request(`${planPath(planId)}/revisions`, RevisionsResponse, { signal });
}

export function getRevision(revisionId: string, signal?: AbortSignal): Promise<RevisionContent> {
  return request(revisionPath(revisionId), RevisionContentResponse, { signal });
}

export function freezeRevision(planId: string, body: FreezeRevisionRequest) {
  return request(`${planPath(planId)}/revisions`, RevisionResponse, { method: 'POST', body });
}

export function openReview(revisionId: string, body: OpenReviewRequest) {
  return request(`${revisionPath(revisionId)}/review`, RevisionResponse, { method: 'POST', body });
}

export function decideReview(revisionId: string, body: ReviewDecisionRequest) {
  return request(`${revisionPath(revisionId)}/decision`, RevisionResponse, { method: 'POST', body });
}

export function withdrawReview(revisionId: string) {
  return request(`${revisionPath(revisionId)}/withdraw`, RevisionResponse, { method: 'POST' });
}

export function restoreRevision(revisionId: string) {
  return request(`${revisionPath(revisionId)}/restore`, OkResponse, { method: 'POST' });
}

/** With `suggestions: 'markup'`, the newer side's pending suggestions are shown over the comparison of clean texts. */
export function compareRevisions(planId: string, from: CompareSide, to: CompareSide, signal?: AbortSignal, suggestions: SuggestionView = 'clean'): Promise<Comparison> {
  const query = new URLSearchParams({ from, to, ...(suggestions === 'markup' ? { suggestions } : {}) });
  return request(`${planPath(planId)}/compare?${query}`, ComparisonSchema, { signal });
}

/** One page of the record, newest first: the newest entries, or those before the cursor `before`. */
export function getAuditLog(planId: string, signal?: AbortSignal, before?: number): Promise<AuditLog> {
  const query = before === undefined ? '' : `?${new URLSearchParams({ before: String(before) })}`;
  return request(`${planPath(planId)}/audit${query}`, AuditResponse, { signal });
}

/**
 * Where the browser downloads a revision (DOCX) or opens it to print (HTML); with `markup`, its
 * pending suggestions as tracked changes / 見え消し (otherwise the text as if each were rejected).
 */
export function revisionExportUrl(revisionId: string, format: DocumentFormat, suggestions: SuggestionView = 'clean'): string {
  return `${revisionPath(revisionId)}/export?format=${format}${suggestions === 'markup' ? '&suggestions=markup' : ''}`;
}

/**
 * `order`: which side stands on the left (改正後 by default); `calendar`: 和暦 (default) or 西暦
 * dates; `suggestions`: the newer side's pending suggestions as 見え消し (`markup`) or not.
 */
export type ExportOptions = { order?: 'new-old' | 'old-new'; calendar?: 'wareki' | 'seireki'; suggestions?: SuggestionView };

export function compareExportUrl(planId: string, from: CompareSide, to: CompareSide, format: DocumentFormat, options: ExportOptions = {}): string {
  return `${planPath(planId)}/compare/export?${new URLSearchParams({ from, to, format, ...options })}`;
}
