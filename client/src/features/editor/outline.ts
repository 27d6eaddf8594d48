import { markerFree } from '@sakutei/shared';
import type { Node as ProseNode } from '@tiptap/pm/model';

/** One entry of the chapter outline: a heading of the prose and where it starts. */
export interface OutlineEntry {
  level: number;
  text: string;
  /** The heading node's position in the document (its content starts one later). */
  pos: number;
}

/**
 * The headings of the prose, in order, at the top level and inside quotes alike, not in
 * table cells. Empty headings are left out: an outline
 * line with no words cannot be chosen.
 */
export function outlineOf(doc: ProseNode): OutlineEntry[] {
  const entries: OutlineEntry[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name === 'heading') {
      // A proposed break in a heading is a suggestion's marker character, not words: one line here.
      const text = markerFree(node.textContent).replace(/\s*\n\s*/g, ' ').trim();
      if (text) entries.push({ level: Number(node.attrs.level), text, pos });
      return false;
    }
    // Paragraphs hold no headings, and a cell's heading is not a chapter.
    return !node.isTextblock && node.type.name !== 'table';
  });
  return entries;
}

/**
 * Whether two outlines show the same lines. Positions are left out: typing above a heading
 * shifts them on every keystroke, and the outline reads them afresh when a line is chosen.
 */
export function sameOutline(a: readonly OutlineEntry[], b: readonly OutlineEntry[]): boolean {
  return a.length === b.length && a.every((e, i) => e.level === b[i]!.level && e.text === b[i]!.text);
}

/** The entry whose section holds `position`: the last heading at or before it. */
export function currentEntryIndex(entries: readonly OutlineEntry[], position: number): number {
  let index = -1;
  for (let i = 0; i < entries.length && entries[i]!.pos <= position; i++) index = i;
  return index;
}
