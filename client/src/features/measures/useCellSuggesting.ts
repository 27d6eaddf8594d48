import {
  currentFieldValue,
  newMeasureId,
  suggestFieldValue,
  withdrawFieldSuggestion,
  MEASURE_EDIT,
  type DerivedTable,
  type FieldSuggestion,
  type FieldTarget,
  type FieldValue,
} from '@sakutei/shared/measures';
import { suggestionIdOf } from '@sakutei/shared/editor';
import { useCallback, useState } from 'react';
import type * as Y from 'yjs';
import { useI18n } from '../../i18n';
import { useFieldSuggestions } from '../plan/useFieldSuggestions';
import type { NameOf } from '../plan/usePeopleNames';
import type { GridField, GridFocus } from './gridModel';
import type { ProposeResult } from './SuggestCellDialog';

/** The grid's text cells a suggestion may propose a value for (SUGGESTIBLE_NODE_FIELDS). */
export type SuggestibleGridField = 'title' | 'description';

export function isSuggestibleField(field: GridField): field is SuggestibleGridField {
  return field === 'title' || field === 'description';
}

/** What the grid's rows read to draw a cell's pending proposals. */
export type CellSuggestionView = {
  forCell: (target: FieldTarget) => readonly FieldSuggestion[];
  nameOf: NameOf;
};

export type CellSuggestingOpen = { rowId: string; field: SuggestibleGridField; seed: string | null };

type Options = {
  doc: Y.Doc;
  derived: DerivedTable;
  selfId: string;
  nameOf: NameOf;
  /** Whether this reader may propose (draft.suggest, not refused, not archived). */
  mayPropose: boolean;
  /** Runs a document change as one undo step (the proposal is the proposer's to undo). */
  run: <T>(change: () => T) => T;
  announce: (text: string) => void;
};

/**
 * Proposing values for the grid's text cells: which dialog is open, writing the proposal as an
 * entry of its own (suggestFieldValue, MEASURE_EDIT so the proposer's undo takes it back) and
 * withdrawing one's own. The server takes such entries from suggest-only connections too.
 */
export function useCellSuggesting({ doc, derived, selfId, nameOf, mayPropose, run, announce }: Options) {
  const { t } = useI18n();
  const suggestions = useFieldSuggestions(doc);
  const [open, setOpen] = useState<CellSuggestingOpen | null>(null);

  const start = useCallback(
    (focus: GridFocus | null, seed: string | null) => {
      if (!focus) return;
      if (!mayPropose) return announce(t('cellSuggest.cannot'));
      if (!isSuggestibleField(focus.field)) return announce(t('cellSuggest.notSuggestible'));
      setOpen({ rowId: focus.rowId, field: focus.field, seed });
    },
    [mayPropose, announce, t],
  );

  /** Proposes a value for any suggestible cell (a row's text, a KPI's words or figures). */
  const proposeField = (target: FieldTarget, value: FieldValue, show: (value: FieldValue) => string): ProposeResult => {
    const was = currentFieldValue(doc, target);
    if (was === null) return 'gone';
    if (JSON.stringify(was) === JSON.stringify(value)) return 'same';
    const written = run(() => suggestFieldValue(doc, { id: suggestionIdOf(selfId, newMeasureId()), author: selfId, at: Date.now() }, target, value, MEASURE_EDIT));
    if (!written) return 'gone';
    announce(t('cellSuggest.proposedAnnounce', { was: show(was), value: show(value) }));
    return 'ok';
  };

  const showText = (value: FieldValue) => (typeof value === 'string' && value !== '' ? value : t('cellSuggest.empty'));
  const propose = (target: CellSuggestingOpen, value: FieldValue): ProposeResult =>
    derived.rowById.has(target.rowId) ? proposeField({ kind: 'node', id: target.rowId, field: target.field }, value, showText) : 'gone';

  const withdraw = (suggestionId: string) => {
    run(() => withdrawFieldSuggestion(doc, suggestionId, MEASURE_EDIT));
    announce(t('cellSuggest.withdrawnAnnounce'));
  };

  const view: CellSuggestionView = { forCell: suggestions.forCell, nameOf };
  return { open, start, close: () => setOpen(null), propose, proposeField, withdraw, view, all: suggestions.all, mayPropose, selfId };
}
