import { type PlanSnapshot, type ProseNode, diffMeasures, diffProse, overlaySuggestions } from '@sakutei/shared';
import { STRUCTURE_MARKERS, SUGGESTION_DELETE, SUGGESTION_FORMAT, SUGGESTION_INSERT, SUGGESTION_STRUCTURE, type StructureOp, proseView } from '@sakutei/shared/editor';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareDocx, compareHtml } from './compareDocument';
import { revisionDocx, revisionHtml } from './revisionDocument';
import { fixtureRevision, fixtureSnapshot } from './testing/planFixture';
import { openOfficeStrict } from './testing/officeStrict';

/*
 * Formatting and block suggestions where the text is handed out. In Word (markup): a proposed
 * new paragraph is a paragraph whose mark is an insertion, a proposed line break an inserted
 * w:br, a proposed join the previous paragraph's mark deleted, a retyping the new style with
 * the old in w:pPrChange, proposed formatting the new formatting with the old in w:rPrChange,
 * each with its author's name and time. In print: ¶ ↵ and labelled marks in the author's
 * colour, proposed formatting shown and noted, all named in the legend. Clean (the default):
 * the adopted text, and never a marker character anywhere.
 */

const HANAKO = { id: 'u-hanako:1', author: 'u-hanako', at: Date.UTC(2026, 11, 6, 5, 4, 3) };
const JIRO = { id: 'u-jiro:1', author: 'u-jiro', at: Date.UTC(2026, 11, 7, 1, 0, 0) };
type By = typeof HANAKO;
const authors = [
  { id: 'u-hanako', name: '佐藤 花子' },
  { id: 'u-jiro', name: '鈴木 次郎' },
];
const MARKERS = /[\u2028\u2029\u2063]/;

const t = (text: string, real: string[] = []): ProseNode => ({ type: 'text', text, ...(real.length ? { marks: real.map((type) => ({ type })) } : {}) });
const ins = (text: string, by: By = HANAKO): ProseNode => ({ type: 'text', text, marks: [{ type: SUGGESTION_INSERT, attrs: by }] });
const del = (text: string, by: By = HANAKO): ProseNode => ({ type: 'text', text, marks: [{ type: SUGGESTION_DELETE, attrs: by }] });
const marker = (op: StructureOp, by: By = HANAKO, block = '', level = 0): ProseNode => ({
  type: 'text',
  text: STRUCTURE_MARKERS[op],
  marks: [
    { type: SUGGESTION_INSERT, attrs: by },
    { type: SUGGESTION_STRUCTURE, attrs: { ...by, op, block, level } },
  ],
});
const fmt = (text: string, mark: string, action: 'add' | 'remove', by: By = JIRO, real: string[] = []): ProseNode => ({
  type: 'text',
  text,
  marks: [...real.map((type) => ({ type })), { type: SUGGESTION_FORMAT, attrs: { ...by, mark, action } }],
});
const p = (...content: ProseNode[]): ProseNode => ({ type: 'paragraph', content });
const h = (level: number, ...content: ProseNode[]): ProseNode => ({ type: 'heading', attrs: { level }, content });
const doc = (...content: ProseNode[]): ProseNode => ({ type: 'doc', content });

/** A document with one of every kind of suggestion. */
const everyKind = () =>
  doc(
    h(2, t('1. 基本方針'), marker('split'), ins('本文を加える')),
    p(t('一行目'), marker('line', JIRO), t('二行目')),
    p(marker('join', JIRO), t('前に結合する段落')),
    p(marker('type', HANAKO, 'heading', 3), t('(1) 施策')),
    p(t('目標は'), fmt('70店舗', 'bold', 'add'), t('とし、'), fmt('重要', 'bold', 'remove', HANAKO, ['bold']), t('を'), del('削る'), ins('足す', JIRO), t('。')),
    { type: 'bulletList', content: [{ type: 'listItem', content: [p(t('項目一'), marker('split', JIRO), ins('項目二', JIRO))] }] },
  );

const snapshotOf = (prose: ProseNode): PlanSnapshot => ({ ...fixtureSnapshot('old'), prose });
const markup = { calendar: 'wareki' as const, suggestions: { view: 'markup' as const, authors } };
const clean = { calendar: 'wareki' as const };

async function parts(prose: ProseNode, options: Parameters<typeof revisionDocx>[3]) {
  return openOfficeStrict(await revisionDocx('計画', fixtureRevision(), snapshotOf(prose), options));
}

const paragraphs = (xml: string) => [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((m) => m[1]!);
const textOf = (paragraphXml: string) => [...paragraphXml.matchAll(/<w:(?:t|delText)(?: [^>]*)?>([^<]*)<\/w:(?:t|delText)>/g)].map((m) => m[1]).join('');
const paragraphWith = (xml: string, text: string) => paragraphs(xml).find((x) => textOf(x).includes(text))!;

describe('revision DOCX with block and formatting suggestions', () => {
  it('writes a proposed new paragraph as a paragraph whose mark is an insertion, and after a heading the new one as body text', async () => {
    const xml = (await parts(everyKind(), markup)).get('word/document.xml')!;
    const heading = paragraphWith(xml, '1. 基本方針');
    // The heading's text ends at the proposed break: its mark is inserted, by her, at her time.
    expect(textOf(heading)).toBe('1. 基本方針');
    expect(heading).toMatch(/<w:pPr><w:pStyle w:val="Heading2"\/><w:rPr><w:ins w:id="\d+" w:author="佐藤 花子" w:date="2026-12-06T05:04:03Z"\/><\/w:rPr><\/w:pPr>/);
    // The text after it is a new body paragraph; its mark is the heading's own, so rejecting gives the heading back.
    const body = paragraphWith(xml, '本文を加える');
    expect(body).not.toContain('<w:pStyle w:val="Heading2"/><w:rPr>');
    expect(body).toMatch(/<w:pPrChange w:id="\d+" w:author="佐藤 花子" w:date="[^"]+"><w:pPr><w:pStyle w:val="Heading2"\/><\/w:pPr><\/w:pPrChange>/);
    expect(body).toMatch(/<w:ins w:id="\d+" w:author="佐藤 花子"[^>]*><w:r>[\s\S]*本文を加える/);
  });

  it('writes a proposed line break as an inserted break, and a join as the previous paragraph’s mark deleted', async () => {
    const xml = (await parts(everyKind(), markup)).get('word/document.xml')!;
    const lines = paragraphWith(xml, '一行目');
    expect(lines).toMatch(/<w:ins w:id="\d+" w:author="鈴木 次郎" w:date="2026-12-07T01:00:00Z"><w:r><w:rPr>[\s\S]*?<\/w:rPr><w:br\/><\/w:r><\/w:ins>/);
    // 「前に結合する段落」 joins onto 「一行目…二行目」: that paragraph's mark is proposed for deletion.
    expect(lines).toMatch(/<w:pPr><w:rPr><w:del w:id="\d+" w:author="鈴木 次郎" w:date="2026-12-07T01:00:00Z"\/><\/w:rPr><\/w:pPr>/);
    expect(paragraphWith(xml, '前に結合する段落')).not.toMatch(/<w:(ins|del) /);
  });

  it('writes a retyping as the new style with the old kept in w:pPrChange, the runs’ old formatting in w:rPrChange', async () => {
    const xml = (await parts(everyKind(), markup)).get('word/document.xml')!;
    const retyped = paragraphWith(xml, '(1) 施策');
    expect(retyped).toMatch(/<w:pPr><w:pStyle w:val="Heading3"\/><w:pPrChange w:id="\d+" w:author="佐藤 花子" w:date="2026-12-06T05:04:03Z"><w:pPr\/><\/w:pPrChange><\/w:pPr>/);
    expect(retyped).toMatch(/<w:b\/>[\s\S]*<w:sz w:val="24"\/>[\s\S]*<w:rPrChange w:id="\d+" w:author="佐藤 花子"[^>]*><w:rPr><w:rFonts[^>]*\/><\/w:rPr><\/w:rPrChange>/);
  });

  it('writes proposed formatting as the new formatting with the old in w:rPrChange, by its proposer', async () => {
    const xml = (await parts(everyKind(), markup)).get('word/document.xml')!;
    const runs = [...paragraphWith(xml, '70店舗').matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((m) => m[1]!);
    const bolded = runs.find((r) => r.includes('>70店舗<'))!;
    expect(bolded).toMatch(/<w:b\/>[\s\S]*<w:rPrChange w:id="\d+" w:author="鈴木 次郎" w:date="2026-12-07T01:00:00Z"><w:rPr><w:rFonts[^>]*\/><\/w:rPr><\/w:rPrChange>/);
    const unbolded = runs.find((r) => r.includes('>重要<'))!;
    expect(unbolded.split('<w:rPrChange')[0]).not.toContain('<w:b/>');
    expect(unbolded).toMatch(/<w:rPrChange w:id="\d+" w:author="佐藤 花子"[^>]*><w:rPr><w:rFonts[^>]*\/><w:b\/><w:bCs\/><\/w:rPr><\/w:rPrChange>/);
    // Text without a proposal has no revision.
    expect(runs.find((r) => r.includes('>目標は<'))).not.toContain('rPrChange');
  });

  it('splits a list item into an item of its own, its marker proposed with the split', async () => {
    const xml = (await parts(everyKind(), markup)).get('word/document.xml')!;
    expect(paragraphWith(xml, '項目一')).toMatch(/<w:rPr><w:ins w:id="\d+" w:author="鈴木 次郎"[^>]*\/><\/w:rPr><\/w:pPr>/);
    expect(paragraphWith(xml, '項目二')).toMatch(/^<w:pPr><w:ind w:left="\d+" w:hanging="420"\/><\/w:pPr><w:ins w:id="\d+" w:author="鈴木 次郎"[^>]*><w:r>[\s\S]*?<w:t xml:space="preserve">・<\/w:t>/);
  });

  it('gives every change its own id and never writes a marker character', async () => {
    const all = await parts(everyKind(), markup);
    const xml = all.get('word/document.xml')!;
    const ids = [...xml.matchAll(/<w:(?:ins|del|rPrChange|pPrChange) w:id="(\d+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(10);
    expect(new Set(ids).size).toBe(ids.length);
    for (const [name, text] of all) expect(text, name).not.toMatch(MARKERS);
    expect(xml).not.toContain('u-hanako');
  });

  it('writes the adopted text by default: no change of any kind, no marker, no proposed formatting', async () => {
    const all = await parts(everyKind(), clean);
    const xml = all.get('word/document.xml')!;
    expect(xml).not.toMatch(/<w:(ins|del|rPrChange|pPrChange)\b/);
    for (const [name, text] of all) expect(text, name).not.toMatch(MARKERS);
    expect(paragraphs(xml).map(textOf).filter((x) => x !== '')).toEqual(
      expect.arrayContaining(['1. 基本方針', '一行目二行目', '前に結合する段落', '(1) 施策', '目標は70店舗とし、重要を削る。', '・項目一']),
    );
    // 「70店舗」 is not bold until accepted; 「重要」 stays bold.
    const runs = [...paragraphWith(xml, '70店舗').matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((m) => m[1]!);
    expect(runs.find((r) => r.includes('70店舗'))).not.toContain('<w:b/>');
    expect(runs.find((r) => r.includes('>重要<'))).toContain('<w:b/>');
  });

  it('reads a stray marker character in adopted text (pasted from elsewhere) as a break, never writes it', async () => {
    const stray = doc(p(t('一\u2029二\u2028三\u2063四')));
    for (const options of [clean, markup]) {
      const xml = (await parts(stray, options)).get('word/document.xml')!;
      expect(xml).not.toMatch(MARKERS);
      expect(textOf(paragraphWith(xml, '一'))).toBe('一二三四');
      expect(paragraphWith(xml, '一').match(/<w:br\/>/g)).toHaveLength(2);
    }
    const html = revisionHtml('計画', fixtureRevision(), snapshotOf(stray), clean);
    expect(html).not.toMatch(MARKERS);
    expect(html).toContain('<p>一<br>二<br>三四</p>');
  });
});

describe('revision print page with block and formatting suggestions', () => {
  const html = () => revisionHtml('計画', fixtureRevision(), snapshotOf(everyKind()), markup);

  it('shows ¶ and ↵ with their break, a join and a retyping as labelled marks, in each author’s colour', () => {
    const page = html();
    // The part after a heading's ¶ prints as the body paragraph it would become.
    expect(page).toMatch(/<h3>1\. 基本方針<ins class="sg sg-0 sg-break" title="佐藤 花子・段落を分ける提案・2026-12-06 05:04 UTC">¶<\/ins><\/h3><p><ins class="sg sg-0"[^>]*>本文を加える<\/ins><\/p>/);
    expect(page).toMatch(/<li><p>項目一<ins class="sg sg-1 sg-break"[^>]*>¶<\/ins><\/p><p><ins class="sg sg-1"[^>]*>項目二<\/ins><\/p><\/li>/);
    expect(page).toMatch(/一行目<ins class="sg sg-1 sg-break" title="鈴木 次郎・改行の提案・[^"]*">↵<\/ins><br>二行目/);
    expect(page).toMatch(/<p><ins class="sg sg-1 sg-pill" title="鈴木 次郎・前の段落と結合する提案・[^"]*">↰ 前の段落と結合<\/ins>前に結合する段落<\/p>/);
    expect(page).toMatch(/<p><ins class="sg sg-0 sg-pill" title="佐藤 花子・見出し3にする提案・[^"]*">→ 見出し3<\/ins>\(1\) 施策<\/p>/);
    expect(page).not.toMatch(MARKERS);
  });

  it('shows proposed formatting as it would read, underlined with dots and noted, and names every kind in the legend', () => {
    const page = html();
    expect(page).toMatch(/<span class="sg sg-1 sg-format" title="鈴木 次郎・太字にする提案・[^"]*"><strong>70店舗<\/strong><\/span><sup class="sg sg-1 sg-note">太字<\/sup>/);
    expect(page).toMatch(/<span class="sg sg-0 sg-format" title="佐藤 花子・太字を外す提案・[^"]*">重要<\/span><sup class="sg sg-0 sg-note">太字解除<\/sup>/);
    const legend = /<p class="sg-legend">([\s\S]*?)<\/p>/.exec(page)![1]!;
    for (const words of ['段落を分ける提案', '改行の提案', '前の段落と結合', '段落の種類を変える提案', '書式の提案']) expect(legend).toContain(words);
    expect(legend).toMatch(/<span class="sg-0">■ 佐藤 花子<\/span><span class="sg-1">■ 鈴木 次郎<\/span>/);
  });

  it('explains only the kinds the text holds', () => {
    const page = revisionHtml('計画', fixtureRevision(), snapshotOf(doc(p(t('a'), ins('b')))), markup);
    expect(page).toContain('class="sg-legend"');
    expect(page).not.toContain('段落を分ける提案');
    expect(page).not.toContain('書式の提案');
  });

  it('prints the adopted text by default, without marks, labels or markers', () => {
    const page = revisionHtml('計画', fixtureRevision(), snapshotOf(everyKind()), clean);
    expect(page).not.toMatch(MARKERS);
    expect(page).not.toMatch(/sg-(break|pill|format|note|legend)"/);
    expect(page).toContain('<h3>1. 基本方針</h3><p>一行目二行目</p><p>前に結合する段落</p><p>(1) 施策</p><p>目標は70店舗とし、<strong>重要</strong>を削る。</p>');
  });
});

describe('新旧対照表 exports with block and formatting suggestions', () => {
  const older = proseView(everyKind(), 'clean');
  const comparison = () => ({
    from: { label: '第1版', revisionId: 'r1' },
    to: { label: '現在の案', revisionId: null },
    prose: overlaySuggestions(diffProse(older, proseView(everyKind(), 'clean')), everyKind()),
    measures: diffMeasures(fixtureSnapshot('old').measures, fixtureSnapshot('old').measures),
    suggestionAuthors: authors,
  });
  const options = { calendar: 'wareki' as const, order: 'new-old' as const, now: new Date(Date.UTC(2026, 11, 7)) };

  it('prints the labels and formatting notes in the authors’ colours, the legend naming them', () => {
    const html = compareHtml('計画', comparison(), options);
    expect(html).toMatch(/1\. 基本方針<ins class="sg sg-0 sg-break">¶<\/ins><br><ins class="sg sg-0">本文を加える<\/ins>/);
    expect(html).toContain('<ins class="sg sg-1 sg-break">↵</ins><br>');
    expect(html).toContain('<ins class="sg sg-1 sg-pill">↰ 前の段落と結合</ins>');
    expect(html).toContain('<ins class="sg sg-0 sg-pill">→ 見出し3</ins>');
    expect(html).toMatch(/<span class="sg sg-1 sg-format">70店舗<\/span><sup class="sg sg-1 sg-note">太字<\/sup>/);
    expect(/<p class="sg-legend">([\s\S]*?)<\/p>/.exec(html)![1]).toContain('書式の提案');
    expect(html).not.toMatch(MARKERS);
  });

  it('writes them in Word in the authors’ colours, with the note saying what the symbols mean', async () => {
    const all = openOfficeStrict(await compareDocx('計画', comparison(), options));
    const xml = all.get('word/document.xml')!;
    expect(xml).toMatch(/<w:color w:val="1D4ED8"\/>[\s\S]{0,200}<w:u w:val="double"\/>[\s\S]{0,100}>¶<\/w:t>/);
    expect(xml).toContain('>↰ 前の段落と結合</w:t>');
    expect(xml).toContain('>→ 見出し3</w:t>');
    expect(xml).toMatch(/<w:u w:val="dotted"\/>[\s\S]{0,100}>70店舗<\/w:t>[\s\S]{0,400}<w:vertAlign w:val="superscript"\/>[\s\S]{0,100}>太字<\/w:t>/);
    expect(xml).toContain('点線の下線は書式の提案');
    for (const [name, text] of all) expect(text, name).not.toMatch(MARKERS);
  });
});

/** Random documents of every kind of suggestion, mixed: nothing leaks, Word opens each file, and each proposal is one change in it. */
describe('generated documents mixing every kind of suggestion', () => {
  const who = fc.constantFrom(HANAKO, JIRO);
  const words = fc.constantFrom('支援', '拡充', '店舗', 'a', '〇〇', '令和8年度');
  const inlineNode = fc.oneof(
    words.map((w) => t(w)),
    fc.tuple(words, who).map(([w, by]) => ins(w, by)),
    fc.tuple(words, who).map(([w, by]) => del(w, by)),
    fc.tuple(words, fc.constantFrom('bold', 'italic', 'underline', 'strike', 'code'), fc.constantFrom<'add' | 'remove'>('add', 'remove'), who).map(([w, mark, action, by]) => fmt(w, mark, action, by)),
    fc.tuple(fc.constantFrom<StructureOp>('split', 'line'), who).map(([op, by]) => marker(op, by)),
    fc.constant<ProseNode>({ type: 'hardBreak' }),
    fc.constant(t('迷\u2029い\u2063込\u2028み')),
  );
  const start = fc.option(
    fc.tuple(fc.constantFrom<StructureOp>('join', 'type'), who, fc.integer({ min: 1, max: 6 }), fc.boolean()).map(([op, by, level, heading]) => marker(op, by, op === 'type' ? (heading ? 'heading' : 'paragraph') : '', op === 'type' && heading ? level : 0)),
    { nil: null },
  );
  const block = fc.tuple(start, fc.array(inlineNode, { minLength: 1, maxLength: 6 }), fc.constantFrom('paragraph', 'heading', 'item', 'code')).map(([first, content, kind]): ProseNode => {
    const inline = [...(first ? [first] : []), ...content];
    if (kind === 'heading') return h(2, ...inline);
    if (kind === 'item') return { type: 'bulletList', content: [{ type: 'listItem', content: [p(...inline)] }] };
    if (kind === 'code') return { type: 'codeBlock', content: inline.filter((n) => n.type === 'text') };
    return p(...inline);
  });
  const documents = fc.array(block, { minLength: 1, maxLength: 5 }).map((blocks) => doc(...blocks));

  const count = (prose: ProseNode, op: StructureOp) => JSON.stringify(prose).split(`"op":"${op}"`).length - 1;

  it('never writes a marker in any output, and writes each proposed paragraph and line break as one change', async () => {
    await fc.assert(
      fc.asyncProperty(documents, async (prose) => {
        const cleanXml = await parts(prose, clean);
        for (const [, text] of cleanXml) expect(text).not.toMatch(MARKERS);
        expect(cleanXml.get('word/document.xml')).not.toMatch(/<w:(ins|del|rPrChange|pPrChange)\b/);
        const markupXml = await parts(prose, markup);
        for (const [, text] of markupXml) expect(text).not.toMatch(MARKERS);
        const xml = markupXml.get('word/document.xml')!;
        // A proposed paragraph is an inserted paragraph mark (w:ins with no content, in the mark's w:rPr).
        expect(xml.match(/<w:rPr><w:ins [^>]*\/>/g)?.length ?? 0).toBe(count(prose, 'split'));
        expect(xml.match(/<w:ins [^>]*><w:r><w:rPr>(?:(?!<\/w:r>)[\s\S])*?<\/w:rPr><w:br\/><\/w:r><\/w:ins>/g)?.length ?? 0).toBe(count(prose, 'line'));
        const ids = [...xml.matchAll(/<w:(?:ins|del|rPrChange|pPrChange) w:id="(\d+)"/g)].map((m) => m[1]);
        expect(new Set(ids).size).toBe(ids.length);
        for (const options of [clean, markup]) expect(revisionHtml('計画', fixtureRevision(), snapshotOf(prose), options)).not.toMatch(MARKERS);
        const rows = overlaySuggestions(diffProse(proseView(prose, 'clean'), proseView(prose, 'clean')), prose);
        expect(JSON.stringify(rows)).not.toMatch(MARKERS);
      }),
      { numRuns: 25, seed: 1607 },
    );
  });
});
