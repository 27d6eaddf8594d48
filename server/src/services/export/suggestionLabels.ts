import type { DiffSegment, FormatProposal, ProseNode, StructureProposal } from '@sakutei/shared';
import { formatProposals, textSuggestion } from '@sakutei/shared';

/**
 * The words the printed exports use for formatting and block proposals (the print pages and
 * Word files are in Japanese, as the rest of their text). The screen has its own, in both
 * languages, in the client's catalogues.
 */

const FORMAT_NAMES: Readonly<Record<string, string>> = { bold: '太字', italic: '斜体', underline: '下線', strike: '取消線', code: 'コード' };

/** 「太字」 for a format, its mark name for one the exports do not know. */
export const formatName = (mark: string) => FORMAT_NAMES[mark] ?? mark;

/** One formatting proposal in a few words: 「太字にする」「斜体を外す」. */
export const formatLabel = (p: Pick<FormatProposal, 'mark' | 'action'>) => `${formatName(p.mark)}${p.action === 'add' ? 'にする' : 'を外す'}`;

/** The proposals on one piece of text, for the small note printed after it: 「太字・斜体解除」. */
export const formatNote = (proposals: readonly Pick<FormatProposal, 'mark' | 'action'>[]) =>
  [...new Set(proposals.map((p) => `${formatName(p.mark)}${p.action === 'add' ? '' : '解除'}`))].join('・');

/** The block type a retyping proposes, as a reader names it: 「見出し2」 or 「本文」. */
export const blockName = (s: StructureProposal) => (s.block === 'heading' ? `見出し${s.level >= 1 && s.level <= 6 ? s.level : 2}` : '本文');

/** What a block proposal shows as where it stands: ¶ and ↵ (followed by the break), a labelled arrow for a join or a retyping. */
export function structureLabel(s: StructureProposal): string {
  if (s.op === 'split') return '¶';
  if (s.op === 'line') return '↵';
  if (s.op === 'join') return '↰ 前の段落と結合';
  return `→ ${blockName(s)}`;
}

/** What a block proposal is, in a sentence's words (the hover title, the legend). */
export function structureTitle(s: StructureProposal): string {
  if (s.op === 'split') return '段落を分ける提案';
  if (s.op === 'line') return '改行の提案';
  if (s.op === 'join') return '前の段落と結合する提案';
  return `${blockName(s)}にする提案`;
}

/** Which kinds of proposal a document holds beyond wording, so the legend explains only those. */
export type ProposalKinds = { structure: boolean; format: boolean };

export function proposalKinds(prose: ProseNode): ProposalKinds {
  const kinds = { structure: false, format: false };
  const stack: ProseNode[] = [prose];
  while (stack.length > 0 && !(kinds.structure && kinds.format)) {
    const node = stack.pop()!;
    if (textSuggestion(node.marks)?.structure) kinds.structure = true;
    if (formatProposals(node.marks).length > 0) kinds.format = true;
    if (node.content) stack.push(...node.content);
  }
  return kinds;
}

/** The same for a 新旧対照表's rows with the newer side's suggestions laid over them. */
export function overlaidKinds(rows: ReadonlyArray<{ new: { segments: ReadonlyArray<DiffSegment> } | null }>): ProposalKinds {
  const kinds = { structure: false, format: false };
  for (const row of rows) {
    for (const segment of row.new?.segments ?? []) {
      if (segment.suggestion?.structure) kinds.structure = true;
      if (segment.formats?.length) kinds.format = true;
    }
  }
  return kinds;
}

/** The legend's sentences for those kinds, as plain text (the Word file's note, where the runs carry the colours). */
export function kindsNote(kinds: ProposalKinds): string {
  return `${kinds.structure ? '¶は段落を分ける提案、↵は改行の提案、「↰ 前の段落と結合」「→ 見出し2」は段落の結合・種類の変更の提案。' : ''}${
    kinds.format ? '点線の下線は書式の提案（提案の内容を小さく添えます）。' : ''
  }`;
}
