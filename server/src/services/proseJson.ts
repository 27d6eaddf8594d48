import { SHAPE_LIMITS, type ProseMark, type ProseNode, boundProseDepth, markName } from '@sakutei/shared';
import * as Y from 'yjs';

/**
 * The prose of a plan's Y.Doc as ProseMirror JSON: what y-tiptap's
 * `yXmlFragmentToProsemirrorJSON` gives, node for node, but without recursion, and with
 * anything nested deeper than the shape allows (a document stored before the shape check)
 * flattened into paragraphs of its text (boundedProse.ts). `flattened` says how many
 * elements were, so the caller can tell.
 */
export function proseJsonOf(fragment: Y.XmlFragment, maxDepth: number = SHAPE_LIMITS.maxProseDepth): { prose: ProseNode; flattened: number } {
  const root: ProseNode = { type: 'doc', content: [] };
  const stack: Array<{ type: Y.XmlFragment; into: ProseNode[]; top: boolean }> = [{ type: fragment, into: root.content!, top: true }];
  while (stack.length > 0) {
    const { type, into, top } = stack.pop()!;
    for (const child of type.toArray()) {
      if (child instanceof Y.XmlText) {
        const texts = textNodes(child);
        // y-tiptap would put an array here; a paragraph is what the text can mean.
        if (top) into.push({ type: 'paragraph', content: texts });
        else into.push(...texts);
      } else if (child instanceof Y.XmlElement) {
        const node: ProseNode = { type: child.nodeName };
        const attrs = child.getAttributes();
        if (Object.keys(attrs).length) node.attrs = attrs;
        into.push(node);
        if (child.length > 0) {
          node.content = [];
          stack.push({ type: child, into: node.content, top: false });
        }
      }
      // A hook or anything else has no ProseMirror form: left out (y-tiptap would throw).
    }
  }
  return boundProseDepth(root, maxDepth);
}

function textNodes(text: Y.XmlText): ProseNode[] {
  return (text.toDelta() as Array<{ insert: unknown; attributes?: Record<string, Record<string, unknown>> }>).flatMap((delta) => {
    if (typeof delta.insert !== 'string') return [];
    const node: ProseNode = { type: 'text', text: delta.insert };
    if (delta.attributes) {
      node.marks = Object.keys(delta.attributes).map((name): ProseMark => ({ type: markName(name), attrs: delta.attributes![name] }));
    }
    return [node];
  });
}
