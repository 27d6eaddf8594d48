import type { ProseMark, ProseNode } from '../../revisions/canonical';
import { SUGGESTION_DELETE, SUGGESTION_INSERT, SUGGESTION_STRUCTURE, isSuggestionMarkName } from './names';

/**
 * Which text a reader is shown: `markup` as stored (見え消し), `clean` as if every pending
 * suggestion were rejected (the wording the council has so far: what exports and the
 * 新旧対照表 show by default; the same word as their `?suggestions=clean`), `accepted` as if
 * every one were accepted: its wording, with no marker of a proposed block change (making
 * those changes needs the schema: decideSuggestions on a ProseMirror document).
 */
export type ProseView = 'markup' | 'clean' | 'accepted';

const hasMark = (node: ProseNode, type: string) => node.marks?.some((m) => m.type === type) ?? false;

/** The prose JSON as one view reads it; the input is not changed. */
export function proseView(prose: ProseNode, view: ProseView): ProseNode {
  if (view === 'markup') return prose;
  const drop = view === 'clean' ? SUGGESTION_INSERT : SUGGESTION_DELETE;
  return viewOf(prose, drop);
}

function viewOf(node: ProseNode, drop: string): ProseNode {
  if (!node.content) return stripped(node);
  const content: ProseNode[] = [];
  for (const child of node.content) {
    if (child.marks && (hasMark(child, drop) || hasMark(child, SUGGESTION_STRUCTURE))) continue;
    const next = viewOf(child, drop);
    const last = content[content.length - 1];
    // Neighbouring texts that now carry the same marks are one text, as ProseMirror keeps them.
    if (last?.text !== undefined && next.text !== undefined && sameMarks(last.marks, next.marks)) {
      content[content.length - 1] = { ...last, text: last.text + next.text };
    } else content.push(next);
  }
  return { ...node, content };
}

function stripped(node: ProseNode): ProseNode {
  if (!node.marks?.some((m) => isSuggestionMarkName(m.type))) return node;
  const marks = node.marks.filter((m) => !isSuggestionMarkName(m.type));
  const { marks: _dropped, ...rest } = node;
  return marks.length > 0 ? { ...rest, marks } : rest;
}

function sameMarks(a: ProseMark[] | undefined, b: ProseMark[] | undefined): boolean {
  return JSON.stringify(a ?? []) === JSON.stringify(b ?? []);
}

/** Whether any text of the prose is still a pending suggestion. */
export function hasPendingSuggestions(prose: ProseNode): boolean {
  const stack: ProseNode[] = [prose];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.marks?.some((m) => isSuggestionMarkName(m.type))) return true;
    if (node.content) stack.push(...node.content);
  }
  return false;
}
