import type { Member, Revision, Role } from '@sakutei/shared';
import { useI18n } from '../../i18n';
import { formatCommentTime } from '@sakutei/shared';
import { RestoreButton } from './RestoreButton';
import { ReviewActions } from './ReviewActions';
import { ReviewOutcome } from './ReviewOutcome';
import { RevisionExports } from './RevisionExports';
import { revisionNumberText, shortHash, stageText, statusText } from './revisionText';
import type { ReviewActionCallbacks } from './useReviewAction';

export interface RevisionRowProps extends ReviewActionCallbacks {
  revision: Revision;
  role: Role;
  members: readonly Member[];
  nameOf: (userId: string) => string | null;
  /** The newest approved revision: what readers outside the council see. */
  latestApproved: boolean;
  /** Whether the revision is open in the reader now. */
  reading: boolean;
  mayRestore: boolean;
  onRead(revision: Revision): void;
}

/** One frozen revision: what it is, where its review stands, and what may be done with it. */
export function RevisionRow({ revision, role, members, nameOf, latestApproved, reading, mayRestore, onRead, ...callbacks }: RevisionRowProps) {
  const { t, locale } = useI18n();
  const titleId = `revision-title-${revision.id}`;
  const status = revision.review.status;

  return (
    <li
      className={`revision-row revision-row--${status}${reading ? ' revision-row--reading' : ''}`}
      data-testid="revision-row"
      data-revision-id={revision.id}
      data-status={status}
      aria-labelledby={titleId}
    >
      <div className="revision-row__head">
        <h3 id={titleId} className="revision-row__title">
          <span data-testid="revision-number">{revisionNumberText(revision, t)}</span>{' '}
          <span data-testid="revision-name">{revision.name}</span>
        </h3>
        <span className={`revision-status revision-status--${status}`} data-testid="revision-status">
          {statusText(status, t)}
        </span>
        {latestApproved && <span className="revision-badge">{t('revisions.latestApproved')}</span>}
      </div>
      <dl className="revision-row__meta">
        <div>
          <dt>{t('revisions.meta.stage')}</dt>
          <dd data-testid="revision-stage">{stageText(revision.stage, t)}</dd>
        </div>
        <div>
          <dt>{t('revisions.meta.author')}</dt>
          <dd>{revision.author.name}</dd>
        </div>
        <div>
          <dt>{t('revisions.meta.createdAt')}</dt>
          <dd>
            <time dateTime={revision.createdAt}>{formatCommentTime(revision.createdAt, locale, undefined, 'record')}</time>
          </dd>
        </div>
        <div>
          <dt>{t('revisions.meta.hash')}</dt>
          <dd>
            <code data-testid="revision-hash" title={revision.hash}>
              {shortHash(revision.hash)}
            </code>
          </dd>
        </div>
      </dl>
      <ReviewOutcome revision={revision} nameOf={nameOf} />
      <div className="revisions-actions">
        <button
          type="button"
          className="button button--quiet"
          data-testid="revision-open"
          aria-pressed={reading}
          aria-label={t('revisions.action.readLabel', { revision: revisionNumberText(revision, t) })}
          onClick={() => onRead(revision)}
        >
          {t('revisions.action.read')}
        </button>
        {mayRestore && <RestoreButton revision={revision} announce={callbacks.announce} />}
        <RevisionExports revision={revision} />
      </div>
      <ReviewActions revision={revision} role={role} members={members} {...callbacks} />
    </li>
  );
}
