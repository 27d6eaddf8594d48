import type { DecisionVote, MeetingDecision } from '@sakutei/shared';
import { ApiError } from '../../lib/api';
import type { MessageKey, Translate } from '../../i18n';
import { meetingsErrorText } from './meetingText';

/** 「全会一致」 or 「賛成 4・反対 1・棄権 0」; empty without a vote. */
export function voteText(vote: DecisionVote | null, t: Translate): string {
  if (vote === null) return '';
  if ('unanimous' in vote) return t('meetings.decision.vote.unanimous');
  return t('meetings.decision.voteCounts', { for: vote.for, against: vote.against, abstain: vote.abstain });
}

export const decisionKindText = (d: Pick<MeetingDecision, 'kind'>, t: Translate) => t(`meetings.decision.kind.${d.kind}` as MessageKey);

/** The sentence for a failed decision call: the decisions' own codes, then the meetings' ones. */
export function decisionsErrorText(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    switch (error.code) {
      case 'quorum_not_met':
        return t('meetings.decision.error.quorum');
      case 'invalid_vote':
        return t('meetings.decision.error.vote');
      case 'invalid_agenda_item':
        return t('meetings.decision.error.item');
      case 'minutes_confirmed':
        return t('meetings.decision.error.confirmed');
      case 'review_decision':
        return t('meetings.decision.error.review');
      case 'too_many_decisions':
        return t('meetings.decision.error.tooMany');
    }
  }
  return meetingsErrorText(error, t);
}
