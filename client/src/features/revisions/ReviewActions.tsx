import type { Member, OpenReviewRequest, Revision, Role } from '@sakutei/shared';
import { useId, useRef, useState } from 'react';
import { useI18n } from '../../i18n';
import { decideReview, openReview, withdrawReview } from '../../lib/revisionsApi';
import { ApproveDialog } from './ApproveDialog';
import { OpenReviewControls } from './OpenReviewControls';
import { RequestChangesForm } from './RequestChangesForm';
import { revisionNumberText, shortHash } from './revisionText';
import { useReviewAction, type ReviewActionCallbacks } from './useReviewAction';

interface Props extends ReviewActionCallbacks {
  revision: Revision;
  role: Role;
  members: readonly Member[];
}

/**
 * The review buttons the server says this person may use now (`allowedEvents`). 承認 and
 * 差戻し sit at opposite ends of their own group, so one is not pressed for the other; 承認
 * asks for confirmation, 差戻し for a reason.
 */
export function ReviewActions({ revision, role, members, ...callbacks }: Props) {
  const { t } = useI18n();
  const { run, pending, error } = useReviewAction(callbacks);
  const [askingReason, setAskingReason] = useState(false);
  const [confirmingApproval, setConfirmingApproval] = useState(false);
  const sendBackRef = useRef<HTMLButtonElement>(null);
  const approveHintId = useId();
  const decisionId = useId();
  const allowed = new Set(revision.allowedEvents);
  if (allowed.size === 0) return null;
  const number = revisionNumberText(revision, t);

  const open = (request: OpenReviewRequest) =>
    void run(() => openReview(revision.id, request), () => t('revisions.done.opened', { revision: number }));

  // The hash is the one this list showed: the server refuses it if the revision is not that content.
  // A refusal closes the dialog too: its sentence shows under the buttons.
  const approve = async () => {
    await run(
      () => decideReview(revision.id, { decision: 'approve', hash: revision.hash }),
      () => t('revisions.done.approved', { revision: number }),
    );
    setConfirmingApproval(false);
  };

  const sendBack = async (reason: string) => {
    const done = await run(
      () => decideReview(revision.id, { decision: 'requestChanges', reason }),
      () => t('revisions.done.changesRequested', { revision: number }),
    );
    if (done) setAskingReason(false);
  };

  const withdraw = () =>
    void run(() => withdrawReview(revision.id), () => t('revisions.done.withdrawn', { revision: number }));

  const closeReason = () => {
    setAskingReason(false);
    requestAnimationFrame(() => sendBackRef.current?.focus());
  };

  return (
    <div className="review-actions">
      {allowed.has('open') && <OpenReviewControls role={role} members={members} pending={pending} onOpen={open} />}
      {(allowed.has('approve') || allowed.has('requestChanges')) && (
        <div className="review-decision" role="group" aria-labelledby={decisionId}>
          <p id={decisionId} className="review-decision__title">
            {t('revisions.decision.group')}
          </p>
          <div className="review-decision__choices">
            {allowed.has('approve') && (
              <div className="review-decision__approve">
                <button
                  type="button"
                  className="button button--primary"
                  data-testid="review-approve"
                  aria-haspopup="dialog"
                  aria-describedby={approveHintId}
                  aria-disabled={pending || undefined}
                  onClick={() => {
                    if (!pending) setConfirmingApproval(true);
                  }}
                >
                  {t('revisions.action.approve')}
                </button>
                <span id={approveHintId} className="visually-hidden">
                  {t('revisions.action.approveHint', { revision: number, hash: shortHash(revision.hash) })}
                </span>
              </div>
            )}
            {allowed.has('requestChanges') && (
              <div className="review-decision__send-back">
                <button
                  ref={sendBackRef}
                  type="button"
                  className="button button--quiet"
                  data-testid="review-request-changes"
                  aria-expanded={askingReason}
                  onClick={() => setAskingReason((asking) => !asking)}
                >
                  {t('revisions.action.requestChanges')}
                </button>
              </div>
            )}
          </div>
          {askingReason && allowed.has('requestChanges') && (
            <RequestChangesForm revisionLabel={number} pending={pending} onSubmit={(reason) => void sendBack(reason)} onCancel={closeReason} />
          )}
        </div>
      )}
      {allowed.has('withdraw') && (
        <div className="revisions-actions">
          <button
            type="button"
            className="button button--quiet"
            data-testid="review-withdraw"
            aria-disabled={pending || undefined}
            onClick={withdraw}
          >
            {t('revisions.action.withdraw')}
          </button>
        </div>
      )}
      {confirmingApproval && allowed.has('approve') && (
        <ApproveDialog
          revision={revision}
          role={role}
          pending={pending}
          onConfirm={() => void approve()}
          onCancel={() => setConfirmingApproval(false)}
        />
      )}
      {error && (
        <p className="revisions-error" role="alert" data-testid="review-error">
          {error}
        </p>
      )}
    </div>
  );
}
