import type { DerivedRow, DerivedTable, HierarchyScheme } from '@sakutei/shared/measures';
import { useId } from 'react';
import { useI18n } from '../../i18n';
import type { PlanViewProps } from '../plan/planView';
import { usePlan } from '../plan/PlanContext';
import { usePlanSlots } from '../plan/ports';
import { useMeasureTable } from '../plan/useMeasureTable';
import { PrintButton } from './PrintButton';
import './views.css';

/**
 * The programme prints measures on the left and their projects on the right; a scheme of
 * one level has only the left column.
 */
function projectDepthOf(scheme: HierarchyScheme): number | null {
  return scheme.levels.length > 1 ? scheme.levels.length - 1 : null;
}

function KpiMarker({ row, derived }: { row: DerivedRow; derived: DerivedTable }) {
  const { t } = useI18n();
  if (row.kpiIds.length === 0) return null;
  const marks = row.kpiIds.map((id) => derived.kpiById.get(id)?.mark ?? '').join('');
  const label = t('views.contents.kpiMarks', { marks });
  return (
    <span title={label} data-testid="contents-kpi" data-marks={marks}>
      <span aria-hidden="true">○</span>
      <span className="visually-hidden">{label}</span>
    </span>
  );
}

function ContentsRow({ row, derived, projectDepth }: { row: DerivedRow; derived: DerivedTable; projectDepth: number | null }) {
  const { t } = useI18n();
  const isProject = projectDepth !== null && row.depth >= projectDepth;
  const indent = isProject ? row.depth - projectDepth : row.depth;
  const { jumps } = usePlan();
  // The hash is how a view asks for another tab (and Back returns); the kernel's jump tells
  // the measure table which row was meant. Sent at once, before the tab has switched: the
  // bus keeps a request that arrives just before the table mounts.
  const open = (event: React.MouseEvent) => {
    // A link opened in a new tab or window shows no row here.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    jumps.toMeasure({ target: { kind: 'node', id: row.node.id, field: null }, landOn: 'title' });
  };
  const entry = (
    <div className="contents__entry" style={{ paddingInlineStart: `${indent * 1.25}em` }}>
      {row.number !== '' && <span className="contents__number">{row.number}</span>}
      <a href="#measures" onClick={open} className="contents__title">
        {row.title || t('views.contents.untitled')}
      </a>
      {row.reprintOf !== null && (
        <span className="views-badge" data-testid="contents-reprint">
          {t('views.reprint')}
        </span>
      )}
    </div>
  );
  return (
    <tr data-testid="contents-row" data-row-id={row.node.id} data-depth={row.depth} className={`contents__row contents__row--depth-${Math.min(row.depth, 3)}`}>
      <td>{isProject ? null : entry}</td>
      {projectDepth !== null && <td>{isProject ? entry : null}</td>}
      <td className="contents__kpi">
        <KpiMarker row={row} derived={derived} />
      </td>
    </tr>
  );
}

/** 目次: every row of the tree with its derived number, and ○ where a KPI is attached. */
export function ContentsView({ planId, session, editable }: PlanViewProps) {
  const { t } = useI18n();
  const { TransferMenu } = usePlanSlots();
  const view = useMeasureTable(session.ydoc);
  const headingId = useId();
  const { derived, table } = view;
  const { scheme } = table.settings;
  const projectDepth = projectDepthOf(scheme);

  return (
    <section className="views-sheet views-printable" data-testid="contents" aria-labelledby={headingId}>
      <div className="views-toolbar">
        <PrintButton />
        <TransferMenu planId={planId} doc={session.ydoc} view={view} editable={editable} />
      </div>
      <h2 id={headingId} className="views-title">
        {t('views.contents.title')}
      </h2>
      {derived.rows.length === 0 ? (
        <p className="empty-state">{t('views.contents.empty')}</p>
      ) : (
        <div className="views-scroll" tabIndex={0} role="region" aria-labelledby={headingId}>
          <table className="views-table contents" aria-labelledby={headingId}>
            <thead>
              <tr>
                <th scope="col">{scheme.levels[0]?.name}</th>
                {projectDepth !== null && <th scope="col">{scheme.levels[projectDepth]?.name}</th>}
                <th scope="col" className="contents__kpi">
                  {t('views.contents.kpi')}
                </th>
              </tr>
            </thead>
            <tbody>
              {derived.rows.map((row) => (
                <ContentsRow key={row.node.id} row={row} derived={derived} projectDepth={projectDepth} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
