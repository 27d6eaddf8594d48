import { newMeasureId, suggestFieldValue, withdrawFieldSuggestion, MEASURE_EDIT, type DerivedTable, type FieldSuggestion, type FieldTarget } from '@sakutei/shared/measures';
import { useCallback, useState } from 'react';
import type * as Y from 'yjs';
import { useI18n } from '../../i18n';
import { useFieldSuggestions } from '../plan/useFieldSuggestions';
import type { NameOf } from '../plan/usePeopleNames';
import { cellValue, type GridField, type GridFocus } from './gridModel';

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

  const propose = (target: CellSuggestingOpen, value: string): boolean => {
    const row = derived.rowById.get(target.rowId);
    if (!row) return false;
    const was = cellValue(row, target.field);
    const written = run(() =>
      suggestFieldValue(doc, { id: newMeasureId(), author: selfId, at: Date.now() }, { kind: 'node', id: target.rowId, field: target.field }, value, MEASURE_EDIT),
    );
    if (written) announce(t('cellSuggest.proposedAnnounce', { was: was || t('cellSuggest.empty'), value: value || t('cellSuggest.empty') }));
    return written;
  };

  const withdraw = (suggestionId: string) => {
    run(() => withdrawFieldSuggestion(doc, suggestionId, MEASURE_EDIT));
    announce(t('cellSuggest.withdrawnAnnounce'));
  };

  const view: CellSuggestionView = { forCell: suggestions.forCell, nameOf };
  return { open, start, close: () => setOpen(null), propose, withdraw, view, all: suggestions.all };
}
