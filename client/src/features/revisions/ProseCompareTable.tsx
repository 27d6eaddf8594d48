import { inOrder, inlineSegments, type CompareOrder, type ProseDiffRow } from '@sakutei/shared';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useI18n } from '../../i18n';
import { DiffBlock } from './DiffText';
import { foldUnchanged } from './proseLines';

export type CompareMode = 'split' | 'inline';

interface Props {
  rows: readonly ProseDiffRow[];
  mode: CompareMode;
  fromLabel: string;
  toLabel: string;
  showAll: boolean;
  order: CompareOrder;
}

const NOTHING_FOLDED: ReadonlySet<number> = new Set();

/** The prose of a 新旧対照表: 改正後 | 改正前 (or the reverse) block by block, or both in one column. */
export function ProseCompareTable({ rows, mode, fromLabel, toLabel, showAll, order }: Props) {
  const { t } = useI18n();
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(NOTHING_FOLDED);
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  const focusPending = useRef(false);
  const tableRef = useRef<HTMLTableElement>(null);
  const lines = useMemo(
    () => (showAll ? rows.map((row, index) => ({ kind: 'row' as const, row, index })) : foldUnchanged(rows, expanded)),
    [rows, expanded, showAll],
  );
  const columns = mode === 'split' ? 2 : 1;

  const unfold = (start: number) => {
    setExpanded((previous) => new Set([...previous, start]));
    // The button goes away with the fold; focus moves to the first block it hid.
    setFocusIndex(start);
    focusPending.current = true;
  };
  useEffect(() => {
    if (!focusPending.current || focusIndex === null) return;
    focusPending.current = false;
    tableRef.current?.querySelector<HTMLElement>(`[data-index="${focusIndex}"]`)?.focus();
  }, [focusIndex, lines]);

  return (
    <div className="views-scroll compare-scroll" tabIndex={0} role="region" aria-label={t('revisions.compare.proseTable')}>
      <table ref={tableRef} className={`compare-table compare-table--${mode}`} aria-label={t('revisions.compare.proseTable')}>
        <thead>
          {mode === 'split' ? (
            <tr>
              {inOrder(order, {
                old: { name: t('revisions.compare.current'), source: fromLabel, side: 'old' },
                new: { name: t('revisions.compare.proposed'), source: toLabel, side: 'new' },
              }).map((head) => (
                <th key={head.side} scope="col" className={`compare-table__half compare-table__half--${head.side}`}>
                  {head.name}
                  <span className="compare-table__source">{head.source}</span>
                </th>
              ))}
            </tr>
          ) : (
            <tr>
              <th scope="col">
                {t('revisions.compare.inlineHeading')}
                <span className="compare-table__source">{t('revisions.compare.inlineSources', { from: fromLabel, to: toLabel })}</span>
              </th>
            </tr>
          )}
        </thead>
        <tbody>
          {lines.map((line) =>
            line.kind === 'fold' ? (
              <tr key={`fold-${line.start}`} className="compare-fold">
                <td colSpan={columns}>
                  <button type="button" className="link-button" data-testid="compare-expand" onClick={() => unfold(line.start)}>
                    {t('revisions.compare.fold', { count: line.count })}
                  </button>
                </td>
              </tr>
            ) : (
              <tr
                key={line.index}
                className={`compare-row compare-row--${line.row.kind}`}
                data-testid="compare-row"
                data-kind={line.row.kind}
                data-index={line.index}
                tabIndex={line.index === focusIndex ? -1 : undefined}
              >
                {mode === 'split' ? <SplitCells row={line.row} order={order} /> : <InlineCell row={line.row} />}
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}

function SplitCells({ row, order }: { row: ProseDiffRow; order: CompareOrder }) {
  const { t } = useI18n();
  const oldCell = (
    <td key="old" className="compare-cell compare-cell--old" data-side-label={t('revisions.compare.current')}>
      {row.old ? (
        <DiffBlock side={row.old} segments={row.old.segments} />
      ) : (
        <span className="compare-placeholder">{t('revisions.compare.newBlock')}</span>
      )}
    </td>
  );
  const newCell = (
    <td key="new" className="compare-cell compare-cell--new" data-side-label={t('revisions.compare.proposed')}>
      {row.new ? (
        <DiffBlock side={row.new} segments={row.new.segments} />
      ) : (
        <span className="compare-placeholder">{t('revisions.compare.removedBlock')}</span>
      )}
    </td>
  );
  return <>{inOrder(order, { old: oldCell, new: newCell })}</>;
}

function InlineCell({ row }: { row: ProseDiffRow }) {
  const side = row.new ?? row.old;
  return <td className="compare-cell">{side && <DiffBlock side={side} segments={inlineSegments(row)} />}</td>;
}
