import { inOrder, type CompareOrder, type MeasureDiff } from '@sakutei/shared';
import { useMemo } from 'react';
import { useI18n, type MessageKey } from '../../i18n';
import { DiffText } from './DiffText';
import {
  evaluationGroups,
  lineSegments,
  measureFieldText,
  measureGroups,
  measureKindText,
  measurePlaceText,
  progressGroups,
  renumberNoteText,
  type MeasureGroup,
  type MeasureLine,
} from './measureLines';

/** The three parts of the measure half: the table itself, each project's 実施状況, the 評価・課題. */
export type MeasureSection = 'measures' | 'progress' | 'evaluations';

const SECTIONS: Record<MeasureSection, { groups: (diff: MeasureDiff) => MeasureGroup[]; label: MessageKey; none: MessageKey; testId: string }> = {
  measures: { groups: measureGroups, label: 'revisions.compare.measureTable', none: 'revisions.compare.measuresUnchanged', testId: 'compare-measures-unchanged' },
  progress: { groups: progressGroups, label: 'revisions.compare.progressTable', none: 'revisions.compare.progressUnchanged', testId: 'compare-progress-unchanged' },
  evaluations: {
    groups: evaluationGroups,
    label: 'revisions.compare.evaluationsTable',
    none: 'revisions.compare.evaluationsUnchanged',
    testId: 'compare-evaluations-unchanged',
  },
};

/**
 * The measure tables compared row by row and KPI by KPI: what was added, removed or changed.
 * Rows that only moved up or down a number are one note per run (「以下、番号を繰り下げ」),
 * across both sides, rather than a line each. The 実施状況 and 評価・課題 sections are laid
 * out the same way, a changed note or evaluation with its edit marked as the prose is.
 */
export function MeasureCompareTable({ diff, order, section = 'measures' }: { diff: MeasureDiff; order: CompareOrder; section?: MeasureSection }) {
  const { t, locale } = useI18n();
  const spec = SECTIONS[section];
  const groups = useMemo(() => spec.groups(diff), [spec, diff]);

  if (groups.length === 0) {
    return (
      <p className="compare-none" data-testid={spec.testId}>
        {t(spec.none)}
      </p>
    );
  }
  const sides = (line: MeasureLine) => (line.segments ? inOrder(order, lineSegments(line)) : inOrder(order, line));
  const sideHeads = inOrder(order, { new: t('revisions.compare.proposed'), old: t('revisions.compare.current') });
  return (
    <div className="views-scroll compare-scroll" tabIndex={0} role="region" aria-label={t(spec.label)} data-section={section}>
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
                      {typeof value === 'string' ? value : <DiffText segments={value} />}
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
