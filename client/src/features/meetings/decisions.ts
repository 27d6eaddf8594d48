import { MAX_DECISION_TEXT_CHARS, type MeetingDecision, type RecordDecisionRequest, voteProblem } from '@sakutei/shared';

export type DecisionKindChoice = RecordDecisionRequest['kind'];
export type VoteChoice = 'none' | 'unanimous' | 'counts';

/** What the 決定を記録 dialog holds: counts as typed, checked before sending. */
export type DecisionForm = {
  kind: DecisionKindChoice;
  text: string;
  voteChoice: VoteChoice;
  for: string;
  against: string;
  abstain: string;
};

export const emptyDecisionForm = (): DecisionForm => ({ kind: 'resolution', text: '', voteChoice: 'none', for: '', against: '', abstain: '' });

export type DecisionFormProblem = 'text' | 'textLong' | 'counts' | 'countsOver';

const count = (typed: string) => (/^\d{1,5}$/.test(typed.trim()) ? Number(typed.trim()) : null);

/**
 * The request for the form, or what is wrong with it. Counts are checked against the voting
 * members present as the server will (shared voteProblem), so the dialog says it first.
 */
export function decisionRequest(agendaItemId: string, form: DecisionForm, votersPresent: number): RecordDecisionRequest | { problem: DecisionFormProblem } {
  const text = form.text.trim();
  if (!text) return { problem: 'text' };
  if (text.length > MAX_DECISION_TEXT_CHARS) return { problem: 'textLong' };
  let vote: RecordDecisionRequest['vote'] = null;
  if (form.voteChoice === 'unanimous') vote = { unanimous: true };
  if (form.voteChoice === 'counts') {
    const [f, a, b] = [count(form.for || '0'), count(form.against || '0'), count(form.abstain || '0')];
    if (f === null || a === null || b === null) return { problem: 'counts' };
    vote = { for: f, against: a, abstain: b };
  }
  if (voteProblem(vote ?? null, votersPresent)) return { problem: 'countsOver' };
  return { agendaItemId, kind: form.kind, text, vote };
}

/** The decisions taken on one agenda item, in the order the meeting lists them. */
export const decisionsOf = (decisions: readonly MeetingDecision[], agendaItemId: string) => decisions.filter((d) => d.agendaItemId === agendaItemId);
