import { actualText, baselineText, circled, fiscalYearText, targetText, type KpiImportRow } from '@sakutei/shared/measures';
import { useI18n, type Locale } from '../../i18n';
import { useDirectionWords } from '../../i18n/useDirectionWords';
import '../plan/tables/kpiList.css';

export type KpiPreviewItem = {
  row: KpiImportRow;
  action: 'update' | 'add' | 'skip';
  /** The existing KPI's mark (⑥) for an update. */
  mark: string | null;
  /** Where an added KPI will be shown: the row's number and title. */
  destination: string | null;
};

/** Every fiscal year any imported row has an actual for, oldest first. */
function yearsOf(items: readonly KpiPreviewItem[]): number[] {
  const years = new Set<number>();
  for (const { row } of items) for (const key of Object.keys(row.actuals)) years.add(Number(key));
  return [...years].filter(Number.isInteger).sort((a, b) => a - b);
}

function yearHeading(year: number, locale: Locale): string {
  return fiscalYearText(year, 'eraShort', locale);
}

/** The KPI rows an import would update or add, with their figures as read. */
export function KpiPreview({ items }: { items: readonly KpiPreviewItem[] }) {
  const { t, locale } = useI18n();
  const years = yearsOf(items);
  const words = useDirectionWords();

  const actionText = (item: KpiPreviewItem) => {
    if (item.action === 'update') return t('views.import.action.update', { mark: item.mark ?? '' });
    if (item.action === 'skip') return t('views.import.action.skip');
    return item.destination === null
      ? t('views.import.action.add')
      : t('views.import.action.addUnder', { row: item.destination });
  };

  return (
    <table className="views-table import-preview">
      <caption className="visually-hidden">{t('views.import.previewCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('views.import.col.line')}</th>
          <th scope="col">{t('views.import.col.action')}</th>
          <th scope="col">{t('views.kpiList.no')}</th>
          <th scope="col">{t('views.kpiList.name')}</th>
          <th scope="col">{t('views.kpiList.baseline')}</th>
          <th scope="col">{t('views.kpiList.target')}</th>
          {years.map((year) => (
            <th scope="col" key={year}>
              {t('views.import.col.actualOf', { year: yearHeading(year, locale) })}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr
            key={item.row.line}
            data-testid="import-preview-row"
            data-action={item.action}
            className={item.action === 'skip' ? 'import-preview__skipped' : undefined}
          >
            <td className="kpi-list__number">{item.row.line}</td>
            <td data-testid="import-preview-action">{actionText(item)}</td>
            <td>{item.row.number === null ? '' : circled(item.row.number)}</td>
            <th scope="row" className="kpi-list__name">
              {item.row.name}
              {item.row.formerNames.map((former, index) => (
                <span key={`${index}:${former}`} className="kpi-list__former">
                  ({former})
                </span>
              ))}
            </th>
            <td className="kpi-list__figure">{baselineText(item.row, null)}</td>
            <td className="kpi-list__figure">
              {targetText(item.row, null, words)}
              {/* What the importer proposes from the printed target; confirmed in the KPI panel. */}
              {item.row.targetKind && (
                <span className="kpi-list__former" data-testid="import-preview-kind">
                  {t(`kpiKinds.kind.${item.row.targetKind.kind}`)}
                </span>
              )}
              {item.row.directionFrom === 'inferred' && (
                <span className="kpi-list__former" data-testid="import-preview-direction">
                  {t(`measures.direction.${item.row.direction}`)}（{t('kpiKinds.preview.inferred')}）
                </span>
              )}
            </td>
            {years.map((year) => (
              <td key={year} className="kpi-list__figure">
                {actualText(item.row, year)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
