import type { AuditEntry, Member } from '@sakutei/shared';
import { ResourceStatus } from '../../app/ResourceStatus';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useApiResource } from '../../app/useApiResource';
import { useI18n } from '../../i18n';
import { getAuditLog, type AuditLog as AuditLogData } from '../../lib/revisionsApi';
import { formatCommentTime } from '@sakutei/shared';
import { auditDetails, auditKindText } from './auditText';

interface Props {
  planId: string;
  members: readonly Member[];
  /** Changes whenever something that is recorded may have happened; the log is read again. */
  refreshKey: string;
}

/** The record of reviews, approvals, restores, role changes and resolved threads, and whether its chain holds. */
export function AuditLog({ planId, members, refreshKey }: Props) {
  const { t } = useI18n();
  const headingId = useId();
  const { resource, reload } = useApiResource(`audit:${planId}`, (signal) => getAuditLog(planId, signal));
  const readFor = useRef(refreshKey);
  useEffect(() => {
    if (readFor.current === refreshKey) return;
    readFor.current = refreshKey;
    reload();
  }, [refreshKey, reload]);

  return (
    <section className="revisions-section" data-testid="audit-log" aria-labelledby={headingId}>
      <h2 id={headingId} className="revisions-section__title">
        {t('revisions.audit.title')}
      </h2>
      <ResourceStatus resource={resource} failedMessage={t('revisions.audit.loadFailed')} onRetry={reload} quiet />
      {resource.status === 'loaded' && <AuditPages key={resource.data.entries[0]?.seq ?? 0} planId={planId} first={resource.data} members={members} labelledBy={headingId} />}
    </section>
  );
}

type Older = { entries: AuditEntry[]; next: number | null; firstBroken: number | null };

const earliest = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b));

/**
 * The newest page, then older pages on request (the server's cursor), so every entry can be
 * reached however many were recorded after it. Keyed by the newest entry: a reload that
 * brings a new entry starts again from the top.
 */
function AuditPages({ planId, first, members, labelledBy }: { planId: string; first: AuditLogData; members: readonly Member[]; labelledBy: string }) {
  const { t } = useI18n();
  const [older, setOlder] = useState<Older>({ entries: [], next: first.next, firstBroken: null });
  const [loading, setLoading] = useState<'idle' | 'loading' | 'failed'>('idle');
  const next = older.entries.length > 0 ? older.next : first.next;
  const more = useCallback(async () => {
    if (next === null) return;
    setLoading('loading');
    try {
      const page = await getAuditLog(planId, undefined, next);
      setOlder((o) => ({ entries: [...o.entries, ...page.entries], next: page.next, firstBroken: earliest(o.firstBroken, page.firstBroken) }));
      setLoading('idle');
    } catch {
      setLoading('failed');
    }
  }, [planId, next]);
  // Each page was checked when it was read: the record holds only if every page did.
  const firstBroken = earliest(first.firstBroken, older.firstBroken);
  const log = { ...first, entries: [...first.entries, ...older.entries], intact: firstBroken === null, firstBroken };

  return (
    <>
      <AuditTable log={log} members={members} labelledBy={labelledBy} />
      {next !== null && (
        <p className="audit-more">
          <button type="button" className="button" data-testid="audit-more" onClick={() => void more()} disabled={loading === 'loading'}>
            {loading === 'loading' ? t('revisions.audit.loadingMore') : t('revisions.audit.more')}
          </button>
          {loading === 'failed' && (
            <span role="alert" className="audit-more__failed">
              {t('revisions.audit.moreFailed')}
            </span>
          )}
        </p>
      )}
      {first.head && (
        <p className="audit-head" data-testid="audit-head" data-seq={first.head.seq} title={t('revisions.audit.headHint')}>
          {t('revisions.audit.head', { seq: first.head.seq, hash: first.head.hash })}
        </p>
      )}
    </>
  );
}

function AuditTable({ log, members, labelledBy }: { log: AuditLogData; members: readonly Member[]; labelledBy: string }) {
  const { t, locale } = useI18n();
  const nameOf = useMemo(() => {
    const names = new Map(members.map((member) => [member.userId, member.name]));
    return (userId: string) => names.get(userId) ?? null;
  }, [members]);
  const broken = log.firstBroken;

  return (
    <>
      <p
        className={`audit-status audit-status--${log.intact ? 'intact' : 'broken'}`}
        data-testid="audit-status"
        data-intact={String(log.intact)}
        role={log.intact ? undefined : 'alert'}
      >
        {log.intact
          ? t('revisions.audit.intact', { count: log.entries.length })
          : t('revisions.audit.broken', { number: broken ?? '?' })}
      </p>
      {log.entries.length === 0 ? (
        <p className="empty-state">{t('revisions.audit.empty')}</p>
      ) : (
        <div className="views-scroll" tabIndex={0} role="region" aria-labelledby={labelledBy}>
          <table className="views-table audit-table" aria-labelledby={labelledBy}>
            <thead>
              <tr>
                <th scope="col">{t('revisions.audit.col.seq')}</th>
                <th scope="col">{t('revisions.audit.col.at')}</th>
                <th scope="col">{t('revisions.audit.col.actor')}</th>
                <th scope="col">{t('revisions.audit.col.kind')}</th>
                <th scope="col">{t('revisions.audit.col.details')}</th>
              </tr>
            </thead>
            <tbody>
              {log.entries.map((entry) => {
                const suspect = broken !== null && entry.seq >= broken;
                return (
                  <tr
                    key={entry.seq}
                    data-testid="audit-entry"
                    data-kind={entry.kind}
                    data-seq={entry.seq}
                    className={suspect ? 'audit-table__suspect' : undefined}
                  >
                    <td className="audit-table__seq">{entry.seq}</td>
                    <td>
                      <time dateTime={entry.at}>{formatCommentTime(entry.at, locale)}</time>
                    </td>
                    <td>{entry.actor?.name || t('revisions.audit.system')}</td>
                    <th scope="row">
                      {auditKindText(entry, t)}
                      {suspect && <span className="audit-table__flag">{t('revisions.audit.suspect')}</span>}
                    </th>
                    <td className="audit-table__details">{auditDetails(entry, t, nameOf).join(' / ')}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
