import { useLayoutEffect, useRef } from 'react';
import { useI18n } from '../../i18n';
import { isGridField, type GridFocus } from './gridModel';
import { GRID_HEADERS, type MeasureGridProps } from './gridHeaders';
import { yearLong } from './kpiFormat';
import { MeasureRow } from './MeasureRow';
import { useVirtualRows } from './useVirtualRows';

/**
 * What sticks at the top of the page over the rows: the plan's tab bar (--sticky-top,
 * 3.25rem) and the column headings. A row scrolled "into view" is kept clear of them.
 */
const HEADER_PX = 52 + 40;

function cellSelector(focus: GridFocus): string {
  return `tr[data-row-id="${CSS.escape(focus.rowId)}"] > [data-field="${focus.field}"]`;
}

/**
 * The measure table as a WAI-ARIA tree-grid: one roving tab stop (the focused cell), rows
 * that carry their level and expanded state, and an editor opened inside the cell. A long
 * table renders only the rows near the screen; aria-rowcount and aria-rowindex still say
 * where each rendered row is in the whole.
 */
export function MeasureGrid(props: MeasureGridProps) {
  const { t, locale } = useI18n();
  const { rows, focus, editing, focusRequest } = props;
  const tableRef = useRef<HTMLTableElement>(null);
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  // Whether the keyboard focus belongs in the grid, even at a moment when the DOM lost it.
  const activeRef = useRef(false);
  const virtual = useVirtualRows(rows.length, bodyRef, HEADER_PX);
  const focusIndex = focus ? rows.findIndex((row) => row.node.id === focus.rowId) : -1;

  useLayoutEffect(() => {
    if (focusRequest > 0) activeRef.current = true;
  }, [focusRequest]);

  // A keyboard move or a jump to a row that is not rendered: bring it in, then focus it below.
  const { scrollToRow } = virtual;
  useLayoutEffect(() => {
    if (focusIndex >= 0) scrollToRow(focusIndex);
    // Only when the focused row changes (or the grid is asked for the focus), not on each scroll.
  }, [focusIndex, focusRequest]);

  // Rows re-render and move as collaborators edit; a focused cell that React re-inserts
  // loses the DOM focus, so put it back where the user was.
  useLayoutEffect(() => {
    const table = tableRef.current;
    if (!activeRef.current || !table) return;
    const target =
      table.querySelector<HTMLElement>('[data-cell-editor]') ??
      (focus ? table.querySelector<HTMLElement>(cellSelector(focus)) : null);
    if (target && document.activeElement !== target) target.focus();
  });

  const cellOf = (element: EventTarget | null): GridFocus | null => {
    const cell = element instanceof HTMLElement ? element.closest<HTMLElement>('[data-testid="measure-cell"]') : null;
    const rowId = cell?.closest<HTMLElement>('tr')?.dataset['rowId'];
    const field = cell?.dataset['field'];
    return rowId !== undefined && isGridField(field) ? { rowId, field } : null;
  };

  const onFocus = (event: React.FocusEvent) => {
    activeRef.current = true;
    props.onActiveChange(true);
    const cell = cellOf(event.target);
    if (cell && (cell.rowId !== focus?.rowId || cell.field !== focus.field)) props.onFocusCell(cell);
  };

  const onBlur = (event: React.FocusEvent) => {
    const next = event.relatedTarget;
    if (next instanceof Node && tableRef.current?.contains(next)) return;
    const leave = () => {
      activeRef.current = false;
      props.onActiveChange(false);
    };
    if (next !== null) return leave();
    // No new target: either the user clicked on nothing, or a re-render moved (or, scrolled
    // out of a long table, removed) the focused cell; the layout effect above refocuses it.
    setTimeout(() => {
      if (!tableRef.current?.contains(document.activeElement)) leave();
    }, 0);
  };

  const rowOf = (index: number) => {
    const row = rows[index]!;
    return (
      <MeasureRow
        key={row.node.id}
        row={row}
        rowIndex={index + 2}
        gridProps={props}
        measureRef={virtual.enabled ? virtual.measureElement : undefined}
        focusField={focus?.rowId === row.node.id ? focus.field : null}
        editing={editing?.rowId === row.node.id ? editing : null}
      />
    );
  };

  return (
    <div className={`measures-grid-scroll${virtual.enabled ? ' is-virtual' : ''}`}>
      <table
        ref={tableRef}
        role="treegrid"
        className="measures-grid"
        aria-label={t('measures.grid.label')}
        aria-readonly={!props.editable}
        aria-rowcount={rows.length + 1}
        data-testid="measure-grid"
        data-virtual={virtual.enabled ? 'true' : 'false'}
        onFocus={onFocus}
        onBlur={onBlur}
        onKeyDown={props.onKeyDown}
        onPaste={props.onPaste}
        onCopy={props.onCopy}
      >
        <thead>
          <tr role="row" aria-rowindex={1}>
            {props.fields.map((field) => (
              <th key={field} role="columnheader" scope="col" className={`measures-grid__head measures-col--${field}`}>
                {field === 'progress' && props.progress.year !== null
                  ? t('progress.columnYear', { year: yearLong(props.progress.year, locale) })
                  : t(GRID_HEADERS[field])}
              </th>
            ))}
          </tr>
        </thead>
        <tbody ref={bodyRef}>
          {virtual.enabled ? (
            <>
              {virtual.paddingTop > 0 && <Spacer height={virtual.paddingTop} columns={props.fields.length} />}
              {virtual.items.map((item) => rowOf(item.index))}
              {virtual.paddingBottom > 0 && <Spacer height={virtual.paddingBottom} columns={props.fields.length} />}
            </>
          ) : (
            rows.map((_, index) => rowOf(index))
          )}
        </tbody>
      </table>
    </div>
  );
}

/** The height of the rows not rendered; no row to assistive technology. */
function Spacer({ height, columns }: { height: number; columns: number }) {
  return (
    <tr role="presentation" aria-hidden="true" className="measures-grid__spacer" style={{ height }}>
      <td colSpan={columns} />
    </tr>
  );
}
