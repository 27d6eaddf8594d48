import { DISPOSITIONS, isRole, type AuditEntry, type Disposition } from '@sakutei/shared';
import type { MessageKey, Translate } from '../../i18n';
import { formatWords, structureWords } from '../plan/suggestionWords';
import { shortHash, stageText } from './revisionText';

const isDisposition = (value: string): value is Disposition => (DISPOSITIONS as readonly string[]).includes(value);

/** What happened, as the record's reader says it. */
export const auditKindText = (entry: AuditEntry, t: Translate) => t(`revisions.audit.kind.${entry.kind}` satisfies MessageKey);

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const count = (value: unknown): number | null => (typeof value === 'number' && Number.isInteger(value) ? value : null);

/** An actual as stored on the record ({ kind, value, sub, met, note }), in the 一覧's own marks. */
function actualText(value: unknown, t: Translate): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (v['kind'] === 'number' && typeof v['value'] === 'number') return typeof v['sub'] === 'number' ? `${v['value']}（${v['sub']}）` : String(v['value']);
  if (v['kind'] === 'none') return '—';
  if (v['kind'] === 'withheld') return 'X';
  // A cleared cell ('blank') has no value to show; the kind says it was recorded.
  if (v['kind'] === 'judgement') return `${t(v['met'] === true ? 'kpiKinds.judgement.met' : 'kpiKinds.judgement.notMet')}${text(v['note']) ? ` ${text(v['note'])}` : ''}`;
  return null;
}

function roleText(value: unknown, t: Translate): string | null {
  const role = text(value);
  return role !== null && isRole(role) ? t(`role.${role}`) : null;
}

/**
 * The particulars of an entry, piece by piece: 第2版, the reason, the hash. The details are
 * whatever the server stored for that kind, so each is read defensively and skipped if odd.
 */
export function auditDetails(entry: AuditEntry, t: Translate, nameOf: (userId: string) => string | null): string[] {
  const d = entry.details;
  const parts: string[] = [];
  const number = count(d['revisionNumber']);
  if (number !== null) parts.push(t('revisions.number', { number }));
  const name = text(d['name']);
  if (name !== null) parts.push(t('revisions.audit.name', { name }));
  const stage = text(d['stage']);
  if (stage !== null) parts.push(t('revisions.audit.stage', { stage: stageText(stage, t) }));
  const threadNumber = count(d['threadNumber']);
  if (threadNumber !== null) parts.push(t('revisions.audit.thread', { number: threadNumber }));
  const userId = text(d['userId']);
  if (userId !== null) parts.push(t('revisions.audit.member', { name: nameOf(userId) ?? userId }));
  if (entry.kind === 'role.changed' || entry.kind === 'role.removed') {
    const from = roleText(d['from'], t);
    const to = roleText(d['to'], t);
    if (from !== null || to !== null) {
      parts.push(t('revisions.audit.roles', { from: from ?? t('revisions.audit.noRole'), to: to ?? t('revisions.audit.noRole') }));
    }
  }
  // Invitations name the address and the role offered (there is no account to name yet).
  if (entry.kind.startsWith('invitation.')) {
    const email = text(d['email']);
    if (email !== null) parts.push(email);
    const offered = roleText(d['to'], t);
    if (offered !== null) parts.push(offered);
  }
  if (entry.kind === 'thread.responded') {
    const disposition = text(d['disposition']);
    if (disposition !== null && isDisposition(disposition)) parts.push(t('revisions.audit.disposition', { label: t(`comments.disposition.${disposition}`) }));
    const response = text(d['response']);
    if (response !== null) parts.push(t('revisions.audit.response', { text: response }));
  }
  if (entry.kind === 'kpi.actualRecorded') {
    const kpi = text(d['kpi']);
    if (kpi !== null) parts.push(t('revisions.audit.kpi', { name: kpi }));
    const year = count(d['fiscalYear']);
    if (year !== null) parts.push(t('revisions.audit.fiscalYear', { year }));
    const value = actualText(d['value'], t);
    if (value !== null) parts.push(t('revisions.audit.value', { value }));
  }
  if (entry.kind === 'suggestion.accepted' || entry.kind === 'suggestion.rejected') parts.push(...suggestionText(d, t, nameOf));
  if (entry.kind === 'council.suggestionDecidersChanged') {
    const to = text(d['to']);
    if (to === 'editors' || to === 'chair') parts.push(t(`revisions.audit.deciders.${to}`));
  }
  if (d['onBehalfOfChair'] === true) parts.push(t('revisions.audit.onBehalf'));
  const reason = text(d['reason']);
  if (reason !== null) parts.push(t('revisions.audit.reason', { reason }));
  const hash = text(d['hash']);
  if (hash !== null) parts.push(t('revisions.audit.hash', { hash: shortHash(hash) }));
  return parts;
}

/** Whose suggestion, and the wording it proposed (the server keeps up to 200 characters of each side here). */
function suggestionText(d: Record<string, unknown>, t: Translate, nameOf: (userId: string) => string | null): string[] {
  const parts: string[] = [];
  const author = text(d['authorId']);
  if (author !== null) parts.push(t('revisions.audit.suggestionAuthor', { name: nameOf(author) ?? author }));
  // Block changes first, as the card shows them (「段落を分ける」「見出し3にする」), each once.
  parts.push(...new Set(structureChanges(d['structure']).map((change) => structureWords(t, change))));
  const deleted = text(d['deleted']);
  // A new paragraph's break is named above: the proposed text is what is left around it.
  const inserted = text(typeof d['inserted'] === 'string' ? d['inserted'].replace(/^\n+|\n+$/g, '') : null);
  if (deleted !== null && inserted !== null) parts.push(t('revisions.audit.suggestionReplace', { deleted, inserted }));
  else if (inserted !== null) parts.push(t('revisions.audit.suggestionInsert', { text: inserted }));
  else if (deleted !== null) parts.push(t('revisions.audit.suggestionDelete', { text: deleted }));
  // The record names a format without its text (「太字にする」).
  parts.push(...new Set(formatChanges(d['formats']).map((f) => formatWords(t, f.mark, f.action))));
  if (text(d['conflictOf']) !== null) parts.push(t('revisions.audit.suggestionConflict'));
  return parts;
}

const entries = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value) ? value.filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null) : [];

/** The stored `formats` ([{ mark, action }]), skipping anything odd. */
function formatChanges(value: unknown): Array<{ mark: string; action: 'add' | 'remove' }> {
  return entries(value).flatMap((f) => {
    const mark = text(f['mark']);
    const action = f['action'];
    return mark !== null && (action === 'add' || action === 'remove') ? [{ mark, action }] : [];
  });
}

const STRUCTURE_OPS = ['split', 'line', 'join', 'type'] as const;
type StructureOp = (typeof STRUCTURE_OPS)[number];

/** The stored `structure` ([{ op, block, level }]), skipping anything odd. */
function structureChanges(value: unknown): Array<{ op: StructureOp; block: string; level: number }> {
  return entries(value).flatMap((c) => {
    const op = c['op'];
    if (typeof op !== 'string' || !(STRUCTURE_OPS as readonly string[]).includes(op)) return [];
    return [{ op: op as StructureOp, block: typeof c['block'] === 'string' ? c['block'] : '', level: count(c['level']) ?? 0 }];
  });
}
