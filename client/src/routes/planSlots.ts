import type { AnyExtension, Editor } from '@tiptap/core';
import { createElement, Fragment, useMemo } from 'react';
import { ProseComments, useCommentExtensions, useProseCommentStarter } from '../features/comments/ProseComments';
import type { PlanSlots } from '../features/plan/ports';
import { ProseSuggestions, useSuggestionExtensions } from '../features/suggestions/ProseSuggestions';
import { ImportDialog } from '../features/transfer/ImportDialog';
import { TransferMenu } from '../features/transfer/TransferMenu';

/*
 * The prose editor's companions: the comments (highlights, the selection's コメント button)
 * and the suggestion cards (which read the editor's text, and outline the card's passage).
 * Both ride the editor's one slot, so the editor feature need not know there are two.
 */
function useProseCompanionExtensions(): AnyExtension[] {
  const comments = useCommentExtensions();
  const suggestions = useSuggestionExtensions();
  return useMemo(() => [...comments, ...suggestions], [comments, suggestions]);
}

function ProseCompanions({ editor }: { editor: Editor }) {
  return createElement(Fragment, null, createElement(ProseComments, { editor }), createElement(ProseSuggestions, { editor }));
}

/** What the features of a plan page lend one another, plugged in here so they never import each other. */
export const planSlots: PlanSlots = {
  TransferMenu,
  ImportDialog,
  useProseCommentExtensions: useProseCompanionExtensions,
  ProseComments: ProseCompanions,
  useProseCommentStarter,
};
