import { inOrder, type CompareOrder, type MeasureDiff } from '@sakutei/shared';
import { useMemo } from 'react';
import { useI18n } from '../../i18n';
import { measureFieldText, measureGroups, measureKindText, measurePlaceText, renumberNoteText, type MeasureLine } from './measureLines';

/**
 * The measure tables compared row by row and KPI by KPI: what was added, removed or changed.
 * Rows that only moved up or down a number are one note per run (「以下、番号を繰り下げ」),
 * across both sides, rather than a line each.
 */
export function MeasureCompareTable({ diff, order }: { diff: MeasureDiff; order: CompareOrder }) {
  const { t, locale } = useI18n();
  const groups = useMemo(() => measureGroups(diff), [diff]);

  if (groups.length === 0) {
    return (
      <p className="compare-none" data-testid="compare-measures-unchanged">
        {t('revisions.compare.measuresUnchanged')}
      </p>
    );
  }
  const sides = (line: MeasureLine) => inOrder(order, line);
  const sideHeads = inOrder(order, { new: t('revisions.compare.proposed'), old: t('revisions.compare.current') });
  return (
    <div className="views-scroll compare-scroll" tabIndex={0} role="region" aria-label={t('revisions.compare.measureTable')}>
      <table className="compare-table compare-measures" data-order={order}>
        <colgroup>
          <col className="compare-measures__col-kind" />
          <col className="compare-measures__col-place" />
          <col className="compare-measures__col-field" />
          <col className="compare-measures__col-side" />
          <col className="compare-measures__col-side" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">{t('revisions.compare.col.kind')}</th>
            <th scope="col">{t('revisions.compare.col.place')}</th>
            <th scope="col">{t('revisions.compare.col.field')}</th>
            <th scope="col">{sideHeads[0]}</th>
            <th scope="col">{sideHeads[1]}</th>
          </tr>
        </thead>
        {groups.map((group) => (
          <tbody key={group.key} className="compare-measures__group">
            {group.lines.map((line, index) => (
              <tr key={index} data-testid="compare-measure-row" data-kind={line.kind} className={`compare-measures__line compare-measures__line--${line.kind}`}>
                <td className="compare-measures__kind">{measureKindText(line.kind, locale)}</td>
                {index === 0 && (
                  <th scope="rowgroup" rowSpan={group.lines.length} className="compare-measures__place">
                    {measurePlaceText(group.place, locale)}
                  </th>
                )}
                <td className="compare-measures__field">{measureFieldText(line.field, locale)}</td>
                {line.field.kind === 'renumber' ? (
                  <td colSpan={2} className="compare-measures__note" data-testid="compare-renumber-note">
                    {renumberNoteText(line, locale)}
                  </td>
                ) : (
                  sides(line).map((value, side) => (
                    <td key={side} className="compare-measures__value" data-side-label={sideHeads[side]}>
                      {value}
                    </td>
                  ))
                )}
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
