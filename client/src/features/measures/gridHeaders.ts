import type { DerivedRow, DerivedTable } from '@sakutei/shared/measures';
import type { ClipboardEvent, KeyboardEvent } from 'react';
import type { MessageKey } from '../../i18n';
import type { CommitMove, GridEditing, GridField, GridFocus } from './gridModel';
import type { CellComments } from './useCellComments';
import type { CellPresenceMap } from './useCellPresence';
import type { CellSuggestionView } from './useCellSuggesting';
import type { ProgressView } from './useProgressView';

/** The column headings, also the editor's label ("名称, (1)"). */
export const GRID_HEADERS: Record<GridField, MessageKey> = {
  number: 'measures.column.number',
  title: 'measures.column.title',
  status: 'measures.column.status',
  description: 'measures.column.description',
  contacts: 'measures.column.contacts',
  kpis: 'measures.column.kpis',
  progress: 'progress.column',
};

export type MeasureGridProps = {
  rows: readonly DerivedRow[];
  derived: DerivedTable;
  hasChildren: ReadonlySet<string>;
  collapsed: ReadonlySet<string>;
  focus: GridFocus | null;
  editing: GridEditing | null;
  editable: boolean;
  /** The chosen year's 実施状況 and roll-ups, for the last column. */
  progress: ProgressView;
  /** The columns shown, left to right (see gridFieldsFor). */
  fields: readonly GridField[];
  presence: CellPresenceMap;
  comments: CellComments;
  /** Pending proposals (提案) for the text cells, drawn 「旧 → 新」. */
  suggestions?: CellSuggestionView;
  /** Bumped to pull the keyboard focus back into the grid (after a dialog or a toolbar action). */
  focusRequest: number;
  onFocusCell: (focus: GridFocus) => void;
  onActiveChange: (active: boolean) => void;
  onSetExpanded: (rowId: string, expanded: boolean) => void;
  onStartEdit: (focus: GridFocus) => void;
  /** A click on a row's KPI marks: show that row's KPIs. */
  onOpenKpis: (rowId: string) => void;
  onCommit: (draft: string, move: CommitMove, refocus: boolean) => void;
  onCancelEdit: () => void;
  onKeyDown: (event: KeyboardEvent) => void;
  onPaste: (event: ClipboardEvent) => void;
  onCopy: (event: ClipboardEvent) => void;
};
