import type { DerivedRow } from '@sakutei/shared/measures';
import { formatContact } from '@sakutei/shared/measures';
import { memo } from 'react';
import { useI18n } from '../../i18n';
import { CellEditor } from './CellEditor';
import { CellSuggestionMark, suggestedText } from './CellSuggestionMark';
import { CommentBadge } from './CommentBadge';
import { badgeTargetOf } from './commentTargets';
import { editKindOf, type GridEditing, type GridField } from './gridModel';
import { GRID_HEADERS, type MeasureGridProps } from './gridHeaders';
import { PresenceTags, presenceStyle } from './PresenceTags';
import { ProgressCell } from './ProgressCell';
import { commentClasses } from './useCellComments';
import { cellKey } from './useCellPresence';

type RowProps = {
  row: DerivedRow;
  rowIndex: number;
  gridProps: MeasureGridProps;
  /** The virtualiser measures each rendered row, for rows of unequal height. */
  measureRef?: (element: HTMLTableRowElement | null) => void;
  focusField: GridField | null;
  editing: GridEditing | null;
};

/**
 * One row of the tree-grid: its cells, the editor when one is open, presence and comment
 * badges. Memoised: while a long table scrolls only the rows coming into view render, not
 * every row already on screen (the grid's props do not change as it scrolls).
 */
export const MeasureRow = memo(function MeasureRow({ row, rowIndex, gridProps, focusField, editing, measureRef }: RowProps) {
  const { t } = useI18n();
  const { derived, hasChildren, collapsed, editable, presence, comments } = gridProps;
  const id = row.node.id;
  const expandable = hasChildren.has(id);
  const expanded = expandable ? !collapsed.has(id) : undefined;

  const suggestions = gridProps.suggestions;
  /** A text cell with a pending proposal reads 「~~旧~~ → __新__」; null when none is pending. */
  const proposed = (field: 'title' | 'description', current: string) => {
    const pending = suggestions?.forCell({ kind: 'node', id, field }) ?? [];
    if (!suggestions || pending.length === 0) return null;
    return <CellSuggestionMark suggestions={pending} current={current} nameOf={suggestions.nameOf} show={(value) => suggestedText(value, t)} />;
  };

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
            <span className="measures-title">
              {proposed('title', row.title) ?? (row.title || <span className="measures-empty">{t('measures.row.untitled')}</span>)}
            </span>
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
        return <span className="measures-multiline">{proposed('description', row.node.description) ?? row.node.description}</span>;
      case 'contacts':
        return (row.project?.contacts ?? []).map((contact, index) => (
          <span key={index} className="measures-contact">
            {formatContact(contact)}
          </span>
        ));
      case 'progress':
        return <ProgressCell row={row} view={gridProps.progress} />;
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
      ref={measureRef}
      data-index={rowIndex - 2}
      role="row"
      aria-level={row.depth + 1}
      aria-expanded={expanded}
      aria-rowindex={rowIndex}
      data-testid="measure-row"
      data-row-id={id}
      data-kind={row.node.kind}
      className={`measures-row measures-row--${row.node.kind}${focusField ? ' is-current' : ''}`}
    >
      {gridProps.fields.map((field) => {
        const editKind = editKindOf(row, field);
        // Staff record 実施状況 (through the API) though they cannot edit the rest of the row.
        const writable = editKind === 'progress' ? gridProps.progress.writable : editable;
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
            aria-readonly={!writable || editKind === null}
            className={[
              'measures-cell',
              `measures-col--${field}`,
              focusField === field ? 'is-focused' : '',
              isEditing ? 'is-editing' : '',
              users ? 'has-presence' : '',
              commentClasses(comments, commentTarget),
            ].join(' ')}
            style={presenceStyle(users)}
            onClick={field === 'kpis' && row.kpiIds.length > 0 ? () => gridProps.onOpenKpis(id) : undefined}
            onDoubleClick={() => {
              if (writable && editKind !== null) gridProps.onStartEdit({ rowId: id, field });
            }}
          >
            {isEditing && editing ? (
              <CellEditor
                kind={editKind}
                initial={editing.seed ?? editing.base}
                label={t('measures.editor.label', {
                  column: t(GRID_HEADERS[field]),
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
});
