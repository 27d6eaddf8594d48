import { type DiffSegment, type ProseDiffSide, userColor } from '@sakutei/shared';
import { type CSSProperties, Fragment } from 'react';
import { useI18n } from '../../i18n';
import { useSuggestionAuthors } from './suggestionAuthors';
import './suggestionExports.css';

/**
 * Text with its deletions struck through and its insertions underlined. <del> and <ins> are
 * not announced by most screen readers, so each also says what it is, in a pseudo-element
 * that is read out but not shown (and not part of the text that is copied).
 */
export function DiffText({ segments }: { segments: readonly DiffSegment[] }) {
  const { t } = useI18n();
  const authors = useSuggestionAuthors();
  return segments.map((segment, index) => {
    const suggestion = segment.suggestion;
    // Proposed text is not part of the comparison's own change: only the suggestion marks it.
    const plain = segment.kind === 'equal' || suggestion?.kind === 'insert';
    const [Tag, start, end] =
      segment.kind === 'delete'
        ? (['del', t('revisions.compare.deletedStart'), t('revisions.compare.deletedEnd')] as const)
        : (['ins', t('revisions.compare.insertedStart'), t('revisions.compare.insertedEnd')] as const);
    const inner = plain ? (
      segment.text
    ) : (
      <Tag className="diff-mark" data-sr-start={start} data-sr-end={end}>
        {segment.text}
      </Tag>
    );
    if (!suggestion) return <Fragment key={index}>{inner}</Fragment>;
    // A pending suggestion of the newer side (shown when asked): doubled lines in its author's colour.
    const SuggestionTag = suggestion.kind === 'insert' ? 'ins' : 'del';
    const author = authors.get(suggestion.author) ?? t('suggestionExports.unknownAuthor');
    return (
      <SuggestionTag
        key={index}
        className="compare-suggestion"
        data-suggestion={suggestion.id}
        style={{ '--suggestion-colour': userColor(suggestion.author) } as CSSProperties}
        data-sr-start={t(suggestion.kind === 'insert' ? 'suggestionExports.insertStart' : 'suggestionExports.deleteStart', { author })}
        data-sr-end={t('suggestionExports.end')}
      >
        {inner}
      </SuggestionTag>
    );
  });
}

/** One block of a 新旧対照表 row, formatted as its kind of block (a heading, a list item). */
export function DiffBlock({ side, segments }: { side: ProseDiffSide; segments: readonly DiffSegment[] }) {
  const marker =
    side.blockType === 'listItem' ? (side.ordered ? `${side.listPath?.at(-1) ?? 1}. ` : '・') : null;
  return (
    <div className={`diff-block diff-block--${side.blockType}`} data-level={side.level}>
      {marker && (
        <span className="diff-block__marker" aria-hidden="true">
          {marker}
        </span>
      )}
      <DiffText segments={segments} />
    </div>
  );
}
