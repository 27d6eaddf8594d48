import type { Anchor, Disposition, Person, PlanSummary, Role, Thread } from '@sakutei/shared';
import type { Editor } from '@tiptap/core';
import { createContext, use } from 'react';
import type { RevisionScope } from '../plan/ports';
import type { CollabSession } from '../plan/useCollabDoc';
import type { HighlightSource } from './commentHighlights';

/** Someone who can be mentioned or filtered by; `role` when the members list said so. */
export interface Participant extends Person {
  role: Role | null;
}

export type LoadState = 'loading' | 'loaded' | 'failed';

/** Ask the sidebar to bring a thread into view, and optionally move focus to it. */
export interface FocusRequest {
  threadId: string;
  focus: boolean;
  seq: number;
}

/** A thread being started: the composer shows until it is sent or cancelled. */
export interface DraftThread {
  anchor: Anchor;
  seq: number;
}

export interface CommentActions {
  create(anchor: Anchor, body: string): Promise<Thread>;
  reply(threadId: string, body: string): Promise<Thread>;
  edit(commentId: string, body: string): Promise<Thread>;
  remove(commentId: string): Promise<Thread>;
  resolve(threadId: string): Promise<Thread>;
  reopen(threadId: string): Promise<Thread>;
  respond(threadId: string, disposition: Disposition | null, response: string): Promise<Thread>;
}

export interface CommentsState {
  plan: Pick<PlanSummary, 'id' | 'title' | 'role' | 'workspaceId'>;
  userId: string;
  /** The live draft; null for a role that only reads revisions (observers). */
  session: CollabSession | null;
  /** The revision being read, or null for the live draft. */
  revisionScope: RevisionScope | null;
  /** The revision reader sets this while it is showing, and clears it when it goes. */
  setRevisionScope(scope: RevisionScope | null): void;
  /** The threads of the current scope (the draft, or the revision being read), in number order; empty while loading. */
  threads: readonly Thread[];
  loadState: LoadState;
  reload(): void;
  /** Members (when this role may list them) and everyone who wrote in a thread. */
  people: readonly Participant[];
  /** In the current scope. */
  canComment: boolean;
  canRespond: boolean;
  actions: CommentActions;
  activeThreadId: string | null;
  /** Marks a thread as the one being looked at (its text is highlighted more strongly). */
  setActiveThread(threadId: string | null): void;
  /** Shows a thread in the sidebar, switching the filter if it hides it. */
  openThread(threadId: string, options?: { focus?: boolean }): void;
  focusRequest: FocusRequest | null;
  draft: DraftThread | null;
  startThread(anchor: Anchor): void;
  cancelDraft(): void;
  /** Shows the thread's anchor: selects the text, or focuses the measure-table cell. */
  jumpTo(thread: Thread): void;
  /** The mounted prose editor: the 本文 tab's, or the revision reader's. */
  proseEditor: Editor | null;
  /** The latest change to announce to screen readers. */
  announcement: { text: string; seq: number } | null;
}

/** The few stable things the prose editor needs, kept apart so typing re-renders nothing else. */
export interface CommentsEditorBridge {
  highlightSource: HighlightSource;
  registerProseEditor(editor: Editor | null): void;
  startThread(anchor: Anchor): void;
  canComment: boolean;
}

export const CommentsContext = createContext<CommentsState | null>(null);
export const CommentsEditorBridgeContext = createContext<CommentsEditorBridge | null>(null);

export function useComments(): CommentsState {
  const context = use(CommentsContext);
  if (!context) throw new Error('useComments must be used inside <CommentsProvider>');
  return context;
}

/** Null outside a plan page, so the editor also works without comments. */
export function useCommentsEditorBridge(): CommentsEditorBridge | null {
  return use(CommentsEditorBridgeContext);
}
