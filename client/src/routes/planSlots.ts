import { ProseComments, useCommentExtensions } from '../features/comments/ProseComments';
import type { PlanSlots } from '../features/plan/ports';
import { ImportDialog } from '../features/transfer/ImportDialog';
import { TransferMenu } from '../features/transfer/TransferMenu';

/** What the features of a plan page lend one another, plugged in here so they never import each other. */
export const planSlots: PlanSlots = {
  TransferMenu,
  ImportDialog,
  useProseCommentExtensions: useCommentExtensions,
  ProseComments,
};
