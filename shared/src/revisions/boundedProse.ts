import type { ProseNode } from './canonical';

/**
 * Prose nested deeper than any editor makes (a document stored before the shape check, see
 * collab/shape.ts) is read flattened: below `maxDepth` (the doc is depth 0), each element is
 * replaced by a paragraph of its text, so every reader after this (canonical JSON, zod,
 * diff, the exports) works on a bounded tree, and nothing typed is lost. Iterative: the input
 * may be nested a hundred thousand deep.
 *
 * Returns the same object when nothing is deeper, so a normal document keeps its bytes and
 * its hash; `flattened` counts the elements replaced, for the caller to say so.
 */
export function boundProseDepth(prose: ProseNode, maxDepth: number): { prose: ProseNode; flattened: number } {
  if (proseDepth(prose, maxDepth + 1) <= maxDepth) return { prose, flattened: 0 };
  let flattened = 0;
  const copy: ProseNode = { ...prose };
  const stack: Array<{ node: ProseNode; depth: number }> = [{ node: copy, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (!Array.isArray(node.content)) continue;
    if (depth < maxDepth) {
      node.content = node.content.map((child) => {
        const childCopy = isObject(child) ? { ...child } : child;
        if (isObject(childCopy)) stack.push({ node: childCopy, depth: depth + 1 });
        return childCopy;
      });
      continue;
    }
    node.content = node.content.flatMap((child): ProseNode[] => {
      if (!isObject(child) || child.type === 'text' || !Array.isArray(child.content)) return [child];
      flattened++;
      const texts = textsUnder(child);
      return texts.length > 0 ? [{ type: 'paragraph', content: texts }] : [];
    });
  }
  return { prose: copy, flattened };
}

/** How deep the tree goes, looking no further than `limit`. */
export function proseDepth(prose: ProseNode, limit: number): number {
  let deepest = 0;
  const stack: Array<{ node: ProseNode; depth: number }> = [{ node: prose, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth > deepest) deepest = depth;
    if (depth >= limit || !Array.isArray(node.content)) continue;
    for (const child of node.content) if (isObject(child) && child.type !== 'text') stack.push({ node: child, depth: depth + 1 });
  }
  return deepest;
}

function textsUnder(node: ProseNode): ProseNode[] {
  const texts: ProseNode[] = [];
  const stack: ProseNode[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.type === 'text' && typeof current.text === 'string') texts.push(current);
    else if (Array.isArray(current.content)) for (let i = current.content.length - 1; i >= 0; i--) if (isObject(current.content[i])) stack.push(current.content[i]!);
  }
  return texts;
}

function isObject(value: unknown): value is ProseNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
