import { Link } from '../../app/router';
import { useI18n } from '../../i18n';
import { opinionsExportUrl } from '../../lib/commentsApi';

/** The 委員意見と対応 table as files, and as a page to print. */
export function OpinionsExport({ planId }: { planId: string }) {
  const { t } = useI18n();
  return (
    <nav className="opinions-export" aria-label={t('comments.export.label')}>
      <span className="opinions-export__label">{t('comments.export.label')}</span>
      <a href={opinionsExportUrl(planId, 'csv')} download data-testid="opinions-export-csv">
        {t('comments.export.csv')}
      </a>
      <a href={opinionsExportUrl(planId, 'xlsx')} download data-testid="opinions-export-xlsx">
        {t('comments.export.xlsx')}
      </a>
      <Link to={`/plans/${encodeURIComponent(planId)}/opinions`} data-testid="opinions-print-link">
        {t('comments.export.print')}
      </Link>
    </nav>
  );
}
