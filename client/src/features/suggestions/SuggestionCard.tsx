import { formatCommentTime, userColor } from '@sakutei/shared';
import type { SuggestionSummary } from '@sakutei/shared/editor';
import type { CSSProperties, MouseEvent } from 'react';
import { useI18n, type Translate } from '../../i18n';
import type { NameOf } from '../plan/usePeopleNames';
import { changeParts, changeText, clip, relativeTime } from './suggestionCards';

/**
 * 「{name}さんの提案「80 → 70」」「…「太字にする：70店舗」」「…「段落を分ける、追加: …」」: names
 * the suggestion in button labels and announcements.
 */
export function summaryOf(item: SuggestionSummary, name: string, t: Translate): string {
  return t('suggestions.card.summary', { name, change: changeText(changeParts(item, t), t) });
}

export function authorName(nameOf: NameOf, author: string, t: Translate): string {
  return nameOf(author) ?? t('suggestions.card.someone');
}

/**
 * What it proposes, as the text will read: block changes as labels, ~~removed~~ → added
 * (struck, then underlined), a moved passage once, then each proposed format and its text.
 */
function Change({ item }: { item: SuggestionSummary }) {
  const { t } = useI18n();
  const parts = changeParts(item, t);
  const wording = parts.deleted !== '' || parts.inserted !== '';
  const whole = [item.deleted, item.inserted.replace(/^\n+|\n+$/g, '')].filter(Boolean).join(' → ');
  return (
    <div className="suggestion-card__change" data-testid="suggestion-change" title={whole || undefined}>
      {parts.structure.length > 0 && (
        <p className="suggestion-card__blocks">
          {parts.structure.map((words) => (
            <span key={words} className="suggestion-card__block" data-testid="suggestion-structure">
              {words}
            </span>
          ))}
        </p>
      )}
      {parts.moved && (
        <p>
          <span className="suggestion-card__moved" data-testid="suggestion-moved">
            {clip(parts.moved)}
          </span>
          <span className="suggestion-card__kind">{t('suggestions.card.moved')}</span>
        </p>
      )}
      {wording && (
        <p>
          {parts.deleted && (
            <del className="suggestion-card__deleted" data-testid="suggestion-deleted">
              {clip(parts.deleted)}
            </del>
          )}
          {parts.deleted && parts.inserted && (
            <span className="suggestion-card__arrow" aria-hidden="true">
              {' '}
              {t('suggestions.card.arrow')}{' '}
            </span>
          )}
          {parts.inserted && (
            <ins className="suggestion-card__inserted" data-testid="suggestion-inserted">
              {clip(parts.inserted)}
            </ins>
          )}
          {!parts.deleted && <span className="suggestion-card__kind">{t('suggestions.card.insertOnly')}</span>}
          {!parts.inserted && <span className="suggestion-card__kind">{t('suggestions.card.deleteOnly')}</span>}
        </p>
      )}
      {parts.formats.map((format) => (
        <p key={format.words} data-testid="suggestion-format">
          <span className="suggestion-card__block">{format.words}</span>{' '}
          <span className="suggestion-card__formatted" data-mark={format.mark} data-action={format.action}>
            {clip(format.text)}
          </span>
        </p>
      ))}
    </div>
  );
}

interface Props {
  item: SuggestionSummary;
  nameOf: NameOf;
  now: number;
  active: boolean;
  /** Names of the suggestions this one competes with; empty when it competes with none. */
  competitors: readonly string[];
  mayDecide: boolean;
  deciding: boolean;
  onShow(item: SuggestionSummary): void;
  onDecide(item: SuggestionSummary, decision: 'accept' | 'reject'): void;
  /** Starts a comment thread on its text; absent where comments cannot be started. */
  onComment?: ((item: SuggestionSummary) => void) | undefined;
  /** A proposal for a cell of the measure table: shown there, not in the text. */
  inTable?: boolean;
  /** Takes back one's own proposal (cells; prose suggestions are withdrawn in the text). */
  onWithdraw?: ((item: SuggestionSummary) => void) | undefined;
}

/** One pending suggestion: who, when, where, what it changes, and what may be done with it. */
export function SuggestionCard({ item, nameOf, now, active, competitors, mayDecide, deciding, onShow, onDecide, onComment, inTable = false, onWithdraw }: Props) {
  const { t, locale } = useI18n();
  const name = authorName(nameOf, item.author, t);
  const summary = summaryOf(item, name, t);
  const iso = new Date(item.at).toISOString();
  const hintId = `suggestion-hint-${item.id}`;
  const style = { '--suggestion-author': userColor(item.author) } as CSSProperties;

  // Clicking the card's text (not its controls) shows the suggestion in the document.
  const onClick = (event: MouseEvent) => {
    if (!(event.target instanceof Element) || !event.target.closest('button, a, input, select, label')) onShow(item);
  };

  return (
    <article
      id={`suggestion-${item.id}`}
      className={`suggestion-card${active ? ' suggestion-card--active' : ''}`}
      style={style}
      data-testid="suggestion-card"
      data-suggestion-id={item.id}
      data-author={item.author}
      data-kind={inTable ? 'cell' : 'prose'}
      aria-label={summary}
      aria-current={active || undefined}
      aria-busy={deciding || undefined}
      onClick={onClick}
    >
      <header className="suggestion-card__header">
        <span className="suggestion-card__author" data-testid="suggestion-author">
          <span className="suggestion-card__swatch" aria-hidden="true" />
          {name}
        </span>
        <time className="suggestion-card__time" dateTime={iso} title={formatCommentTime(iso, locale, new Date(now), 'record')}>
          {relativeTime(item.at, now, locale)}
        </time>
      </header>
      <p className="suggestion-card__section" data-testid="suggestion-section">
        {item.section ? t('suggestions.card.section', { title: item.section.title }) : t('suggestions.card.beforeFirstHeading')}
      </p>
      <Change item={item} />
      {competitors.length > 0 && mayDecide && (
        <p id={hintId} className="suggestion-card__hint" data-testid="suggestion-conflict-hint">
          {t('suggestions.conflict.hint', { names: competitors.join('、') })}
        </p>
      )}
      <div className="suggestion-card__actions">
        <button type="button" className="link-button" data-testid="suggestion-show" aria-label={t(inTable ? 'cellSuggest.showInTableLabel' : 'suggestions.card.showLabel', { summary })} onClick={() => onShow(item)}>
          {t(inTable ? 'cellSuggest.showInTable' : 'suggestions.card.show')}
        </button>
        {onWithdraw && (
          <button type="button" className="link-button" data-testid="suggestion-withdraw" onClick={() => onWithdraw(item)}>
            {t('cellSuggest.withdraw')}
          </button>
        )}
        {onComment && (
          <button type="button" className="link-button" data-testid="suggestion-comment" aria-label={t('suggestions.card.commentLabel', { summary })} onClick={() => onComment(item)}>
            {t('suggestions.card.comment')}
          </button>
        )}
        {mayDecide && (
          <span className="suggestion-card__decide">
            <button
              type="button"
              className="button button--primary suggestion-card__accept"
              data-testid="suggestion-accept"
              aria-label={t('suggestions.card.acceptLabel', { summary })}
              aria-describedby={competitors.length > 0 ? hintId : undefined}
              aria-disabled={deciding || undefined}
              onClick={() => !deciding && onDecide(item, 'accept')}
            >
              {deciding ? t('suggestions.card.deciding') : t('suggestions.card.accept')}
            </button>
            <button
              type="button"
              className="button"
              data-testid="suggestion-reject"
              aria-label={t('suggestions.card.rejectLabel', { summary })}
              aria-disabled={deciding || undefined}
              onClick={() => !deciding && onDecide(item, 'reject')}
            >
              {t('suggestions.card.reject')}
            </button>
          </span>
        )}
      </div>
    </article>
  );
}
