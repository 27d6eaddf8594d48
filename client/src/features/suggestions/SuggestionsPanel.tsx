import type { SuggestionSummary } from '@sakutei/shared/editor';
import type { Editor } from '@tiptap/core';
import { withdrawFieldSuggestion, MEASURE_EDIT } from '@sakutei/shared/measures';
import { useEffect, useId, useMemo, useState } from 'react';
import { SideDock } from '../../app/SideDock';
import { useI18n } from '../../i18n';
import { usePlan } from '../plan/PlanContext';
import { usePlanSlots } from '../plan/ports';
import { useProseEditor } from '../plan/proseEditor';
import { usePeopleNames, type NameOf } from '../plan/usePeopleNames';
import { usePresence } from '../plan/usePresence';
import { useFieldSuggestions } from '../plan/useFieldSuggestions';
import { useMeasureTable } from '../plan/useMeasureTable';
import { cellCardItems, isCellItem } from './fieldCards';
import { BulkDecide } from './BulkDecide';
import { DecisionHistory } from './DecisionHistory';
import { authorName, SuggestionCard } from './SuggestionCard';
import { changeParts, changeText, groupSuggestions, suggestionAt } from './suggestionCards';
import { focusMeta } from './suggestionFocus';
import { useDecide } from './useDecide';
import { useMinuteClock, useSuggestionList } from './useSuggestionList';
import { useSuggestionsPanel } from './useSuggestionsPanel';
import './suggestions.css';

/** Scrolls the suggestion's text into view and outlines it, leaving the focus where it is. */
function showInText(editor: Editor, item: SuggestionSummary, sheet: boolean) {
  if (editor.isDestroyed) return;
  const tr = editor.state.tr;
  focusMeta(tr, { from: item.from, to: item.to });
  editor.view.dispatch(tr);
  const { node } = editor.view.domAtPos(item.from);
  const element = node instanceof Element ? node : node.parentElement;
  if (!element) return;
  if (!sheet) {
    element.scrollIntoView({ block: 'center' });
    return;
  }
  // Above the sheet, which covers the lower part of a phone's screen.
  window.scrollBy({ top: element.getBoundingClientRect().top - 140, behavior: 'instant' });
}

interface Props {
  mayDecide: boolean;
}

/** The pending suggestions of the prose beside it, as cards; shown while the prose editor is. */
export function SuggestionsPanel({ mayDecide }: Props) {
  const editor = useProseEditor();
  if (!editor) return null;
  return <Panel editor={editor} mayDecide={mayDecide} />;
}

function Panel({ editor, mayDecide }: { editor: Editor; mayDecide: boolean }) {
  const { t } = useI18n();
  const { plan, user, session, jumps, selectView } = usePlan();
  const present = usePresence(session!.provider.awareness);
  const nameOf = usePeopleNames(plan, present, user);
  const now = useMinuteClock();
  const { list: proseList, cursor } = useSuggestionList(editor);
  // The measure table's proposals stand with the prose's: the same cards, decisions and bulk choices.
  const doc = session!.ydoc;
  const { derived } = useMeasureTable(doc);
  const fieldSuggestions = useFieldSuggestions(doc);
  const list = useMemo(
    () => [...proseList, ...cellCardItems(fieldSuggestions.all, derived, t)],
    [proseList, fieldSuggestions.all, derived, t],
  );
  const { decide, deciding, notice } = useDecide(plan.id);
  const { layout, open, setOpen } = useSuggestionsPanel(list.length);
  const headingId = useId();
  const [chosenId, setChosenId] = useState<string | null>(null);
  const startComment = usePlanSlots().useProseCommentStarter();

  // The text's focus picks the card: the cursor inside a suggestion makes its card the active one.
  const underCursor = cursor === null ? null : suggestionAt(list, cursor);
  const activeId = underCursor?.id ?? (list.some((item) => item.id === chosenId) ? chosenId : null);
  useEffect(() => {
    if (!underCursor) return;
    document.getElementById(`suggestion-${underCursor.id}`)?.scrollIntoView({ block: 'nearest' });
  }, [underCursor?.id]); // eslint-disable-line react-hooks/exhaustive-deps

  const groups = useMemo(() => groupSuggestions(list), [list]);
  const byId = useMemo(() => new Map(list.map((item) => [item.id, item])), [list]);

  const show = (item: SuggestionSummary) => {
    setChosenId(item.id);
    if (!isCellItem(item)) return showInText(editor, item, layout === 'sheet');
    // A cell's proposal is shown in its table: the row's cell, or the KPI's field (the bus keeps the jump for the tab about to mount).
    selectView('measures');
    const { cell } = item;
    if (cell.kind === 'node') jumps.toMeasure({ target: { kind: 'node', id: cell.id, field: cell.field }, landOn: 'title' });
    else {
      const field = cell.field === 'baselineValue' ? 'baseline' : cell.field === 'targetValue' ? 'target' : cell.field;
      jumps.toMeasure({ target: { kind: 'kpi', id: cell.id, field, fiscalYear: null }, landOn: 'number' });
    }
  };
  const withdraw = (item: SuggestionSummary) => withdrawFieldSuggestion(doc, item.id, MEASURE_EDIT);
  // A thread on the suggestion's passage, quoting it as 「80 → 70」; the comments panel takes it from there.
  const comment = startComment
    ? (item: SuggestionSummary) => {
        show(item);
        // On a phone the comments' sheet opens with the composer: this one makes way for it.
        if (layout === 'sheet') setOpen(false);
        // A proposed format or block change alone has no wording: it is quoted by its words.
        const wording = [item.deleted, item.inserted.replace(/^\n+|\n+$/g, '')].filter(Boolean).join(' → ');
        startComment(editor, { from: item.from, to: item.to }, wording || changeText(changeParts(item, t), t));
      }
    : undefined;

  return (
    <SideDock
      name="suggestions"
      panelName="suggestions-panel"
      layout={layout}
      open={open}
      setOpen={setOpen}
      corner="left"
      column="capped"
      toggle={<span>{t('suggestions.panel.toggle')}</span>}
      count={list.length}
      countText={t('suggestions.panel.pending', { count: list.length })}
      countTestId="suggestions-count"
      title={t('suggestions.title')}
      headingId={headingId}
      status={t('suggestions.count', { count: list.length })}
      closeLabel={t('suggestions.panel.hide')}
    >
      <p className={notice?.kind === 'error' ? 'suggestions-panel__error' : 'suggestions-panel__notice'} role="status" data-testid="suggestions-notice">
        {notice?.text ?? ''}
      </p>
      {mayDecide && list.length > 1 && <BulkDecide list={list} nameOf={nameOf} busy={deciding !== null} onDecide={decide} />}
      {list.length === 0 && (
        <p className="suggestions-panel__empty" data-testid="suggestions-empty">
          {t('suggestions.empty')}
        </p>
      )}
      <ol className="suggestions-panel__list" aria-label={t('suggestions.region')}>
        {groups.map((group) => (
          <li key={group.key} className={group.conflict ? 'suggestion-group suggestion-group--conflict' : 'suggestion-group'} data-testid={group.conflict ? 'suggestion-conflict' : undefined}>
            {group.conflict && (
              <p className="suggestion-group__label">
                <span className="suggestions-badge suggestions-badge--conflict">{t('suggestions.conflict.label')}</span>{' '}
                <span className="visually-hidden">{t('suggestions.conflict.groupLabel', { count: group.items.length })}</span>
              </p>
            )}
            <div className="suggestion-group__cards">
              {group.items.map((item) => (
                <SuggestionCard
                  key={item.id}
                  item={item}
                  nameOf={nameOf}
                  now={now}
                  active={item.id === activeId}
                  competitors={competitorNames(item, byId, nameOf, t)}
                  mayDecide={mayDecide}
                  deciding={deciding?.has(item.id) ?? false}
                  onShow={show}
                  onDecide={(target, decision) => decide(decision, [target.id])}
                  onComment={isCellItem(item) ? undefined : comment}
                  inTable={isCellItem(item)}
                  onWithdraw={isCellItem(item) && item.author === user.id ? withdraw : undefined}
                />
              ))}
            </div>
          </li>
        ))}
      </ol>
      <DecisionHistory planId={plan.id} pending={list.map((item) => item.id).join(' ')} />
    </SideDock>
  );
}

function competitorNames(item: SuggestionSummary, byId: ReadonlyMap<string, SuggestionSummary>, nameOf: NameOf, t: ReturnType<typeof useI18n>['t']): string[] {
  return item.conflictsWith.flatMap((id) => {
    const other = byId.get(id);
    return other ? [authorName(nameOf, other.author, t)] : [];
  });
}
