import type { Revision } from '@sakutei/shared';
import { useCallback, useEffect, useId, useState, type ReactNode } from 'react';
import { subscribeToLocation } from '../../app/router';
import { useI18n } from '../../i18n';
import { usePlan } from '../plan/PlanContext';
import { useRevisionCommentsPort } from '../plan/ports';
import { CompareSection } from './CompareSection';
import { RevisionList } from './RevisionList';
import { RevisionReader } from './RevisionReader';
import { revisionNamedByLink } from './linkedRevision';
import { latestApproved } from './revisionText';
import { useAnnouncer } from '../../app/useAnnouncer';
import { useRevisions } from './useRevisions';
import './revisions.css';

const NO_MEMBERS = [] as const;

/**
 * The plan for a role that may not open the live draft (observers): what the council
 * approved, the revisions a review invited them to, and the 新旧対照表 between them.
 */
export function ObserverRevisionsView({ sidebar }: { sidebar: ReactNode }) {
  const { plan } = usePlan();
  const { t } = useI18n();
  const { revisions, failed, reload, replace } = useRevisions(plan.id);
  const { announcement, announce } = useAnnouncer();
  const { worthShowing } = useRevisionCommentsPort();
  // A notification's link (`?revision=…`) opens the revision its review is about.
  const [chosenId, setChosenId] = useState<string | null>(revisionNamedByLink);
  useEffect(
    () =>
      subscribeToLocation(() => {
        const linked = revisionNamedByLink();
        if (linked) setChosenId(linked);
      }),
    [],
  );
  const listHeadingId = useId();

  const latest = revisions ? latestApproved(revisions) : null;
  const chosen = revisions?.find((revision) => revision.id === chosenId) ?? null;
  const reading = chosen ?? latest;
  // The sidebar is about the revision being read; without threads there, or a way to add one, it is noise.
  const withComments = reading !== null && worthShowing;

  const onChanged = useCallback(
    (revision: Revision) => {
      replace(revision);
      reload();
    },
    [replace, reload],
  );

  return (
    <div className={`plan-layout${withComments ? '' : ' plan-layout--single'}`}>
      <div className="plan-layout__main revisions" data-testid="approved-revisions">
        <p className="revisions-status" role="status">
          {announcement}
        </p>
        {revisions === null ? (
          <p className="page-status" role={failed ? 'alert' : 'status'}>
            {failed ? t('revisions.loadFailed') : t('app.loading')}
          </p>
        ) : reading ? (
          <RevisionReader key={reading.id} revision={reading} focusOnOpen={chosen !== null} />
        ) : (
          <p className="empty-state" data-testid="no-approved-revision">
            {t('revisions.observer.noApproved')}
          </p>
        )}
        {revisions !== null && revisions.length > 0 && (
          <section className="revisions-section" aria-labelledby={listHeadingId}>
            <h2 id={listHeadingId} className="revisions-section__title">
              {t('revisions.observer.listTitle')}
            </h2>
            <RevisionList
              revisions={revisions}
              failed={failed}
              readingId={reading?.id ?? null}
              labelledBy={listHeadingId}
              role={plan.role}
              members={NO_MEMBERS}
              mayRestore={false}
              onRead={(revision) => setChosenId(revision.id)}
              onChanged={onChanged}
              onStale={reload}
              announce={announce}
            />
          </section>
        )}
        {revisions !== null && revisions.length > 0 && <CompareSection planId={plan.id} revisions={revisions} withDraft={false} />}
      </div>
      {withComments && sidebar}
    </div>
  );
}
