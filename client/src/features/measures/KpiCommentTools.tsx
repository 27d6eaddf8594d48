import type { DerivedKpi } from '@sakutei/shared/measures';
import { useI18n } from '../../i18n';
import { CommentBadge } from './CommentBadge';
import { describeKpiTarget, kpiQuote, kpiTarget, type KpiCommentField } from './commentTargets';
import type { CellComments } from './useCellComments';

type Props = {
  entry: DerivedKpi;
  /** null for the KPI as a whole. */
  field: KpiCommentField | null;
  fiscalYear?: number | null;
  comments: CellComments;
};

/** A KPI field's comment count and its コメント button (the latter for those who may comment). */
export function KpiCommentTools({ entry, field, fiscalYear = null, comments }: Props) {
  const { t, locale } = useI18n();
  const target = kpiTarget(entry.kpi.id, field, fiscalYear);
  const year = field === 'actual' && fiscalYear !== null ? fiscalYear : undefined;
  const where = describeKpiTarget(entry, field, fiscalYear, t, locale);
  return (
    <span className={`measures-comment-tools${field === null ? '' : ' measures-comment-tools--field'}`}>
      <CommentBadge
        threads={comments.threadsFor(target)}
        testId="kpi-field-comments"
        field={field ?? undefined}
        year={year}
        onShow={comments.show}
      />
      {comments.canComment && (
        <button
          type="button"
          className="button button--quiet measures-comment-button"
          aria-label={t('measures.comments.onTarget', { where })}
          aria-keyshortcuts="Control+Alt+M"
          data-testid={field === null ? 'comment-on-kpi' : 'comment-on-kpi-field'}
          data-field={field ?? undefined}
          data-year={year}
          onClick={() => comments.start(target, kpiQuote(entry, field, fiscalYear))}
        >
          {t('measures.comments.button')}
        </button>
      )}
    </span>
  );
}
