import type { MeasureDiff } from '@sakutei/shared';
import { useMemo } from 'react';
import { useI18n, type Locale, type MessageKey, type Translate } from '../../i18n';
import { fiscalYearText } from '../views/yearText';
import { measureGroups, type MeasureField, type MeasureLineKind, type MeasurePlace } from './measureLines';

function placeText(place: MeasurePlace, t: Translate): string {
  switch (place.kind) {
    case 'row':
      return place.title === '' ? place.path : `${place.path} ${place.title}`;
    case 'kpi':
      return `${place.mark} ${place.name}`;
    case 'settings':
      return t('revisions.compare.place.settings');
    case 'actors':
      return t('revisions.compare.place.actors');
  }
}

function fieldText(field: MeasureField, t: Translate, locale: Locale): string {
  switch (field.kind) {
    case 'row':
      return t(`revisions.field.row.${field.field}` satisfies MessageKey);
    case 'kpi':
      return field.fiscalYear === undefined
        ? t(`revisions.field.kpi.${field.field}` satisfies MessageKey)
        : t('revisions.field.kpi.actualOf', { year: fiscalYearText(field.fiscalYear, 'era', locale) });
    case 'setting':
      return t(`revisions.field.setting.${field.field}` satisfies MessageKey);
    case 'number':
      return t('revisions.field.number');
    case 'position':
      return t('revisions.field.position');
    case 'actor':
      return t('revisions.field.actor');
    case 'roleCell':
      return t('revisions.field.roleCell', { actor: field.actorName });
  }
}

const kindText = (kind: MeasureLineKind, t: Translate) => t(`revisions.compare.kind.${kind}` satisfies MessageKey);

/** The measure tables compared row by row and KPI by KPI: what was added, removed, renumbered or changed. */
export function MeasureCompareTable({ diff }: { diff: MeasureDiff }) {
  const { t, locale } = useI18n();
  const groups = useMemo(() => measureGroups(diff), [diff]);

  if (groups.length === 0) {
    return (
      <p className="compare-none" data-testid="compare-measures-unchanged">
        {t('revisions.compare.measuresUnchanged')}
      </p>
    );
  }
  return (
    <div className="views-scroll">
      <table className="compare-table compare-measures" aria-label={t('revisions.compare.measureTable')}>
        <thead>
          <tr>
            <th scope="col">{t('revisions.compare.col.kind')}</th>
            <th scope="col">{t('revisions.compare.col.place')}</th>
            <th scope="col">{t('revisions.compare.col.field')}</th>
            <th scope="col">{t('revisions.compare.current')}</th>
            <th scope="col">{t('revisions.compare.proposed')}</th>
          </tr>
        </thead>
        {groups.map((group) => (
          <tbody key={group.key} className="compare-measures__group">
            {group.lines.map((line, index) => (
              <tr key={index} data-testid="compare-measure-row" data-kind={line.kind} className={`compare-measures__line compare-measures__line--${line.kind}`}>
                <td className="compare-measures__kind">{kindText(line.kind, t)}</td>
                {index === 0 && (
                  <th scope="rowgroup" rowSpan={group.lines.length} className="compare-measures__place">
                    {placeText(group.place, t)}
                  </th>
                )}
                <td>{fieldText(line.field, t, locale)}</td>
                <td className="compare-measures__value">{line.old}</td>
                <td className="compare-measures__value">{line.new}</td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
