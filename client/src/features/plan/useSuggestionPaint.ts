import type { AnyExtension, Editor } from '@tiptap/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { useI18n } from '../../i18n';
import { usePlan } from './PlanContext';
import { presentUsers, type PresenceUser } from './presence';
import { SuggestionPaint, repaintSuggestions, type DescribeSuggestion } from './suggestionPaint';
import { usePeopleNames } from './usePeopleNames';

/** Who is connected, or nobody when the page has no live draft (an observer reading revisions). */
function usePresentIfLive(awareness: Awareness | null): PresenceUser[] {
  const [users, setUsers] = useState<PresenceUser[]>([]);
  useEffect(() => {
    if (!awareness) return;
    // Awareness changes on every remote caret move; the list (and the editor's host, which
    // renders from it) stays as it was unless who is here changed.
    const refresh = () => setUsers((previous) => samePeople(previous, presentUsers(awareness)));
    refresh();
    awareness.on('change', refresh);
    return () => awareness.off('change', refresh);
  }, [awareness]);
  return users;
}

/** `next`, or `previous` when it names the same people the same way. */
export function samePeople(previous: PresenceUser[], next: PresenceUser[]): PresenceUser[] {
  const same =
    previous.length === next.length &&
    previous.every((person, i) => person.id === next[i]!.id && person.name === next[i]!.name && person.color === next[i]!.color);
  return same ? previous : next;
}

/**
 * The suggestion painter for an editor of this plan's prose (live or frozen): it names each
 * suggestion's author 「山田さんの提案（追加）」 from the council's members and whoever is
 * connected. `describe` changes when the names or the language do; give it to
 * useRepaintSuggestions with the editor so the painted names follow.
 */
export function useSuggestionPaint(): { extension: AnyExtension; describe: DescribeSuggestion } {
  const { t } = useI18n();
  const { plan, user, session } = usePlan();
  const present = usePresentIfLive(session?.provider.awareness ?? null);
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
