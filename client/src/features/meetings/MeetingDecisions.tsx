import { useState } from 'react';
import { ConfirmDialog } from '../../app/ConfirmDialog';
import { useI18n } from '../../i18n';
import type { AgendaItem, Meeting, MeetingDecision, RecordDecisionRequest } from '@sakutei/shared';
import { DecisionDialog } from './DecisionDialog';
import { decisionsOf } from './decisions';
import { decisionKindText, decisionsErrorText, voteText } from './decisionText';
import './decisions.css';

type Props = {
  meeting: Meeting;
  item: AgendaItem;
  mayManage: boolean;
  record: (request: RecordDecisionRequest) => Promise<void>;
  remove: (decision: MeetingDecision) => Promise<void>;
  announce: (text: string) => void;
  onFailure: (text: string) => void;
};

/**
 * The decisions taken on one agenda item (議決・報告・了承, and reviews decided there), shown
 * under the item. Staff and the chair record one (決定を記録) and remove one recorded by hand;
 * a review decision stays, it is the revision's record too. Once the minutes are confirmed
 * nothing changes.
 */
export function ItemDecisions({ meeting, item, mayManage, record, remove, announce, onFailure }: Props) {
  const { t } = useI18n();
  const [recording, setRecording] = useState(false);
  const [removing, setRemoving] = useState<MeetingDecision | null>(null);
  const decisions = decisionsOf(meeting.decisions, item.id);
  const open = meeting.status === 'scheduled' || meeting.status === 'held';
  const mayChange = mayManage && open;
  if (decisions.length === 0 && !mayChange) return null;

  async function confirmRemove(decision: MeetingDecision) {
    setRemoving(null);
    try {
      await remove(decision);
      announce(t('meetings.decision.removed'));
    } catch (error) {
      onFailure(decisionsErrorText(error, t));
    }
  }

  return (
    <div className="meetings-decisions" data-testid="agenda-item-decisions">
      {decisions.length > 0 && (
        <ul className="meetings-decisions__list" aria-label={t('meetings.decision.listLabel', { title: item.title })}>
          {decisions.map((d) => (
            <li key={d.id} className="meetings-decision" data-testid="decision" data-kind={d.kind}>
              <span className={`meetings-badge meetings-badge--decision meetings-badge--${d.kind}`}>{decisionKindText(d, t)}</span>
              <span className="meetings-decision__text">{d.text}</span>
              {d.vote && <span className="meetings-decision__vote">{t('meetings.decision.voteShown', { vote: voteText(d.vote, t) })}</span>}
              {mayChange && d.revisionId === null && (
                <button
                  type="button"
                  className="button button--quiet button--danger meetings-decision__remove"
                  aria-label={t('meetings.decision.removeLabel', { text: d.text })}
                  onClick={() => setRemoving(d)}
                  data-testid="decision-remove"
                >
                  {t('meetings.decision.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {mayChange && (
        <button
          type="button"
          className="button button--quiet meetings-decisions__record"
          aria-label={t('meetings.decision.recordLabel', { title: item.title })}
          onClick={() => setRecording(true)}
          data-testid="decision-record"
        >
          {t('meetings.decision.record')}
        </button>
      )}
      {recording && (
        <DecisionDialog
          meeting={meeting}
          item={item}
          onClose={() => setRecording(false)}
          onSubmit={async (request) => {
            await record(request);
            setRecording(false);
            announce(t('meetings.decision.recorded'));
          }}
        />
      )}
      {removing && (
        <ConfirmDialog
          title={t('meetings.decision.removeTitle')}
          confirmLabel={t('meetings.decision.removeConfirm')}
          danger
          testId="decision-remove-dialog"
          onConfirm={() => void confirmRemove(removing)}
          onCancel={() => setRemoving(null)}
        >
          <p>
            {decisionKindText(removing, t)}「{removing.text}」
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}

/**
 * Decisions whose agenda item has since been removed from the agenda: they stay on the record
 * (the server keeps them), so the page lists them apart rather than losing them.
 */
export function DetachedDecisions({ meeting }: { meeting: Meeting }) {
  const { t } = useI18n();
  const onAgenda = new Set(meeting.agenda.map((item) => item.id));
  const detached = meeting.decisions.filter((d) => !onAgenda.has(d.agendaItemId));
  if (detached.length === 0) return null;
  return (
    <section className="meetings-decisions meetings-decisions--detached" data-testid="detached-decisions" aria-labelledby="detached-decisions-title">
      <h2 id="detached-decisions-title">{t('meetings.decision.detachedTitle')}</h2>
      <p className="meetings-hint">{t('meetings.decision.detachedHint')}</p>
      <ul className="meetings-decisions__list">
        {detached.map((d) => (
          <li key={d.id} className="meetings-decision" data-testid="decision" data-kind={d.kind}>
            <span className={`meetings-badge meetings-badge--decision meetings-badge--${d.kind}`}>{decisionKindText(d, t)}</span>
            <span className="meetings-decision__text">{d.text}</span>
            {d.vote && <span className="meetings-decision__vote">{t('meetings.decision.voteShown', { vote: voteText(d.vote, t) })}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
