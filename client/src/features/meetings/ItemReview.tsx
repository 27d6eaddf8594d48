import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';
import { ConfirmDialog } from '../../app/ConfirmDialog';
import { useI18n } from '../../i18n';
import { request } from '../../lib/api';
import { MAX_REVIEW_REASON_CHARS, type AgendaItem, type Meeting, Revision } from '@sakutei/shared';
import { decisionsErrorText } from './decisionText';

const RevisionAnswer = z.object({ revision: Revision });
const revisionKey = (revisionId: string) => ['meetings', 'revision', revisionId] as const;

type Props = {
  meeting: Meeting;
  item: AgendaItem;
  /** Called with the decided revision: the page reads the meeting again (it now lists the decision). */
  onDecided: () => void;
  announce: (text: string) => void;
};

/**
 * 「この議題で承認／差し戻し」: for each revision the item links that is under review and that
 * the viewer may decide (the chair, or the vice chair it was delegated to — the revision's
 * allowedEvents say so), the review decision taken in this meeting. The server checks the
 * quorum and the link again.
 */
export function ItemReview({ meeting, item, onDecided, announce }: Props) {
  const open = meeting.status === 'scheduled' || meeting.status === 'held';
  const revisionIds = item.links.flatMap((link) => (link.kind === 'revision' ? [link.revisionId] : []));
  if (!open || revisionIds.length === 0) return null;
  return (
    <>
      {revisionIds.map((revisionId) => (
        <RevisionDecision key={revisionId} revisionId={revisionId} meeting={meeting} item={item} onDecided={onDecided} announce={announce} />
      ))}
    </>
  );
}

function RevisionDecision({ revisionId, meeting, item, onDecided, announce }: Props & { revisionId: string }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<'approve' | 'return' | null>(null);
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const query = useQuery({
    queryKey: revisionKey(revisionId),
    queryFn: ({ signal }) => request(`/api/revisions/${encodeURIComponent(revisionId)}`, RevisionAnswer, { signal }),
    // Someone without access (an observer's view of a draft revision) simply sees no action.
    retry: false,
  });
  const revision = query.data?.revision;
  if (!revision || revision.review.status !== 'in_review' || !revision.allowedEvents.includes('approve')) return null;
  const name = t('meetings.review.revisionName', { number: revision.number, name: revision.name });

  async function decide(body: Record<string, unknown>) {
    setFailure(null);
    try {
      await request(`/api/revisions/${encodeURIComponent(revisionId)}/decision`, RevisionAnswer, {
        method: 'POST',
        body: { ...body, meetingId: meeting.id, agendaItemId: item.id },
      });
      setDialog(null);
      setReason('');
      await queryClient.invalidateQueries({ queryKey: revisionKey(revisionId) });
      onDecided();
      announce(t(body.decision === 'approve' ? 'meetings.review.approved' : 'meetings.review.returned', { name }));
    } catch (error) {
      setFailure(decisionsErrorText(error, t));
    }
  }

  const reasonOk = reason.trim().length > 0 && reason.trim().length <= MAX_REVIEW_REASON_CHARS;
  return (
    <div className="meetings-review" data-testid="agenda-item-review">
      <span className="meetings-review__label">{t('meetings.review.label', { name })}</span>
      <button type="button" className="button button--primary" onClick={() => setDialog('approve')} data-testid="agenda-review-approve">
        {t('meetings.review.approve')}
      </button>
      <button type="button" className="button" onClick={() => setDialog('return')} data-testid="agenda-review-return">
        {t('meetings.review.return')}
      </button>
      {failure && !dialog && (
        <p className="form__error" role="alert" data-testid="agenda-review-failure">
          {failure}
        </p>
      )}
      {dialog === 'approve' && (
        <ConfirmDialog
          title={t('meetings.review.approveTitle', { name })}
          confirmLabel={t('meetings.review.approveConfirm')}
          testId="agenda-review-approve-dialog"
          onConfirm={() => void decide({ decision: 'approve', hash: revision.hash })}
          onCancel={() => setDialog(null)}
        >
          <p>{t('meetings.review.approveBody', { label: meeting.label, title: item.title })}</p>
          {failure && (
            <p className="form__error" role="alert" data-testid="agenda-review-dialog-failure">
              {failure}
            </p>
          )}
        </ConfirmDialog>
      )}
      {dialog === 'return' && (
        <ConfirmDialog
          title={t('meetings.review.returnTitle', { name })}
          confirmLabel={t('meetings.review.returnConfirm')}
          confirmDisabled={!reasonOk}
          testId="agenda-review-return-dialog"
          onConfirm={() => void decide({ decision: 'requestChanges', reason: reason.trim() })}
          onCancel={() => setDialog(null)}
        >
          <label htmlFor="agenda-review-reason">{t('meetings.review.reason')}</label>
          <textarea
            id="agenda-review-reason"
            className="meetings-control meetings-decision-text"
            rows={3}
            value={reason}
            maxLength={MAX_REVIEW_REASON_CHARS}
            onChange={(e) => setReason(e.target.value)}
            data-testid="agenda-review-reason"
          />
          {failure && (
            <p className="form__error" role="alert" data-testid="agenda-review-dialog-failure">
              {failure}
            </p>
          )}
        </ConfirmDialog>
      )}
    </div>
  );
}
