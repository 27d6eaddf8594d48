import type { Revision } from '@sakutei/shared';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n';

interface Props {
  revision: Revision;
  /** A member's name by id, when the members list says; null otherwise. */
  nameOf: (userId: string) => string | null;
}

/**
 * Where the review stands in words: to whom the chair delegated, which observers are
 * invited, and after a decision who took it (a vice chair on the chair's behalf is named as
 * such, for the minutes) and, for a send-back, why.
 */
export function ReviewOutcome({ revision, nameOf }: Props) {
  const { t } = useI18n();
  const { review, delegate, invited } = revision;
  const decided = review.status === 'approved' || review.status === 'changes_requested';

  const decider = (() => {
    if (!decided || review.decidedBy === undefined) return null;
    if (review.decidedOnBehalfOfChair) {
      const name = delegate?.id === review.decidedBy ? delegate.name : nameOf(review.decidedBy);
      return t('revisions.outcome.byDelegate', { name: name ?? t('role.vice_chair') });
    }
    const name = nameOf(review.decidedBy);
    return name === null ? t('revisions.outcome.byChair') : t('revisions.outcome.byName', { name });
  })();

  const lines: ReactNode[] = [];
  if (review.status === 'in_review' && delegate) {
    lines.push(
      <p key="delegate" data-testid="review-delegate-text">
        {t('revisions.outcome.delegatedTo', { name: delegate.name })}
      </p>,
    );
  }
  if (invited.length > 0 && (review.status === 'in_review' || decided)) {
    lines.push(
      <p key="invited" data-testid="review-invited-text">
        {t('revisions.outcome.invited', { names: invited.map((person) => person.name).join('、') })}
      </p>,
    );
  }
  if (review.status === 'approved' && decider) {
    lines.push(
      <p key="approved" data-testid="review-decided-by">
        {t('revisions.outcome.approved', { who: decider })}
      </p>,
    );
  }
  if (review.status === 'changes_requested') {
    lines.push(
      <div key="reason" className="review-outcome__reason" data-testid="review-reason-text">
        <p className="review-outcome__reason-label">
          {t('revisions.outcome.sentBack', { who: decider ?? t('revisions.outcome.byChair') })}
        </p>
        <p className="review-outcome__reason-body">{review.reason ?? ''}</p>
      </div>,
    );
  }
  if (lines.length === 0) return null;
  return <div className="review-outcome">{lines}</div>;
}
