import { setActual, updateKpi, type DerivedKpi, type KpiFields, type MeasureSettings, type ParsedFigure } from '@sakutei/shared/measures';
import { useId, useRef } from 'react';
import type * as Y from 'yjs';
import { useI18n } from '../../i18n';
import { recordActual } from '../../lib/api';
import { KpiBasisFields } from './KpiBasisFields';
import type { KpiSuggesting } from './FigureSuggestion';
import type { KpiCardScope } from './kpiCardScope';
import { KpiChart } from './KpiChart';
import { KpiCommentTools } from './KpiCommentTools';
import { KpiDefinitionFields } from './KpiDefinitionFields';
import { KpiKindFields } from './KpiKindFields';
import { actualYearsOf } from './kpiFormat';
import { KpiSummary } from './KpiSummary';
import { KpiYearsTable } from './KpiYearsTable';
import { kpiTarget } from './commentTargets';
import { commentClasses, type CellComments } from './useCellComments';
import type { CellPresenceMap } from './useCellPresence';
import { useKpiCardFocus, type KpiFocus } from './useKpiCardFocus';

export type { KpiFocus } from './useKpiCardFocus';

/** What this user may change in the KPI panel. */
export type KpiPanelMode = 'edit' | 'actuals' | 'read';

type Props = {
  entry: DerivedKpi;
  settings: MeasureSettings;
  mode: KpiPanelMode;
  doc: Y.Doc;
  planId: string;
  presence: CellPresenceMap;
  comments: CellComments;
  /** Set when this card (or a field of it) should take the focus; cleared with onFocusDone. */
  focusRequest: KpiFocus | null;
  onFocusDone: () => void;
  /** Runs a document change as its own undo step. */
  onEdit: (change: () => void) => void;
  onRequestDelete: (entry: DerivedKpi) => void;
  /** Proposals for the KPI's figures (提案). */
  suggesting?: KpiSuggesting | undefined;
};

/** One KPI (成果指標): its definition, baseline and target, actuals per year, figures and chart. */
export function KpiCard(props: Props) {
  const { entry, settings, mode, doc, planId, comments, onEdit } = props;
  const { t } = useI18n();
  const { kpi, mark } = entry;
  const idPrefix = useId();
  const cardRef = useRef<HTMLElement>(null);
  const years = actualYearsOf(kpi, settings.actualYears);
  useKpiCardFocus(cardRef, props.focusRequest, props.onFocusDone);

  const scope: KpiCardScope = {
    entry,
    canEdit: mode === 'edit',
    idPrefix,
    presence: props.presence,
    comments,
    update: (fields: Partial<KpiFields>) => onEdit(() => updateKpi(doc, kpi.id, fields)),
    suggesting: props.suggesting,
  };

  const saveActual = (year: number, figure: ParsedFigure): void | Promise<void> => {
    if (mode === 'edit') return onEdit(() => setActual(doc, kpi.id, year, figure.value));
    // Staff may not write the document; the server records the actual and every copy sees it.
    return recordActual(planId, kpi.id, year, figure.value).then(() => undefined);
  };

  const headingId = `${idPrefix}-heading`;
  return (
    <article ref={cardRef} className="measures-kpi" data-testid="kpi-card" data-kpi-id={kpi.id} aria-labelledby={headingId}>
      <header className={`measures-kpi__header ${commentClasses(comments, kpiTarget(kpi.id, null))}`}>
        <h3 id={headingId} className="measures-kpi__heading" tabIndex={-1} data-kpi-heading="">
          <span className="measures-kpi__mark">{mark}</span> {kpi.name || t('measures.kpi.unnamed')}
        </h3>
        <div className="measures-kpi__header-tools">
          <KpiCommentTools entry={entry} field={null} comments={comments} />
          {scope.canEdit && (
            <button type="button" className="button button--quiet" data-testid="kpi-delete" onClick={() => props.onRequestDelete(entry)}>
              {t('measures.kpi.delete')}
            </button>
          )}
        </div>
      </header>
      <KpiDefinitionFields scope={scope} />
      <KpiKindFields scope={scope} planYears={settings.actualYears} />
      <KpiBasisFields scope={scope} />
      <KpiYearsTable scope={scope} settings={settings} years={years} actualsReadOnly={mode === 'read'} saveActual={saveActual} />
      <div className="measures-kpi__outcome">
        <KpiSummary kpi={kpi} rules={settings.gradeRules} />
        <KpiChart kpi={kpi} mark={mark} years={years} />
      </div>
    </article>
  );
}
