import type { AnyExtension, Editor } from '@tiptap/core';
import { useEffect, useMemo, useRef } from 'react';
import { useI18n } from '../../i18n';
import { usePlan } from './PlanContext';
import { SuggestionPaint, repaintSuggestions, type DescribeSuggestion } from './suggestionPaint';
import { usePeopleNames } from './usePeopleNames';
import { usePresence } from './usePresence';

/**
 * The suggestion painter for an editor of this plan's prose (live or frozen): it names each
 * suggestion's author 「山田さんの提案（追加）」 from the council's members and whoever is
 * connected. `describe` changes when the names or the language do; give it to
 * useRepaintSuggestions with the editor so the painted names follow.
 */
export function useSuggestionPaint(): { extension: AnyExtension; describe: DescribeSuggestion } {
  const { t } = useI18n();
  const { plan, user, session } = usePlan();
  const present = usePresence(session?.provider.awareness ?? null);
  const nameOf = usePeopleNames(plan, present, user);
  const describe = useMemo<DescribeSuggestion>(
    () => (author, kind) =>
      t(kind === 'insert' ? 'editor.suggest.insertBy' : 'editor.suggest.deleteBy', { name: nameOf(author) ?? t('editor.suggest.someone') }),
    [t, nameOf],
  );
  const holder = useRef(describe);
  holder.current = describe;
  // One extension for the editor's life; it reads the names through the holder.
  const extension = useMemo(() => SuggestionPaint.configure({ describe: (author, kind) => holder.current(author, kind) }), []);
  return { extension, describe };
}

/** Repaints the editor's suggestions when `describe` changes (names arrived, language switched). */
export function useRepaintSuggestions(editor: Editor, describe: DescribeSuggestion): void {
  useEffect(() => {
    if (!editor.isDestroyed && editor.isInitialized) repaintSuggestions(editor.view);
  }, [editor, describe]);
}
