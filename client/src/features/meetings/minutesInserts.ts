import { DECISION_KIND_JA, speakerLabel, type AgendaItem, type AttendanceEntry, type MeetingDecision } from '@sakutei/shared';
import type { Editor, JSONContent } from '@tiptap/core';
import type { Node as ProseNode } from '@tiptap/pm/model';

/*
 * What the minutes' toolbar puts into the text: a speaker's label, the agenda as headings and
 * a decision as a paragraph. The minutes are a Japanese document whatever language the page
 * is shown in, so what is inserted is Japanese.
 */

/** One person the speaker picker offers: who attended, and the label inserted for them. */
export interface SpeakerChoice {
  userId: string;
  name: string;
  proxyName: string | null;
  /** 「山田座長：」, as speakerLabel writes it. */
  label: string;
}

/** Those who attended (in the room, online, or through a proxy), in the attendance list's order. */
export function speakerChoices(attendance: readonly AttendanceEntry[]): SpeakerChoice[] {
  return attendance
    .filter((entry) => entry.attendance === 'present' || entry.attendance === 'online' || entry.attendance === 'proxy')
    .map((entry) => ({
      userId: entry.userId,
      name: entry.name,
      proxyName: entry.attendance === 'proxy' ? entry.proxyName : null,
      label: speakerLabel({ name: entry.name, role: entry.role }),
    }));
}

/** An agenda item's heading in the minutes: 「1　議題名」 (a full-width space, as 官公庁 documents write it). */
export const agendaHeadingText = (item: Pick<AgendaItem, 'position' | 'title'>) => `${item.position}\u3000${item.title}`;

/** 「全会一致」 or 「賛成4、反対1、棄権0」; empty without a vote. */
function voteJa(vote: MeetingDecision['vote']): string {
  if (vote === null) return '';
  if ('unanimous' in vote) return '全会一致';
  return `賛成${vote.for}、反対${vote.against}、棄権${vote.abstain}`;
}

/** A decision as the minutes record it: 「（議決）素案のとおり承認する。　全会一致」. */
export function decisionLine(decision: Pick<MeetingDecision, 'kind' | 'text' | 'vote'>): string {
  const vote = voteJa(decision.vote);
  return `（${DECISION_KIND_JA[decision.kind]}）${decision.text.trim()}${vote ? `\u3000${vote}` : ''}`;
}

/** A heading's title without its number and the spaces around: 「1　議題名」, 「(1) 議題名」 and 「議題名」 name the same item. */
function titleOf(text: string): string {
  return text
    .replace(/^[\s\u3000]*[（(]?[0-9０-９]+[)）.．、]?[\s\u3000]*/, '')
    .replace(/[\s\u3000]+/g, ' ')
    .trim();
}

/** Where the text being written ends: after the top-level block holding the caret. */
function afterCurrentBlock(editor: Editor): number {
  const { $from } = editor.state.selection;
  return $from.depth === 0 ? editor.state.doc.content.size : $from.after(1);
}

/** Whether the caret stands in an empty top-level paragraph, where an insert can go as it is. */
function inEmptyParagraph(editor: Editor): boolean {
  const { $from, empty } = editor.state.selection;
  return empty && $from.depth === 1 && $from.parent.type.name === 'paragraph' && $from.parent.content.size === 0;
}

/**
 * Puts `paragraph` where the writer is: into the empty paragraph the caret is in, or as a new
 * paragraph after the block holding it. The caret ends after it, ready to type on.
 */
function insertParagraph(editor: Editor, paragraph: JSONContent): boolean {
  const chain = editor.chain().focus();
  if (inEmptyParagraph(editor)) {
    const { $from } = editor.state.selection;
    return chain.insertContentAt({ from: $from.before(), to: $from.after() }, paragraph).run();
  }
  return chain.insertContentAt(afterCurrentBlock(editor), paragraph).run();
}

/**
 * 「山田座長：」 in bold at the start of a new paragraph; what is typed next is plain again
 * (the stored bold mark is dropped), so the speech follows the label.
 */
export function insertSpeaker(editor: Editor, label: string): boolean {
  const inserted = insertParagraph(editor, { type: 'paragraph', content: [{ type: 'text', text: label, marks: [{ type: 'bold' }] }] });
  if (inserted) editor.chain().unsetMark('bold').run();
  return inserted;
}

/** A decision as a paragraph of its own where the writer is. */
export function insertDecision(editor: Editor, decision: Pick<MeetingDecision, 'kind' | 'text' | 'vote'>): boolean {
  return insertParagraph(editor, { type: 'paragraph', content: [{ type: 'text', text: decisionLine(decision) }] });
}

/**
 * The agenda items whose heading the minutes lack, each with where its heading goes: before the
 * heading of the next item that has one, so the headings stay in agenda order; at the end when
 * none follows. A heading names an item when its title matches, whatever its number.
 */
export function missingAgendaHeadings(doc: ProseNode, agenda: readonly AgendaItem[]): Array<{ item: AgendaItem; at: number }> {
  const headingAt = new Map<string, number>();
  doc.forEach((node, offset) => {
    if (node.type.name !== 'heading') return;
    const title = titleOf(node.textContent);
    if (!headingAt.has(title)) headingAt.set(title, offset);
  });
  const ordered = [...agenda].sort((a, b) => a.position - b.position);
  const missing: Array<{ item: AgendaItem; at: number }> = [];
  ordered.forEach((item, index) => {
    if (titleOf(item.title) === '' || headingAt.has(titleOf(item.title))) return;
    const next = ordered.slice(index + 1).find((later) => headingAt.has(titleOf(later.title)));
    missing.push({ item, at: next ? headingAt.get(titleOf(next.title))! : doc.content.size });
  });
  return missing;
}

/** Inserts the missing agenda headings (h2 「1　議題名」) in one step; returns how many it inserted. */
export function insertAgendaHeadings(editor: Editor, agenda: readonly AgendaItem[]): number {
  const { doc } = editor.state;
  const missing = missingAgendaHeadings(doc, agenda);
  if (missing.length === 0) return 0;
  const heading = (item: AgendaItem): JSONContent => ({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: agendaHeadingText(item) }] });
  // Minutes not begun (one empty paragraph): the headings are the start of the text, with no blank line above them.
  const blank = doc.childCount === 1 && doc.firstChild!.type.name === 'paragraph' && doc.firstChild!.content.size === 0;
  if (blank) {
    editor.chain().insertContentAt({ from: 0, to: doc.content.size }, missing.map(({ item }) => heading(item)), { updateSelection: false }).run();
    return missing.length;
  }
  // From the end backwards, so each position is still valid when its turn comes; one chain is one undo step.
  let chain = editor.chain();
  for (const { item, at } of [...missing].reverse()) {
    chain = chain.insertContentAt(at, heading(item), { updateSelection: false });
  }
  chain.run();
  return missing.length;
}
