import { useId } from 'react';
import { useI18n } from '../../i18n';
import type { PlanViewProps } from '../plan/planView';
import { useMeasureTable } from '../plan/useMeasureTable';
import { usePlanSlots } from '../plan/ports';
import { KpiListTable } from '../plan/tables/KpiListTable';
import { PrintButton } from './PrintButton';
import './views.css';

/** 成果指標一覧: generated from the measure table, never typed. */
export function KpiListView({ planId, session, editable }: PlanViewProps) {
  const { t } = useI18n();
  const { TransferMenu } = usePlanSlots();
  const view = useMeasureTable(session.ydoc);
  const headingId = useId();
  const { derived, table } = view;

  return (
    <section className="views-sheet views-printable" data-testid="kpi-list" aria-labelledby={headingId}>
      <div className="views-toolbar">
        <PrintButton />
        <TransferMenu planId={planId} doc={session.ydoc} view={view} editable={editable} />
      </div>
      <h2 id={headingId} className="views-title">
        {t('views.kpiList.title')}
      </h2>
      {derived.kpis.length === 0 ? (
        <p className="empty-state">{t('views.kpiList.empty')}</p>
      ) : (
        <KpiListTable kpis={derived.kpis} settings={table.settings} labelledBy={headingId} />
      )}
    </section>
  );
}
