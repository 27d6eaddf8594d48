import { userColor } from '@sakutei/shared';
import type { FieldSuggestion } from '@sakutei/shared/measures';
import { useI18n, type Translate } from '../../i18n';
import type { NameOf } from '../plan/usePeopleNames';
import './cellSuggestions.css';

/** A text cell's value as a suggestion shows it; blank said in words, so 「 → 」 never reads as nothing. */
export function suggestedText(value: FieldSuggestion['value'], t: Translate): string {
  return typeof value === 'string' ? value || t('cellSuggest.empty') : '';
}

/** 「佐藤さんの提案: 80 → 70」, for screen readers and the tooltip. */
export function describeSuggestion(suggestion: FieldSuggestion, nameOf: NameOf, t: Translate, show: (value: FieldSuggestion['value']) => string): string {
  return t('cellSuggest.describe', {
    name: nameOf(suggestion.author) ?? t('cellSuggest.someone'),
    was: show(suggestion.was),
    value: show(suggestion.value),
  });
}

type Props = {
  /** Pending proposals for this cell, oldest first; nothing is drawn without one. */
  suggestions: readonly FieldSuggestion[];
  /** The cell's current value as printed. */
  current: string;
  nameOf: NameOf;
  /** Prints a proposed value (text or figure) as the cell would. */
  show: (value: FieldSuggestion['value']) => string;
};

/**
 * A cell with a pending proposal reads 「~~80~~ → __70__」: the current value struck through, the
 * proposed one underlined, both in the proposer's colour, with the whole said in words for
 * screen readers (a hidden line; the marks themselves are hidden from them). Competing proposals: the oldest is shown,
 * with their count; each has its card in the suggestions panel.
 */
export function CellSuggestionMark({ suggestions, current, nameOf, show }: Props) {
  const { t } = useI18n();
  const first = suggestions[0];
  if (!first) return null;
  const described = suggestions.map((s) => describeSuggestion(s, nameOf, t, show)).join('\n');
  return (
    <span
      className="cell-suggestion"
      data-testid="cell-suggestion"
      data-count={suggestions.length}
      title={described}
      style={{ ['--suggestion-colour' as string]: userColor(first.author) }}
    >
      {/* Seen, not read: the line below says the same in words. */}
      <span aria-hidden="true">
        <del className="cell-suggestion__was">{current || t('cellSuggest.empty')}</del>
        <span className="cell-suggestion__arrow">{' → '}</span>
        <ins className="cell-suggestion__value" data-testid="cell-suggestion-value">
          {show(first.value)}
        </ins>
        {suggestions.length > 1 && (
          <span className="cell-suggestion__count" data-testid="cell-suggestion-count">
            {t('cellSuggest.count', { count: suggestions.length })}
          </span>
        )}
      </span>
      <span className="visually-hidden">
        {described}
      </span>
    </span>
  );
}
