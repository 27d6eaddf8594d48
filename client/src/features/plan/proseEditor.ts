import type { Editor } from '@tiptap/core';
import { createContext, use, useEffect, useSyncExternalStore } from 'react';

/**
 * The prose editor mounted on the plan page (the 本文 tab's), for features that show things
 * about its text beside it (the suggestion cards). The editor feature lends it through the
 * page's slots; a feature reads it here, so neither imports the other.
 */
export class ProseEditorHolder {
  private editor: Editor | null = null;
  private readonly listeners = new Set<() => void>();

  get = (): Editor | null => this.editor;

  set(editor: Editor | null): void {
    if (this.editor === editor) return;
    this.editor = editor;
    for (const listener of this.listeners) listener();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

export const ProseEditorContext = createContext<ProseEditorHolder | null>(null);

/** The mounted prose editor, or null (another tab is showing, or outside a plan page). */
export function useProseEditor(): Editor | null {
  const holder = use(ProseEditorContext);
  return useSyncExternalStore(
    holder?.subscribe ?? noSubscription,
    holder?.get ?? noEditor,
    noEditor,
  );
}

/** Lends `editor` to the page while the calling component is mounted. */
export function useLendProseEditor(editor: Editor): void {
  const holder = use(ProseEditorContext);
  useEffect(() => {
    if (!holder) return;
    holder.set(editor);
    return () => {
      if (holder.get() === editor) holder.set(null);
    };
  }, [holder, editor]);
}

const noSubscription = () => () => {};
const noEditor = () => null;
