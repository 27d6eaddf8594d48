import type { Member, OpenReviewRequest, Revision, Role } from '@sakutei/shared';
import { useId, useRef, useState } from 'react';
import { useI18n } from '../../i18n';
import { decideReview, openReview, withdrawReview } from '../../lib/revisionsApi';
import { OpenReviewControls } from './OpenReviewControls';
import { RequestChangesForm } from './RequestChangesForm';
import { revisionNumberText, shortHash } from './revisionText';
import { useReviewAction, type ReviewActionCallbacks } from './useReviewAction';

interface Props extends ReviewActionCallbacks {
  revision: Revision;
  role: Role;
  members: readonly Member[];
}

/** The review buttons the server says this person may use now (`allowedEvents`). */
export function ReviewActions({ revision, role, members, ...callbacks }: Props) {
  const { t } = useI18n();
  const { run, pending, error } = useReviewAction(callbacks);
  const [askingReason, setAskingReason] = useState(false);
  const sendBackRef = useRef<HTMLButtonElement>(null);
  const approveHintId = useId();
  const allowed = new Set(revision.allowedEvents);
  if (allowed.size === 0) return null;
  const number = revisionNumberText(revision, t);

  const open = (request: OpenReviewRequest) =>
    void run(() => openReview(revision.id, request), () => t('revisions.done.opened', { revision: number }));

  // The hash is the one this list showed: the server refuses it if the revision is not that content.
  const approve = () =>
    void run(
      () => decideReview(revision.id, { decision: 'approve', hash: revision.hash }),
      () => t('revisions.done.approved', { revision: number }),
    );

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
      <div className="revisions-actions">
        {allowed.has('approve') && (
          <>
            <button
              type="button"
              className="button button--quiet button--primary"
              data-testid="review-approve"
              aria-describedby={approveHintId}
              aria-disabled={pending || undefined}
              onClick={approve}
            >
              {t('revisions.action.approve')}
            </button>
            <span id={approveHintId} className="visually-hidden">
              {t('revisions.action.approveHint', { revision: number, hash: shortHash(revision.hash) })}
            </span>
          </>
        )}
        {allowed.has('requestChanges') && (
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
        )}
        {allowed.has('withdraw') && (
          <button
            type="button"
            className="button button--quiet"
            data-testid="review-withdraw"
            aria-disabled={pending || undefined}
            onClick={withdraw}
          >
            {t('revisions.action.withdraw')}
          </button>
        )}
      </div>
      {askingReason && allowed.has('requestChanges') && (
        <RequestChangesForm revisionLabel={number} pending={pending} onSubmit={(reason) => void sendBack(reason)} onCancel={closeReason} />
      )}
      {error && (
        <p className="revisions-error" role="alert" data-testid="review-error">
          {error}
        </p>
      )}
    </div>
  );
}
