import type { Member, Revision } from '@sakutei/shared';
import { useMemo } from 'react';
import { useI18n } from '../../i18n';
import { RevisionRow, type RevisionRowProps } from './RevisionRow';
import { latestApproved } from './revisionText';

type Shared = Omit<RevisionRowProps, 'revision' | 'latestApproved' | 'reading' | 'nameOf'>;

interface Props extends Shared {
  revisions: readonly Revision[] | null;
  failed: boolean;
  readingId: string | null;
  members: readonly Member[];
  labelledBy: string;
}

/** The revisions, newest first (the one under review is usually the one being looked for). */
export function RevisionList({ revisions, failed, readingId, labelledBy, ...shared }: Props) {
  const { t } = useI18n();
  const { members } = shared;
  const nameOf = useMemo(() => {
    const names = new Map(members.map((member) => [member.userId, member.name]));
    return (userId: string) => names.get(userId) ?? null;
  }, [members]);

  if (revisions === null) {
    return (
      <p className="page-status" role={failed ? 'alert' : 'status'}>
        {failed ? t('revisions.loadFailed') : t('app.loading')}
      </p>
    );
  }
  const approved = latestApproved(revisions);
  return (
    <>
      {failed && (
        <p className="revisions-error" role="alert">
          {t('revisions.reloadFailed')}
        </p>
      )}
      {revisions.length === 0 ? (
        <p className="empty-state" data-testid="revisions-empty">
          {t('revisions.empty')}
        </p>
      ) : (
        <ol className="revision-list" aria-labelledby={labelledBy} reversed>
          {[...revisions].reverse().map((revision) => (
            <RevisionRow
              key={revision.id}
              {...shared}
              revision={revision}
              nameOf={nameOf}
              latestApproved={revision.id === approved?.id}
              reading={revision.id === readingId}
            />
          ))}
        </ol>
      )}
    </>
  );
}
