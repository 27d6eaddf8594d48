import type { DiffSegment, ProseDiffSide } from '@sakutei/shared';
import { Fragment } from 'react';
import { useI18n } from '../../i18n';

/**
 * Text with its deletions struck through and its insertions underlined. <del> and <ins> are
 * not announced by most screen readers, so each also says what it is, in a pseudo-element
 * that is read out but not shown (and not part of the text that is copied).
 */
export function DiffText({ segments }: { segments: readonly DiffSegment[] }) {
  const { t } = useI18n();
  return segments.map((segment, index) => {
    if (segment.kind === 'equal') return <Fragment key={index}>{segment.text}</Fragment>;
    const [Tag, start, end] =
      segment.kind === 'delete'
        ? (['del', t('revisions.compare.deletedStart'), t('revisions.compare.deletedEnd')] as const)
        : (['ins', t('revisions.compare.insertedStart'), t('revisions.compare.insertedEnd')] as const);
    return (
      <Tag key={index} className="diff-mark" data-sr-start={start} data-sr-end={end}>
        {segment.text}
      </Tag>
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
