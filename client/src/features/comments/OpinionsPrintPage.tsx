import { OPINION_TABLE_HEADER, opinionTableRows, type PlanSummary, type Thread } from '@sakutei/shared';
import { ResourceStatus } from '../../app/ResourceStatus';
import { Link } from '../../app/router';
import { useApiResource } from '../../app/useApiResource';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useI18n, type Locale } from '../../i18n';
import { getPlan } from '../../lib/api';
import { listThreads } from '../../lib/commentsApi';
import './opinions.css';

function today(locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en', { dateStyle: 'long' }).format(new Date());
}

/** The six columns as handed to the council; the header stays as the official form prints it. */
function OpinionsTable({ threads }: { threads: readonly Thread[] }) {
  const rows = opinionTableRows(threads);
  return (
    <table className="opinions-table" data-testid="opinions-table">
      <thead>
        <tr>
          {OPINION_TABLE_HEADER.map((heading) => (
            <th key={heading} scope="col">
              {heading}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(([no, ...cells]) => (
          <tr key={no}>
            <th scope="row">{no}</th>
            {cells.map((cell, index) => (
              <td key={index}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function PrintableOpinions({ plan, threads }: { plan: PlanSummary; threads: readonly Thread[] }) {
  const { t, locale } = useI18n();
  return (
    <article className="page opinions-page" data-testid="opinions-page">
      <div className="opinions-page__tools">
        <Link to={`/plans/${encodeURIComponent(plan.id)}`}>{t('comments.opinions.back')}</Link>
        <button type="button" className="button button--primary" data-testid="opinions-print" onClick={() => window.print()}>
          {t('comments.opinions.print')}
        </button>
      </div>
      <header className="opinions-page__header">
        <p className="opinions-page__plan">{plan.title}</p>
        <h1>{t('comments.opinions.title')}</h1>
        <p className="opinions-page__date">{t('comments.opinions.date', { date: today(locale) })}</p>
      </header>
      {threads.length === 0 ? <p className="opinions-page__empty">{t('comments.opinions.empty')}</p> : null}
      <OpinionsTable threads={threads} />
    </article>
  );
}

/** `/plans/{id}/opinions`: the 委員意見と対応 table, ready to print for the next meeting. */
export function OpinionsPrintPage({ planId }: { planId: string }) {
  const { t } = useI18n();
  const { resource, reload } = useApiResource(`opinions:${planId}`, async (signal) => {
    const [{ plan }, { threads }] = await Promise.all([getPlan(planId, signal), listThreads(planId, signal)]);
    return { plan, threads };
  });
  const loaded = resource.status === 'loaded' ? resource.data : null;
  useDocumentTitle(loaded ? `${t('comments.opinions.title')} – ${loaded.plan.title}` : null);

  if (loaded) return <PrintableOpinions plan={loaded.plan} threads={loaded.threads} />;
  return (
    <section className="page">
      <ResourceStatus resource={resource} failedMessage={t('comments.opinions.loadFailed')} onRetry={reload} />
    </section>
  );
}
