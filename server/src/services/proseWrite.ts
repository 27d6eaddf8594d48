import { BODY_FRAGMENT } from '@sakutei/shared';
import type { Node as PMNode } from '@tiptap/pm/model';
import { updateYFragment } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';

/**
 * Makes the document's prose read as `prose`, as one change with `origin`: y-prosemirror's own
 * diff, as the editor writes it, so unchanged paragraphs keep their identity (and the
 * comments anchored in them), and overlapping marks (suggested deletions) get their keys.
 */
export function writeProse(doc: Y.Doc, prose: PMNode, origin: unknown): void {
  doc.transact(() => {
    updateYFragment(doc, doc.getXmlFragment(BODY_FRAGMENT), prose, { mapping: new Map(), isOMark: new Map() });
  }, origin);
}
