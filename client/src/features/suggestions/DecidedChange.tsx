import type { SuggestionDecision } from '@sakutei/shared';
import { useI18n } from '../../i18n';
import { changeParts, clip } from './suggestionCards';

type Decided = Pick<SuggestionDecision, 'inserted' | 'deleted' | 'formats' | 'structure'>;

/**
 * What a decided suggestion proposed, in the words its card used while it was pending: block
 * changes (「段落を分ける」「見出し3にする」), the wording struck → added or moved, and each format
 * with the text it applied to (「太字にする 70店舗」). The record keeps these after the marks are gone.
 */
export function DecidedChange({ entry }: { entry: Decided }) {
  const { t } = useI18n();
  const parts = changeParts(entry, t);
  return (
    <span className="suggestion-card__change" data-testid="decided-change">
      {parts.structure.map((words) => (
        <span key={words} className="suggestion-card__block" data-testid="decided-structure">
          {words}
        </span>
      ))}
      {parts.moved && (
        <>
          <span className="suggestion-card__moved">{clip(parts.moved)}</span>
          <span className="suggestion-card__kind">{t('suggestions.card.moved')}</span>
        </>
      )}
      {parts.deleted && <del className="suggestion-card__deleted">{clip(parts.deleted)}</del>}
      {parts.deleted && parts.inserted && ' → '}
      {parts.inserted && <ins className="suggestion-card__inserted">{clip(parts.inserted)}</ins>}
      {parts.formats.map((format) => (
        <span key={`${format.mark}:${format.action}:${format.text}`} data-testid="decided-format">
          <span className="suggestion-card__block">{format.words}</span>{' '}
          <span className="suggestion-card__formatted" data-mark={format.mark} data-action={format.action}>
            {clip(format.text)}
          </span>
        </span>
      ))}
      {/* A record from before formats and blocks were kept (or one that somehow names nothing). */}
      {!parts.moved && !parts.deleted && !parts.inserted && parts.structure.length === 0 && parts.formats.length === 0 && (
        <span className="suggestion-card__block">{t('suggestions.card.blockChange')}</span>
      )}
    </span>
  );
}
