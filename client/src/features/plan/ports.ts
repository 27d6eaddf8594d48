import type { MeasureTarget, Thread } from '@sakutei/shared';
import type { AnyExtension, Editor } from '@tiptap/core';
import { createContext, use, type ComponentType } from 'react';
import type * as Y from 'yjs';
import type { MeasureView } from './useMeasureTable';

/*
 * What one feature of the plan page offers another, declared here so that neither imports
 * the other: the page (routes/) plugs each feature's implementation in. A feature that is
 * not plugged in leaves a harmless default (no comments, no import menu).
 */

/** Review comments on the measure table's cells and KPI fields. */
export interface MeasureCommentsPort {
  canComment: boolean;
  /** Open and resolved, on exactly this target, in number order. */
  threadsFor(target: MeasureTarget): readonly Thread[];
  /** Whether the sidebar is about this target (its active thread, or a thread being written). */
  isActive(target: MeasureTarget): boolean;
  /** Shows one of these threads: the first open one, or the next after the one showing. */
  show(threads: readonly Thread[]): void;
  /** Opens the composer on a target; `quote` says where, e.g. `成果指標⑩ 実績値 R5`. */
  start(target: MeasureTarget, quote: string): void;
}

const NO_THREADS: readonly Thread[] = [];
const NO_MEASURE_COMMENTS: MeasureCommentsPort = {
  canComment: false,
  threadsFor: () => NO_THREADS,
  isActive: () => false,
  show: () => {},
  start: () => {},
};

export const MeasureCommentsContext = createContext<MeasureCommentsPort>(NO_MEASURE_COMMENTS);

export function useMeasureCommentsPort(): MeasureCommentsPort {
  return use(MeasureCommentsContext);
}

/**
 * A frozen revision being read: the comments then show that revision's threads, new threads
 * go to it, and anchors resolve against its own document rather than the live draft.
 */
export interface RevisionScope {
  revisionId: string;
  /** The revision's frozen Y.Doc. */
  doc: Y.Doc;
  /** Whether this person may comment on it (an invited observer only while its review is open). */
  canComment: boolean;
  /** Says which revision the comments are about, e.g. 第2版. */
  label: string;
}

/** Review comments on frozen revisions, for the revision reader. */
export interface RevisionCommentsPort {
  /** The reader sets its revision while it is showing, and clears it when it goes. */
  setScope(scope: RevisionScope | null): void;
  /** Whether the comments of what is being read are worth a sidebar: threads there, or a way to add one. */
  worthShowing: boolean;
}

export const RevisionCommentsContext = createContext<RevisionCommentsPort>({ setScope: () => {}, worthShowing: false });

export function useRevisionCommentsPort(): RevisionCommentsPort {
  return use(RevisionCommentsContext);
}

export interface TransferMenuProps {
  planId: string;
  doc: Y.Doc;
  view: MeasureView;
  editable: boolean;
}

export interface ImportDialogProps extends Omit<TransferMenuProps, 'editable'> {
  /** A file chosen before the dialog opened; null to start with a paste. */
  initialFile: File | null;
  /** Text pasted into the grid, which opened the dialog. */
  initialText?: string;
  /** Where imported rows go unless the user picks another parent (the pasting row's parent). */
  initialParent?: string | null;
  onClose: () => void;
  /** After the import is written; the sentence is for announcing the result. */
  onApplied: (summary: string) => void;
}

/** Components and editor extensions that one feature lends the others on a plan page. */
export interface PlanSlots {
  /** Import and export of the measure table and the lists derived from it. */
  TransferMenu: ComponentType<TransferMenuProps>;
  ImportDialog: ComponentType<ImportDialogProps>;
  /** Comment highlights and the "comment on this" control for a prose editor. */
  useProseCommentExtensions(): AnyExtension[];
  ProseComments: ComponentType<{ editor: Editor }>;
  /**
   * Starts a review thread on a passage of the prose editor (a suggestion's text), as selecting
   * it and pressing コメント would; null where this reader cannot comment. The function returns
   * false when the passage cannot be anchored (the document is not synced yet).
   */
  useProseCommentStarter(): ProseCommentStarter | null;
}

/** Opens the comment composer on `from`–`to` of the editor's text, quoting `quote`. */
export type ProseCommentStarter = (editor: Editor, range: { from: number; to: number }, quote: string) => boolean;

const NO_EXTENSIONS: AnyExtension[] = [];
const Nothing = () => null;
const NO_SLOTS: PlanSlots = {
  TransferMenu: Nothing,
  ImportDialog: Nothing,
  useProseCommentExtensions: () => NO_EXTENSIONS,
  ProseComments: Nothing,
  useProseCommentStarter: () => null,
};

export const PlanSlotsContext = createContext<PlanSlots>(NO_SLOTS);

export function usePlanSlots(): PlanSlots {
  return use(PlanSlotsContext);
}
