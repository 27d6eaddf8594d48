import { can, type Revision } from '@sakutei/shared';
import { useCallback, useEffect, useId, useState } from 'react';
import { subscribeToLocation } from '../../app/router';
import { useI18n } from '../../i18n';
import type { PlanViewProps } from '../plan/planView';
import { AuditLog } from './AuditLog';
import { CompareSection } from './CompareSection';
import { FreezeForm } from './FreezeForm';
import { RevisionList } from './RevisionList';
import { RevisionReader } from './RevisionReader';
import { revisionNamedByLink } from './linkedRevision';
import { useAnnouncer } from '../../app/useAnnouncer';
import { useMembers } from './useMembers';
import { useRevisions } from './useRevisions';
import './revisions.css';

/** 版・審議: freeze the draft, run reviews, read a revision, compare, and the record. */
export function RevisionsView({ planId, workspaceId, role, editable }: PlanViewProps) {
  const { t } = useI18n();
  const { revisions, failed, reload, replace } = useRevisions(planId);
  const members = useMembers(workspaceId, can(role, 'members.read'));
  const { announcement, actionCount, announce } = useAnnouncer();
  // A notification's link (`?revision=…#revisions`) opens that revision, also when followed from this page.
  const [readingId, setReadingId] = useState<string | null>(revisionNamedByLink);
  useEffect(
    () =>
      subscribeToLocation(() => {
        const linked = revisionNamedByLink();
        if (linked) setReadingId(linked);
      }),
    [],
  );
  const listHeadingId = useId();
  const reading = revisions?.find((revision) => revision.id === readingId) ?? null;

  const onChanged = useCallback(
    (revision: Revision) => {
      replace(revision);
      reload();
    },
    [replace, reload],
  );
  const toggleReading = useCallback((revision: Revision) => {
    setReadingId((current) => (current === revision.id ? null : revision.id));
  }, []);
  // Back to the button that opened it, as a dialog would.
  const closeReader = useCallback(() => {
    const id = readingId;
    setReadingId(null);
    if (id === null) return;
    requestAnimationFrame(() =>
      document
        .querySelector<HTMLElement>(`[data-testid="revision-row"][data-revision-id="${CSS.escape(id)}"] [data-testid="revision-open"]`)
        ?.focus(),
    );
  }, [readingId]);

  // Anything that is recorded: a review moving on (here or elsewhere), or an action taken here.
  const recordKey = `${actionCount}|${revisions?.map((revision) => `${revision.id}:${revision.review.status}`).join(',') ?? ''}`;

  return (
    <div className="revisions" data-testid="revisions-view">
      <p className="revisions-status" role="status" data-testid="revisions-announcement">
        {announcement}
      </p>
      <section className="revisions-section" aria-labelledby={listHeadingId}>
        <h2 id={listHeadingId} className="revisions-section__title">
          {t('revisions.list.title')}
        </h2>
        {can(role, 'review.open') && <FreezeForm planId={planId} onFrozen={reload} announce={announce} />}
        <RevisionList
          revisions={revisions}
          failed={failed}
          readingId={readingId}
          labelledBy={listHeadingId}
          role={role}
          members={members}
          mayRestore={editable}
          onRead={toggleReading}
          onChanged={onChanged}
          onStale={reload}
          announce={announce}
        />
      </section>
      {reading && <RevisionReader key={reading.id} revision={reading} onClose={closeReader} focusOnOpen />}
      {revisions && <CompareSection planId={planId} revisions={revisions} withDraft />}
      <AuditLog planId={planId} members={members} refreshKey={recordKey} />
    </div>
  );
}
