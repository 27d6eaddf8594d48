import type { DerivedRow, DerivedTable } from '@sakutei/shared/measures';
import { useLayoutEffect, useRef, type ClipboardEvent, type KeyboardEvent } from 'react';
import { useI18n, type MessageKey } from '../../i18n';
import { CellEditor } from './CellEditor';
import { CommentBadge } from './CommentBadge';
import { badgeTargetOf } from './commentTargets';
import { formatContact } from '@sakutei/shared/measures';
import {
  GRID_FIELDS,
  editKindOf,
  isGridField,
  type CommitMove,
  type GridEditing,
  type GridField,
  type GridFocus,
} from './gridModel';
import { PresenceTags, presenceStyle } from './PresenceTags';
import { commentClasses, type CellComments } from './useCellComments';
import { cellKey, type CellPresenceMap } from './useCellPresence';

const HEADERS: Record<GridField, MessageKey> = {
  number: 'measures.column.number',
  title: 'measures.column.title',
  status: 'measures.column.status',
  description: 'measures.column.description',
  contacts: 'measures.column.contacts',
  kpis: 'measures.column.kpis',
};

type Props = {
  rows: readonly DerivedRow[];
  derived: DerivedTable;
  hasChildren: ReadonlySet<string>;
  collapsed: ReadonlySet<string>;
  focus: GridFocus | null;
  editing: GridEditing | null;
  editable: boolean;
  presence: CellPresenceMap;
  comments: CellComments;
  /** Bumped to pull the keyboard focus back into the grid (after a dialog or a toolbar action). */
  focusRequest: number;
  onFocusCell: (focus: GridFocus) => void;
  onActiveChange: (active: boolean) => void;
  onSetExpanded: (rowId: string, expanded: boolean) => void;
  onStartEdit: (focus: GridFocus) => void;
  onCommit: (draft: string, move: CommitMove, refocus: boolean) => void;
  onCancelEdit: () => void;
  onKeyDown: (event: KeyboardEvent) => void;
  onPaste: (event: ClipboardEvent) => void;
  onCopy: (event: ClipboardEvent) => void;
};

function cellSelector(focus: GridFocus): string {
  return `tr[data-row-id="${CSS.escape(focus.rowId)}"] > [data-field="${focus.field}"]`;
}

/**
 * The measure table as a WAI-ARIA tree-grid: one roving tab stop (the focused cell), rows
 * that carry their level and expanded state, and an editor opened inside the cell.
 */
export function MeasureGrid(props: Props) {
  const { t } = useI18n();
  const { rows, focus, editing, focusRequest } = props;
  const tableRef = useRef<HTMLTableElement>(null);
  // Whether the keyboard focus belongs in the grid, even at a moment when the DOM lost it.
  const activeRef = useRef(false);

  useLayoutEffect(() => {
    if (focusRequest > 0) activeRef.current = true;
  }, [focusRequest]);

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
    // No new target: either the user clicked on nothing, or a re-render moved the focused
    // cell (the layout effect above has then refocused it by now).
    setTimeout(() => {
      if (!tableRef.current?.contains(document.activeElement)) leave();
    }, 0);
  };

  return (
    <div className="measures-grid-scroll">
      <table
        ref={tableRef}
        role="treegrid"
        className="measures-grid"
        aria-label={t('measures.grid.label')}
        aria-readonly={!props.editable}
        aria-rowcount={rows.length + 1}
        data-testid="measure-grid"
        onFocus={onFocus}
        onBlur={onBlur}
        onKeyDown={props.onKeyDown}
        onPaste={props.onPaste}
        onCopy={props.onCopy}
      >
        <thead>
          <tr role="row" aria-rowindex={1}>
            {GRID_FIELDS.map((field) => (
              <th key={field} role="columnheader" scope="col" className={`measures-grid__head measures-col--${field}`}>
                {t(HEADERS[field])}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <MeasureRow
              key={row.node.id}
              row={row}
              rowIndex={index + 2}
              gridProps={props}
              focusField={focus?.rowId === row.node.id ? focus.field : null}
              editing={editing?.rowId === row.node.id ? editing : null}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

type RowProps = {
  row: DerivedRow;
  rowIndex: number;
  gridProps: Props;
  focusField: GridField | null;
  editing: GridEditing | null;
};

function MeasureRow({ row, rowIndex, gridProps, focusField, editing }: RowProps) {
  const { t } = useI18n();
  const { derived, hasChildren, collapsed, editable, presence, comments } = gridProps;
  const id = row.node.id;
  const expandable = hasChildren.has(id);
  const expanded = expandable ? !collapsed.has(id) : undefined;

  const content = (field: GridField) => {
    switch (field) {
      case 'number':
        return (
          <span className="measures-number" style={{ paddingInlineStart: `${row.depth * 1.25}em` }}>
            {expandable ? (
              <button
                type="button"
                tabIndex={-1}
                className="measures-toggle"
                aria-label={t(expanded ? 'measures.row.collapse' : 'measures.row.expand', { title: row.title })}
                data-testid="measure-row-toggle"
                onClick={() => gridProps.onSetExpanded(id, !expanded)}
              >
                <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>
              </button>
            ) : (
              <span className="measures-toggle measures-toggle--leaf" aria-hidden="true" />
            )}
            <span>{row.number}</span>
            <span className="visually-hidden">{row.levelName}</span>
          </span>
        );
      case 'title': {
        const first = row.reprintOf !== null ? derived.rowById.get(row.reprintOf) : undefined;
        return (
          <>
            <span className="measures-title">{row.title || <span className="measures-empty">{t('measures.row.untitled')}</span>}</span>
            {row.reprintOf !== null && (
              <span
                className="measures-badge"
                data-testid="reprint-badge"
                title={first ? t('measures.reprint.of', { path: first.path || first.title }) : undefined}
              >
                {t('measures.reprint')}
              </span>
            )}
          </>
        );
      }
      case 'status':
        return row.node.status ? t(`measures.status.${row.node.status}`) : '';
      case 'description':
        return <span className="measures-multiline">{row.node.description}</span>;
      case 'contacts':
        return (row.project?.contacts ?? []).map((contact, index) => (
          <span key={index} className="measures-contact">
            {formatContact(contact)}
          </span>
        ));
      case 'kpis': {
        const kpis = row.kpiIds.flatMap((kpiId) => derived.kpiById.get(kpiId) ?? []);
        return (
          <span title={kpis.map((entry) => `${entry.mark} ${entry.kpi.name}`).join('\n')}>
            {kpis.map((entry) => entry.mark).join(' ')}
          </span>
        );
      }
    }
  };

  return (
    <tr
      role="row"
      aria-level={row.depth + 1}
      aria-expanded={expanded}
      aria-rowindex={rowIndex}
      data-testid="measure-row"
      data-row-id={id}
      data-kind={row.node.kind}
      className={`measures-row measures-row--${row.node.kind}${focusField ? ' is-current' : ''}`}
    >
      {GRID_FIELDS.map((field) => {
        const editKind = editKindOf(row, field);
        const users = presence.get(cellKey({ kind: 'node', id, field }));
        const isEditing = editing?.field === field && editKind !== null;
        const commentTarget = badgeTargetOf(id, field);
        return (
          <td
            key={field}
            role="gridcell"
            tabIndex={focusField === field ? 0 : -1}
            data-testid="measure-cell"
            data-field={field}
            title={field === 'number' ? row.levelName : undefined}
            aria-readonly={!editable || editKind === null}
            className={[
              'measures-cell',
              `measures-col--${field}`,
              focusField === field ? 'is-focused' : '',
              isEditing ? 'is-editing' : '',
              users ? 'has-presence' : '',
              commentClasses(comments, commentTarget),
            ].join(' ')}
            style={presenceStyle(users)}
            onDoubleClick={() => {
              if (editable && editKind !== null) gridProps.onStartEdit({ rowId: id, field });
            }}
          >
            {isEditing && editing ? (
              <CellEditor
                kind={editKind}
                initial={editing.seed ?? editing.base}
                label={t('measures.editor.label', {
                  column: t(HEADERS[field]),
                  row: row.number || row.title,
                })}
                onCommit={gridProps.onCommit}
                onCancel={gridProps.onCancelEdit}
              />
            ) : (
              <>
                {content(field)}
                {/* After the text, so the cell is read as its content first. */}
                {commentTarget && (
                  <CommentBadge
                    threads={comments.threadsFor(commentTarget)}
                    testId="cell-comments"
                    tabIndex={-1}
                    onShow={comments.show}
                  />
                )}
              </>
            )}
            <PresenceTags users={users} />
          </td>
        );
      })}
    </tr>
  );
}
