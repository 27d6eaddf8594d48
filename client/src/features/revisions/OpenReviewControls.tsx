import type { Member, OpenReviewRequest, Role } from '@sakutei/shared';
import { useId, useState } from 'react';
import { useI18n } from '../../i18n';
import { ObserverPicker } from './ObserverPicker';

interface Props {
  role: Role;
  members: readonly Member[];
  pending: boolean;
  onOpen(request: OpenReviewRequest): void;
}

/**
 * 審議を開始, with what the review needs decided up front: the chair may hand the decision
 * to a vice chair, observers may be invited to read and comment on this revision (and to
 * suggest on the live draft while it is open), and the live draft may take only suggestions
 * meanwhile, with approval waiting until all are decided.
 */
export function OpenReviewControls({ role, members, pending, onOpen }: Props) {
  const { t } = useI18n();
  const [delegateId, setDelegateId] = useState('');
  const [invitedIds, setInvitedIds] = useState<string[]>([]);
  // 見え消し: lock the live draft to suggestions while under review; refuse approval while any remain.
  const [suggestionsOnly, setSuggestionsOnly] = useState(false);
  const [requireSuggestionsDecided, setRequireSuggestionsDecided] = useState(false);
  // The invited observers may suggest on the live draft while the review is open (they never edit or decide).
  const [invitedMaySuggest, setInvitedMaySuggest] = useState(false);
  const groupId = useId();
  const invitedHintId = useId();

  // Only the chair delegates (the server refuses anyone else).
  const viceChairs = role === 'chair' ? members.filter((member) => member.role === 'vice_chair') : [];
  const observers = members.filter((member) => member.role === 'observer');

  return (
    <div className="review-open" role="group" aria-labelledby={groupId}>
      <p id={groupId} className="visually-hidden">
        {t('revisions.open.group')}
      </p>
      {viceChairs.length > 0 && (
        <label className="revisions-field">
          <span>{t('revisions.open.delegate')}</span>
          <select
            className="revisions-input"
            data-testid="review-delegate"
            value={delegateId}
            onChange={(event) => setDelegateId(event.target.value)}
          >
            <option value="">{t('revisions.open.noDelegate')}</option>
            {viceChairs.map((member) => (
              <option key={member.userId} value={member.userId}>
                {member.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {observers.length > 0 && <ObserverPicker observers={observers} chosenIds={invitedIds} onChange={setInvitedIds} />}
      <div className="review-open__options">
        {observers.length > 0 && (
          <div>
            <label className="review-open__check">
              <input
                type="checkbox"
                data-testid="review-invited-may-suggest"
                aria-describedby={invitedHintId}
                checked={invitedMaySuggest}
                onChange={(event) => setInvitedMaySuggest(event.target.checked)}
              />
              {t('invitedSuggest.review.option')}
            </label>
            <p id={invitedHintId} className="revisions-hint review-open__check-hint">
              {t('invitedSuggest.review.hint')}
            </p>
          </div>
        )}
        <label className="review-open__check">
          <input
            type="checkbox"
            data-testid="review-suggestions-only"
            checked={suggestionsOnly}
            onChange={(event) => setSuggestionsOnly(event.target.checked)}
          />
          {t('suggestions.review.suggestionsOnly')}
        </label>
        <label className="review-open__check">
          <input
            type="checkbox"
            data-testid="review-require-decided"
            checked={requireSuggestionsDecided}
            onChange={(event) => setRequireSuggestionsDecided(event.target.checked)}
          />
          {t('suggestions.review.requireDecided')}
        </label>
      </div>
      <button
        type="button"
        className="button button--quiet button--primary"
        data-testid="review-open"
        aria-disabled={pending || undefined}
        onClick={() => {
          if (pending) return;
          onOpen({
            ...(delegateId !== '' ? { delegateId } : {}),
            ...(invitedIds.length > 0 ? { invitedIds } : {}),
            ...(suggestionsOnly ? { suggestionsOnly } : {}),
            ...(requireSuggestionsDecided ? { requireSuggestionsDecided } : {}),
            // Meaningless without invitees: sent only with them.
            ...(invitedMaySuggest && invitedIds.length > 0 ? { invitedMaySuggest } : {}),
          });
        }}
      >
        {t('revisions.action.open')}
      </button>
    </div>
  );
}
