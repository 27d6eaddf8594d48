import type { ProseNode } from '../revisions/canonical';
import { markerFree } from '../editor/suggestions/names';
import { MAX_HEADING_LINK_CHARS } from '../schemas/meetings';

/**
 * How a heading is named by an agenda link: its text with runs of white space made one and
 * cut to the limit. Headings carry no ids in the document, so the server (which lists and
 * checks them) and the plan page (which scrolls to one) must name them the same way.
 */
export function headingLinkText(raw: string): string {
  // A proposed break in a heading is a suggestion's marker character, not words (as the editor's outline reads it).
  return markerFree(raw).replace(/\s+/g, ' ').trim().slice(0, MAX_HEADING_LINK_CHARS);
}

function textOf(node: ProseNode): string {
  let text = '';
  const stack: ProseNode[] = [node];
  // Depth first, left to right, without recursion (a hostile document may nest deeply).
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (typeof next.text === 'string') text += next.text;
    if (next.content) for (let i = next.content.length - 1; i >= 0; i--) stack.push(next.content[i]!);
  }
  return text;
}

/**
 * The draft's chapters and sections: its headings in order, each once (the first of equal names
 * wins), at the top level and inside quotes, not in table cells (a cell's heading is no chapter),
 * as the editor's own outline lists them.
 */
export function proseOutline(prose: ProseNode, max = 500): Array<{ headingText: string; level: number }> {
  const outline: Array<{ headingText: string; level: number }> = [];
  const seen = new Set<string>();
  const stack: ProseNode[] = [prose];
  while (stack.length > 0 && outline.length < max) {
    const node = stack.pop()!;
    if (node.type === 'heading') {
      const headingText = headingLinkText(textOf(node));
      const level = Number(node.attrs?.level);
      if (headingText !== '' && !seen.has(headingText)) {
        seen.add(headingText);
        outline.push({ headingText, level: Number.isInteger(level) && level >= 1 && level <= 6 ? level : 1 });
      }
      continue;
    }
    if (node.type === 'table') continue;
    if (node.content) for (let i = node.content.length - 1; i >= 0; i--) stack.push(node.content[i]!);
  }
  return outline;
}
