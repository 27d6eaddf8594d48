import type { ProseNode, Revision } from '@sakutei/shared';
import { hasPendingSuggestions } from '@sakutei/shared/editor';
import { ResourceStatus } from '../../app/ResourceStatus';
import { defaultProgressYear, deriveTable, fiscalYearOf } from '@sakutei/shared/measures';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useApiResource } from '../../app/useApiResource';
import { useI18n } from '../../i18n';
import { getRevision, type RevisionContent } from '../../lib/revisionsApi';
import { KpiListTable } from '../plan/tables/KpiListTable';
import { AnnualReportDownloads } from '../plan/components/AnnualReportDownloads';
import { FrozenProse } from './FrozenProse';
import { RevisionExports } from './RevisionExports';
import { revisionLabel, revisionNumberText, statusText } from './revisionText';
import { useFrozenDoc } from './useFrozenDoc';
import { useRevisionCommentScope } from './useRevisionCommentScope';

interface Props {
  /** From the list, so a review decided meanwhile shows at once; the content never changes. */
  revision: Revision;
  /** Given when the reader can be put away (not on the observers' page). */
  onClose?: () => void;
  /** Moves focus to the heading on mount: the reader was opened from a button elsewhere. */
  focusOnOpen?: boolean;
}

/** A frozen revision as it was approved or is being reviewed: its prose and its 成果指標一覧. */
export function RevisionReader({ revision, onClose, focusOnOpen = false }: Props) {
  const { t } = useI18n();
  const { resource, reload } = useApiResource(`revision:${revision.id}`, (signal) => getRevision(revision.id, signal));
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (!focusOnOpen) return;
    headingRef.current?.focus();
    headingRef.current?.scrollIntoView({ block: 'start' });
  }, [focusOnOpen, revision.id]);

  return (
    <section className="revision-reader" data-testid="revision-reader" data-revision-id={revision.id} aria-labelledby={headingId}>
      <header className="revision-reader__head">
        <h2 id={headingId} ref={headingRef} tabIndex={-1} className="revision-reader__title">
          {revisionLabel(revision, t)}
        </h2>
        <span className={`revision-status revision-status--${revision.review.status}`}>{statusText(revision.review.status, t)}</span>
        {/* The choice is offered where the reader can see there are suggestions to include. */}
        <RevisionExports
          revision={revision}
          offerSuggestions={resource.status === 'loaded' && hasPendingSuggestions(resource.data.snapshot.prose as ProseNode)}
        />
        {onClose && (
          <button type="button" className="button button--quiet" data-testid="revision-close" onClick={onClose}>
            {t('revisions.reader.close')}
          </button>
        )}
      </header>
      <p className="revision-reader__hash">
        {t('revisions.meta.hash')} <code data-testid="revision-reader-hash">{revision.hash}</code>
      </p>
      <ResourceStatus resource={resource} failedMessage={t('revisions.reader.loadFailed')} onRetry={reload} quiet />
      {resource.status === 'loaded' && <FrozenContent revision={revision} content={resource.data} />}
    </section>
  );
}

function FrozenContent({ revision, content }: { revision: Revision; content: RevisionContent }) {
  const { t } = useI18n();
  const doc = useFrozenDoc(content.stateBase64);
  const number = revisionNumberText(revision, t);
  useRevisionCommentScope(revision, doc, number);
  const kpiHeadingId = useId();
  const measures = content.snapshot.measures;
  const derived = useMemo(() => deriveTable(measures), [measures]);
  const reportYears = useMemo(() => [...measures.settings.actualYears].sort((a, b) => a - b), [measures]);
  const [reportYear, setReportYear] = useState(() => {
    const now = new Date();
    return defaultProgressYear(reportYears, fiscalYearOf(now.getFullYear(), now.getMonth() + 1));
  });

  return (
    <>
      <h3 className="revision-reader__part">{t('revisions.reader.prose')}</h3>
      {doc && <FrozenProse doc={doc} label={t('revisions.reader.proseLabel', { revision: number })} />}
      <h3 id={kpiHeadingId} className="revision-reader__part">
        {t('views.kpiList.title')}
      </h3>
      {derived.kpis.length === 0 ? (
        <p className="empty-state">{t('views.kpiList.empty')}</p>
      ) : (
        <div data-testid="revision-kpi-list">
          <KpiListTable kpis={derived.kpis} settings={measures.settings} labelledBy={kpiHeadingId} />
        </div>
      )}
      <h3 className="revision-reader__part">{t('report.revision.title')}</h3>
      <p className="annual-report-downloads__lead">{t('report.revision.lead')}</p>
      <AnnualReportDownloads
        years={reportYears}
        year={reportYear}
        onYear={setReportYear}
        path={`/api/revisions/${encodeURIComponent(revision.id)}/report`}
        context={t('report.revision.context', { revision: number })}
      />
    </>
  );
}
