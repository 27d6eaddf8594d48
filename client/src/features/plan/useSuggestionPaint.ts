import type { AnyExtension, Editor } from '@tiptap/core';
import { useEffect, useMemo, useRef } from 'react';
import { useI18n } from '../../i18n';
import { usePlan } from './PlanContext';
import { SuggestionPaint, repaintSuggestions, type DescribeSuggestion, type LabelChange } from './suggestionPaint';
import { formatWords, structureWords } from './suggestionWords';
import { usePeopleNames } from './usePeopleNames';
import { usePresence } from './usePresence';

/**
 * The suggestion painter for an editor of this plan's prose (live or frozen): it names each
 * suggestion's author 「山田さんの提案（追加）」「山田さんの提案（太字にする）」 from the
 * council's members and whoever is connected, and labels block changes in the language
 * chosen. `describe` changes when the names or the language do; give it to
 * useRepaintSuggestions with the editor so the painted names and words follow.
 */
export function useSuggestionPaint(): { extension: AnyExtension; describe: DescribeSuggestion } {
  const { t } = useI18n();
  const { plan, user, session } = usePlan();
  const present = usePresence(session?.provider.awareness ?? null);
  const nameOf = usePeopleNames(plan, present, user);
  const describe = useMemo<DescribeSuggestion>(
    () => (author, kind, change = '') => {
      const name = nameOf(author) ?? t('editor.suggest.someone');
      if (kind === 'insert') return t('editor.suggest.insertBy', { name });
      if (kind === 'delete') return t('editor.suggest.deleteBy', { name });
      return t('editor.suggest.changeBy', { name, change });
    },
    [t, nameOf],
  );
  const label = useMemo<LabelChange>(
    () => (change) => (change.kind === 'format' ? formatWords(t, change.mark, change.action) : structureWords(t, change)),
    [t],
  );
  const holder = useRef({ describe, label });
  holder.current = { describe, label };
  // One extension for the editor's life; it reads the names and words through the holder.
  const extension = useMemo(
    () =>
      SuggestionPaint.configure({
        describe: (author, kind, change) => holder.current.describe(author, kind, change),
        label: (change) => holder.current.label(change),
      }),
    [],
  );
  return { extension, describe };
}

/** Repaints the editor's suggestions when `describe` changes (names arrived, language switched). */
export function useRepaintSuggestions(editor: Editor, describe: DescribeSuggestion): void {
  useEffect(() => {
    if (!editor.isDestroyed && editor.isInitialized) repaintSuggestions(editor.view);
  }, [editor, describe]);
}
