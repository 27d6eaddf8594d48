import type { Revision } from '@sakutei/shared';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n';
import { formatCommentTime, meetingDayText } from '@sakutei/shared';
import { Link } from '../../app/router';

interface Props {
  revision: Revision;
  /** A member's name by id, when the members list says; null otherwise. */
  nameOf: (userId: string) => string | null;
}

/**
 * Where the review stands in words: when and by whom it was opened, to whom the chair
 * delegated, which observers are invited, and after a decision when and by whom it was taken
 * (a vice chair on the chair's behalf is named as such, for the minutes) and, for a
 * send-back, why. Dates are written in full in 和暦, as the minutes would.
 */
export function ReviewOutcome({ revision, nameOf }: Props) {
  const { t, locale } = useI18n();
  const { review, delegate, invited } = revision;
  const when = (iso: string | null) => (iso === null ? null : formatCommentTime(iso, locale, undefined, 'record'));
  const decidedAt = when(revision.decidedAt);
  const openedAt = when(revision.reviewOpenedAt);
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
  if (review.status === 'in_review' && openedAt !== null) {
    const opener = review.openedBy === undefined ? null : nameOf(review.openedBy);
    lines.push(
      <p key="opened" data-testid="review-opened-at">
        {opener === null
          ? t('revisions.outcome.openedAt', { time: openedAt })
          : t('revisions.outcome.openedBy', { time: openedAt, who: t('revisions.outcome.byName', { name: opener }) })}
      </p>,
    );
  }
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
  if (invited.length > 0 && review.status === 'in_review' && revision.invitedMaySuggest) {
    lines.push(
      <p key="invitedSuggest" data-testid="review-invited-may-suggest-text">
        {t('invitedSuggest.outcome')}
      </p>,
    );
  }
  if (review.status === 'approved' && decider) {
    lines.push(
      <p key="approved" data-testid="review-decided-by" data-decided-at={revision.decidedAt ?? undefined}>
        {decidedAt === null ? t('revisions.outcome.approved', { who: decider }) : t('revisions.outcome.approvedAt', { who: decider, time: decidedAt })}
      </p>,
    );
  }
  if (review.status === 'changes_requested') {
    lines.push(
      <div key="reason" className="review-outcome__reason" data-testid="review-reason-text">
        <p className="review-outcome__reason-label" data-testid="review-sent-back-by" data-decided-at={revision.decidedAt ?? undefined}>
          {decidedAt === null
            ? t('revisions.outcome.sentBack', { who: decider ?? t('revisions.outcome.byChair') })
            : t('revisions.outcome.sentBackAt', { who: decider ?? t('revisions.outcome.byChair'), time: decidedAt })}
        </p>
        <p className="review-outcome__reason-body">{review.reason ?? ''}</p>
      </div>,
    );
  }
  const sitting = revision.decidedInMeeting;
  if (decided && sitting) {
    // The meeting's own day (a wall-clock day of the council), written as the meeting pages write it.
    const date = meetingDayText(sitting.date, locale, { weekday: false });
    const path = `/councils/${encodeURIComponent(sitting.workspaceId)}/meetings/${encodeURIComponent(sitting.meetingId)}`;
    lines.push(
      <p key="meeting" data-testid="review-decided-in-meeting">
        <Link to={path}>
          {t(review.status === 'approved' ? 'revisions.outcome.inMeeting.approved' : 'revisions.outcome.inMeeting.returned', { ordinal: sitting.ordinal, date })}
        </Link>
      </p>,
    );
  }
  if (lines.length === 0) return null;
  return <div className="review-outcome">{lines}</div>;
}
