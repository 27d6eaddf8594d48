import type { DerivedRow } from '@sakutei/shared/measures';
import { useI18n } from '../../i18n';
import { describeRowTarget, gridCellTarget } from './commentTargets';
import type { GridField } from './gridModel';
import { isOpen, type CellComments } from './useCellComments';

type Props = {
  row: DerivedRow;
  field: GridField;
  comments: CellComments;
  onComment: () => void;
  /** 提案する on this cell, when the reader may propose and the cell takes proposals. */
  onSuggest?: (() => void) | undefined;
};

/**
 * Comments on the focused cell, apart from the editing toolbar: staff and members may
 * comment where they may not edit. Also the keyboard's way to the cell's threads, since
 * the badges inside the grid are not tab stops.
 */
export function CellCommentBar({ row, field, comments, onComment, onSuggest }: Props) {
  const { t } = useI18n();
  // The 番号 and KPI-marks cells stand for the whole row (each KPI's threads are in the panel).
  const target = gridCellTarget(row.node.id, field);
  const threads = comments.threadsFor(target);
  if (!comments.canComment && threads.length === 0 && !onSuggest) return null;
  const where = describeRowTarget(row, target.field, t);
  const open = threads.filter(isOpen).length;

  return (
    <div className="measures-comment-bar" role="group" aria-label={t('measures.comments.barLabel')} data-testid="measure-comment-bar">
      <span className="measures-comment-bar__where" data-testid="comment-cell-where">
        {t('measures.comments.current', { where })}
      </span>
      {comments.canComment && (
        <button
          type="button"
          className="button button--quiet"
          aria-label={t('measures.comments.onTarget', { where })}
          aria-keyshortcuts="Control+Alt+M"
          data-testid="comment-on-cell"
          onClick={onComment}
        >
          {t('measures.comments.button')}
        </button>
      )}
      {onSuggest && (
        <button
          type="button"
          className="button button--quiet"
          aria-keyshortcuts="Control+Alt+P"
          data-testid="suggest-on-cell"
          onClick={onSuggest}
        >
          {t('cellSuggest.action')}
        </button>
      )}
      {threads.length > 0 && (
        <button
          type="button"
          className="button button--quiet"
          data-testid="cell-comments-show"
          onClick={() => comments.show(threads)}
        >
          {open > 0
            ? t('measures.comments.show', { count: open })
            : t('measures.comments.showResolved', { count: threads.length })}
        </button>
      )}
    </div>
  );
}
