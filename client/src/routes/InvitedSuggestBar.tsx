import { useI18n } from '../i18n';
import './invitedSuggest.css';

/**
 * For an observer a review invited to suggest: why they may, and a choice between the draft
 * under review (提案 only) and what observers always read (approved and invited revisions).
 */
export function InvitedSuggestBar({ showing, onShow }: { showing: 'draft' | 'revisions'; onShow: (view: 'draft' | 'revisions') => void }) {
  const { t } = useI18n();
  return (
    <div className="banner banner--info invited-suggest" data-testid="invited-suggest-notice">
      <p>{t('invitedSuggest.page.notice')}</p>
      <div className="invited-suggest__switch" role="group" aria-label={t('invitedSuggest.page.switch')}>
        {(['draft', 'revisions'] as const).map((view) => (
          <button
            key={view}
            type="button"
            className="button button--quiet"
            aria-pressed={showing === view}
            data-testid={`invited-suggest-show-${view}`}
            onClick={() => onShow(view)}
          >
            {t(view === 'draft' ? 'invitedSuggest.page.draft' : 'invitedSuggest.page.revisions')}
          </button>
        ))}
      </div>
    </div>
  );
}
