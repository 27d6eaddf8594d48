import { describe, expect, it } from 'vitest';
import { STRUCTURE_MARKERS, SUGGESTION_FORMAT, SUGGESTION_INSERT, SUGGESTION_STRUCTURE, type StructureOp } from '../editor/suggestions/names';
import { proseView } from '../editor/suggestions/views';
import type { ProseNode } from './canonical';
import { diffProse, flattenProse, inlineSegments } from './proseDiff';
import { overlaidAuthorIds, overlaySuggestions } from './suggestionOverlay';
import { MARKER_CHARS, formatProposals, hasMarkerChar, markerFree, markerLines, proposedFormats, structureProposal, textSuggestion } from './suggestionText';

/*
 * Block and formatting suggestions in the 新旧対照表: a proposed new paragraph, line break,
 * join or retyping shows as its symbol with the change named in `suggestion.structure`, never
 * as its marker character; proposed formatting is carried in `formats`.
 */

const by = (id: string, author: string, at = 1) => ({ id, author, at });
const t = (text: string) => ({ type: 'text', text });
const ins = (text: string, who = by('u1:1', 'u1')): ProseNode => ({ type: 'text', text, marks: [{ type: SUGGESTION_INSERT, attrs: who }] });
const marker = (op: StructureOp, who = by('u1:1', 'u1'), block = '', level = 0): ProseNode => ({
  type: 'text',
  text: STRUCTURE_MARKERS[op],
  marks: [
    { type: SUGGESTION_INSERT, attrs: who },
    { type: SUGGESTION_STRUCTURE, attrs: { ...who, op, block, level } },
  ],
});
const fmt = (text: string, mark: string, action: 'add' | 'remove', who = by('u2:1', 'u2', 2), real: string[] = []): ProseNode => ({
  type: 'text',
  text,
  marks: [...real.map((type) => ({ type })), { type: SUGGESTION_FORMAT, attrs: { ...who, mark, action } }],
});
const p = (...content: ProseNode[]): ProseNode => ({ type: 'paragraph', content });
const doc = (...content: ProseNode[]): ProseNode => ({ type: 'doc', content });
const table = (older: ProseNode, newer: ProseNode) => overlaySuggestions(diffProse(proseView(older, 'clean'), proseView(newer, 'clean')), newer);
const MARKERS = /[\u2028\u2029\u2063]/;

describe('reading block and formatting suggestions off stored prose', () => {
  it('names the block change a marker proposes, on its suggestion', () => {
    expect(textSuggestion(marker('split').marks)).toEqual({ kind: 'insert', id: 'u1:1', author: 'u1', at: 1, structure: { op: 'split', block: '', level: 0 } });
    expect(structureProposal(marker('type', by('a:1', 'a'), 'heading', 3).marks)).toEqual({ op: 'type', block: 'heading', level: 3 });
    // An op no one wrote reads as a paragraph break, as the editor reads it.
    expect(structureProposal([{ type: SUGGESTION_STRUCTURE, attrs: { op: 'explode' } }])).toEqual({ op: 'split', block: '', level: 0 });
    expect(structureProposal([{ type: 'bold' }])).toBeNull();
  });

  it('holds a mark to what may be proposed, as the editor decides it (one reader for both)', () => {
    const structure = (attrs: Record<string, unknown>) => structureProposal([{ type: SUGGESTION_STRUCTURE, attrs }]);
    expect(structure({ op: 'type', block: 'heading', level: 9 })).toEqual({ op: 'type', block: 'heading', level: 6 });
    expect(structure({ op: 'type', block: 'heading', level: 'x' })).toEqual({ op: 'type', block: 'heading', level: 1 });
    expect(structure({ op: 'type', block: 'table', level: 2 })).toEqual({ op: 'type', block: '', level: 0 });
    // A split names the block it starts (decide.ts makes that block), so its block is read too.
    expect(structure({ op: 'split', block: 'heading', level: 2 })).toEqual({ op: 'split', block: 'heading', level: 2 });
    expect(structure({ op: 'join', block: 'heading', level: 2 })).toEqual({ op: 'join', block: '', level: 0 });
    const [long] = formatProposals([{ type: SUGGESTION_FORMAT, attrs: { id: 'a:1', author: 'a', at: 1, mark: 'x'.repeat(100), action: 'drop' } }]);
    expect(long).toMatchObject({ mark: 'x'.repeat(32), action: 'add' });
  });

  it('lists formatting proposals earliest first and applies them in that order', () => {
    const node: ProseNode = {
      type: 'text',
      text: '語',
      marks: [{ type: 'bold' }, { type: SUGGESTION_FORMAT, attrs: { ...by('b:1', 'b', 9), mark: 'bold', action: 'add' } }, { type: SUGGESTION_FORMAT, attrs: { ...by('a:1', 'a', 3), mark: 'bold', action: 'remove' } }],
    };
    const proposals = formatProposals(node.marks);
    expect(proposals.map((f) => [f.author, f.action])).toEqual([
      ['a', 'remove'],
      ['b', 'add'],
    ]);
    expect([...proposedFormats(new Set(['bold', 'italic']), proposals)].sort()).toEqual(['bold', 'italic']);
    expect([...proposedFormats(new Set(['bold']), proposals.slice(0, 1))]).toEqual([]);
  });

  it('reads a stray marker character as a plain reader would', () => {
    expect(markerFree('一\u2029二\u2028三\u2063四')).toBe('一\n二\n三四');
    expect(markerFree('ふつう')).toBe('ふつう');
    expect(flattenProse(doc(p(t('一\u2063二\u2028三')))).map((b) => b.text)).toEqual(['一二\n三']);
  });

  it('cuts text into the lines its stray markers make, as markerFree reads them', () => {
    expect(MARKER_CHARS).toEqual(['\u2029', '\u2028', '\u2063']);
    expect(markerLines('一\u2029二\u2028三\u2063四')).toEqual(['一', '二', '三四']);
    // A newline already in the text is the renderer's own business.
    expect(markerLines('一\n二')).toEqual(['一\n二']);
    expect(hasMarkerChar('ふつう')).toBe(false);
    expect(hasMarkerChar('ふ\u2063')).toBe(true);
  });
});

describe('overlaySuggestions with block and formatting suggestions', () => {
  it('shows a proposed new paragraph and line break by their symbols, with the change named', () => {
    const rows = table(doc(p(t('一行目二行目'))), doc(p(t('一行目'), marker('split'), ins('追加'), marker('line', by('u2:1', 'u2')), t('二行目'))));
    expect(rows).toHaveLength(1);
    const segments = rows[0]!.new!.segments;
    expect(segments.map((s) => [s.kind, s.text, s.suggestion?.structure?.op ?? null])).toEqual([
      ['equal', '一行目', null],
      ['insert', '¶', 'split'],
      ['insert', '追加', null],
      ['insert', '↵', 'line'],
      ['equal', '二行目', null],
    ]);
    expect(rows[0]!.kind).toBe('changed');
    expect(overlaidAuthorIds(rows)).toEqual(['u1', 'u2']);
    expect(JSON.stringify(rows)).not.toMatch(MARKERS);
    // The inline view of the row keeps them apart too.
    expect(inlineSegments(rows[0]!).filter((s) => s.suggestion?.structure).map((s) => s.text)).toEqual(['¶', '↵']);
  });

  it('shows a join and a retyping at the start of their block', () => {
    const rows = table(
      doc(p(t('前の段落')), p(t('後の段落')), p(t('節の名前'))),
      doc(p(t('前の段落')), p(marker('join'), t('後の段落')), p(marker('type', by('u3:1', 'u3'), 'heading', 2), t('節の名前'))),
    );
    expect(rows.map((r) => r.new!.segments.map((s) => [s.text, s.suggestion?.structure ?? null]))).toEqual([
      [['前の段落', null]],
      [
        ['↰', { op: 'join', block: '', level: 0 }],
        ['後の段落', null],
      ],
      [
        ['→', { op: 'type', block: 'heading', level: 2 }],
        ['節の名前', null],
      ],
    ]);
    expect(rows.map((r) => r.kind)).toEqual(['same', 'changed', 'changed']);
  });

  it('carries proposed formatting on the text it applies to, and makes the row a change', () => {
    const rows = table(doc(p(t('目標は70店舗とする'))), doc(p(t('目標は'), fmt('70店舗', 'bold', 'add'), t('とする'))));
    expect(rows[0]!.kind).toBe('changed');
    expect(rows[0]!.new!.segments).toEqual([
      { kind: 'equal', text: '目標は' },
      { kind: 'equal', text: '70店舗', formats: [{ id: 'u2:1', author: 'u2', at: 2, mark: 'bold', action: 'add' }] },
      { kind: 'equal', text: 'とする' },
    ]);
    expect(overlaidAuthorIds(rows)).toEqual(['u2']);
    expect(inlineSegments(rows[0]!).find((s) => s.formats)?.text).toBe('70店舗');
  });

  it('compares the clean sides without any marker, whatever is proposed', () => {
    const newer = doc(p(t('一'), marker('split'), marker('split'), ins('三')), p(marker('join'), t('四')), p(marker('type', by('u1:1', 'u1'), 'heading', 1), fmt('五', 'italic', 'add')));
    const clean = diffProse(proseView(doc(p(t('一')), p(t('四')), p(t('五'))), 'clean'), proseView(newer, 'clean'));
    expect(JSON.stringify(clean)).not.toMatch(MARKERS);
    expect(clean.every((r) => r.kind === 'same')).toBe(true);
    expect(JSON.stringify(overlaySuggestions(clean, newer))).not.toMatch(MARKERS);
  });
});
