import type { Thread } from '@sakutei/shared';
import { useI18n } from '../../i18n';
import { isOpen } from './useCellComments';

type Props = {
  threads: readonly Thread[];
  /** `cell-comments` or `kpi-field-comments`; a resolved-only mark gets `-resolved` after it. */
  testId: string;
  /** For KPI fields: which one, so tests and styles can tell them apart. */
  field?: string;
  year?: number;
  /** -1 inside the grid, whose cells are reached with the arrow keys instead. */
  tabIndex?: number;
  onShow: (threads: readonly Thread[]) => void;
};

/**
 * The number of open threads on a cell or field, as a button that opens them in the sidebar.
 * Where every thread is resolved, only a muted tick remains, so the discussion can still be found.
 */
export function CommentBadge({ threads, testId, field, year, tabIndex, onShow }: Props) {
  const { t } = useI18n();
  if (threads.length === 0) return null;
  const open = threads.filter(isOpen).length;
  const resolvedOnly = open === 0;
  const label = resolvedOnly
    ? t('measures.comments.badgeResolved', { count: threads.length })
    : t('measures.comments.badge', { count: open });
  return (
    <button
      type="button"
      className={`measures-comment-badge${resolvedOnly ? ' measures-comment-badge--resolved' : ''}`}
      tabIndex={tabIndex}
      aria-label={label}
      title={label}
      data-testid={resolvedOnly ? `${testId}-resolved` : testId}
      data-count={resolvedOnly ? threads.length : open}
      data-field={field}
      data-year={year}
      onClick={() => onShow(threads)}
      // A double click in a grid cell would otherwise also start editing it.
      onDoubleClick={(event) => event.stopPropagation()}
    >
      <span aria-hidden="true">{resolvedOnly ? '✓' : open}</span>
    </button>
  );
}
