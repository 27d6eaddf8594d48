import { type StructureChange, type SuggestionSummary, isSuggestibleFormat } from '@sakutei/shared/editor';
import type { MessageKey, Translate } from '../../i18n';

/**
 * The words for what a formatting or block suggestion proposes (「太字にする」「段落を分ける」
 * 「見出し3にする」), said the same way in the text (suggestionPaint.ts) and on the cards.
 */

/** 「太字にする」 / 「太字を外す」; a format the client does not know reads as formatting in general. */
export function formatWords(t: Translate, mark: string, action: 'add' | 'remove'): string {
  const which = isSuggestibleFormat(mark) ? mark : 'other';
  return t(`editor.suggest.format.${action}.${which}` as MessageKey);
}

/** 「段落を分ける」「改行を入れる」「前の段落と結合」「見出し3にする」「本文にする」. */
export function structureWords(t: Translate, change: Pick<StructureChange, 'op' | 'block' | 'level'>): string {
  if (change.op !== 'type') return t(`editor.suggest.structure.${change.op}`);
  return change.block === 'heading' ? t('editor.suggest.structure.heading', { level: change.level || 2 }) : t('editor.suggest.structure.paragraph');
}

/** Text and newlines apart, the same words: a passage struck in one place and proposed in another is a move. */
export function isMove(item: Pick<SuggestionSummary, 'inserted' | 'deleted'>): boolean {
  const flat = (text: string) => text.replace(/\n/g, '');
  return item.deleted !== '' && flat(item.deleted) !== '' && flat(item.deleted) === flat(item.inserted);
}
