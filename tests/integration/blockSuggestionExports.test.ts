import type { PlanSummary, ProseDiffRow, ProseNode, Revision } from '@sakutei/shared';
import { STRUCTURE_MARKERS, SUGGESTION_DELETE, SUGGESTION_FORMAT, SUGGESTION_INSERT, SUGGESTION_STRUCTURE, type StructureOp, proseSchema } from '@sakutei/shared/editor';
import { beforeAll, describe, expect, it } from 'vitest';
import { openOfficeStrict } from '../../server/src/services/export/testing/officeStrict';
import { proseJsonOf } from '../../server/src/services/proseJson';
import { writeProse } from '../../server/src/services/proseWrite';
import { waitFor } from '../support/collab';
import { type Signed, demoPlan } from '../support/demoPlan';

/*
 * Formatting and block suggestions where the text is handed out, through the real routes of a
 * real server: a revision frozen with a proposed new paragraph, line break, join, retyping and
 * proposed formatting exports them as Word's own revisions when asked (and as the adopted text
 * otherwise), the 新旧対照表 shows them by symbol, and deciding them records text in which a
 * proposed break reads '\n'. No marker character reaches any of it.
 */

const demo = demoPlan(['member', 'staff', 'chair']);
let plan: PlanSummary;
let member: Signed, staff: Signed, chair: Signed;
let adopted: Revision;
let frozen: Revision;
const AT = Date.UTC(2026, 0, 5, 1, 2, 3);
const MARKERS = /[\u2028\u2029\u2063]/;

beforeAll(async () => {
  ({ plan, users: [member, staff, chair] } = demo);
  const revisions = (await member.request('GET', `/api/plans/${plan.id}/revisions`)).body.revisions as Revision[];
  adopted = revisions.find((revision) => revision.review.status === 'approved')!;
});

const by = (who: Signed, nonce: string) => ({ id: `${who.user.id}:${nonce}`, author: who.user.id, at: AT });
const t = (text: string): ProseNode => ({ type: 'text', text });
const ins = (text: string, attrs: ReturnType<typeof by>): ProseNode => ({ type: 'text', text, marks: [{ type: SUGGESTION_INSERT, attrs }] });
const marker = (op: StructureOp, attrs: ReturnType<typeof by>, block = '', level = 0): ProseNode => ({
  type: 'text',
  text: STRUCTURE_MARKERS[op],
  marks: [
    { type: SUGGESTION_INSERT, attrs },
    { type: SUGGESTION_STRUCTURE, attrs: { ...attrs, op, block, level } },
  ],
});

const download = async (url: string) => (await demo.download(member, url)).bytes;
const docxParts = async (url: string) => openOfficeStrict(await download(url));
const noMarkerIn = (parts: Map<string, string>) => {
  for (const [name, text] of parts) expect(text, name).not.toMatch(MARKERS);
};

describe('block and formatting suggestions in the text handed out', () => {
  it('freezes a revision that keeps them', async () => {
    const client = await demo.connect(member);
    const { prose } = proseJsonOf(client.doc.getXmlFragment('body'));
    // As the editor writes them: the member proposes a new paragraph and a join, staff a line break,
    // a retyping and bold on others' words.
    prose.content!.push(
      { type: 'paragraph', content: [t('段落提案の前半。'), marker('split', by(member, 'b1')), ins('新しい段落の文。', by(member, 'b1'))] },
      { type: 'paragraph', content: [t('改行前'), marker('line', by(staff, 'b2')), t('改行後')] },
      { type: 'paragraph', content: [marker('join', by(member, 'b3')), t('結合される段落')] },
      { type: 'paragraph', content: [marker('type', by(staff, 'b4'), 'heading', 3), t('見出しにする段落')] },
      {
        type: 'paragraph',
        content: [t('数値目標は'), { type: 'text', text: '70店舗', marks: [{ type: SUGGESTION_FORMAT, attrs: { ...by(staff, 'b5'), mark: 'bold', action: 'add' } }] }, t('とし、'), { type: 'text', text: '旧文言', marks: [{ type: SUGGESTION_DELETE, attrs: by(member, 'b6') }] }, t('。')],
      },
    );
    writeProse(client.doc, proseSchema().nodeFromJSON(prose), null);
    await waitFor(async () => {
      const draft = await member.request('GET', `/api/plans/${plan.id}/compare?from=${adopted.id}&to=draft&suggestions=markup`);
      return JSON.stringify(draft.body.prose).includes('見出しにする段落');
    }, 'the suggestions to reach the server');
    const res = await staff.request('POST', `/api/plans/${plan.id}/revisions`, { name: '書式・段落の提案入り', stage: '素案' });
    expect(res.status).toBe(201);
    frozen = res.body.revision as Revision;
  });

  it('exports them as Word’s own revisions with the authors’ names when asked, and never a marker', async () => {
    const parts = await docxParts(`/api/revisions/${frozen.id}/export?format=docx&suggestions=markup`);
    noMarkerIn(parts);
    const xml = parts.get('word/document.xml')!;
    const name = (who: Signed) => who.user.name.replace(/&/g, '&amp;');
    expect(xml).toMatch(new RegExp(`<w:rPr><w:ins w:id="\\d+" w:author="${name(member)}" w:date="2026-01-05T01:02:03Z"/></w:rPr></w:pPr>[\\s\\S]{0,400}段落提案の前半。`));
    expect(xml).toMatch(new RegExp(`<w:ins w:id="\\d+" w:author="${name(staff)}"[^>]*><w:r><w:rPr>(?:(?!</w:r>)[\\s\\S])*</w:rPr><w:br/></w:r></w:ins>`));
    expect(xml).toMatch(new RegExp(`<w:rPr><w:del w:id="\\d+" w:author="${name(member)}"[^>]*/></w:rPr></w:pPr>`));
    expect(xml).toMatch(new RegExp(`<w:pStyle w:val="Heading3"/><w:pPrChange w:id="\\d+" w:author="${name(staff)}"[^>]*><w:pPr/></w:pPrChange>`));
    expect(xml).toMatch(new RegExp(`<w:b/><w:bCs/><w:rPrChange w:id="\\d+" w:author="${name(staff)}"[^>]*><w:rPr>(?:(?!</w:rPr>)[\\s\\S])*</w:rPr></w:rPrChange></w:rPr><w:t xml:space="preserve">70店舗</w:t>`));
    expect(xml).not.toContain(staff.user.id);
  });

  it('exports the adopted text by default: no revision of any kind and no marker', async () => {
    const parts = await docxParts(`/api/revisions/${frozen.id}/export?format=docx`);
    noMarkerIn(parts);
    const xml = parts.get('word/document.xml')!;
    expect(xml).not.toMatch(/<w:(ins|del|rPrChange|pPrChange)\b/);
    expect(xml).not.toContain('新しい段落の文。');
    expect(xml).toContain('改行前');
    const clean = (await download(`/api/revisions/${frozen.id}/export?format=html`)).toString('utf8');
    expect(clean).not.toMatch(MARKERS);
    expect(clean).toContain('<p>改行前改行後</p><p>結合される段落</p><p>見出しにする段落</p><p>数値目標は70店舗とし、旧文言。</p>');
  });

  it('prints them with ¶ ↵ and labelled marks and the proposed formatting noted when asked', async () => {
    const page = (await download(`/api/revisions/${frozen.id}/export?format=html&suggestions=markup`)).toString('utf8');
    expect(page).not.toMatch(MARKERS);
    expect(page).toMatch(/<p>段落提案の前半。<ins class="sg sg-\d sg-break" title="[^"]*段落を分ける提案[^"]*">¶<\/ins><\/p><p><ins [^>]*>新しい段落の文。<\/ins><\/p>/);
    expect(page).toMatch(/改行前<ins class="sg sg-\d sg-break"[^>]*>↵<\/ins><br>改行後/);
    expect(page).toContain('>↰ 前の段落と結合</ins>結合される段落');
    expect(page).toContain('>→ 見出し3</ins>見出しにする段落');
    expect(page).toMatch(/<strong>70店舗<\/strong><\/span><sup class="sg sg-\d sg-note">太字<\/sup>/);
  });

  it('shows them by symbol in the 新旧対照表 when asked, and compares without markers either way', async () => {
    const url = `/api/plans/${plan.id}/compare?from=${adopted.id}&to=${frozen.id}`;
    const plain = await member.request('GET', url);
    expect(JSON.stringify(plain.body)).not.toMatch(MARKERS);
    const marked = await member.request('GET', `${url}&suggestions=markup`);
    expect(JSON.stringify(marked.body)).not.toMatch(MARKERS);
    const segments = (marked.body.prose as ProseDiffRow[]).flatMap((row) => row.new?.segments ?? []);
    expect(segments.filter((s) => s.suggestion?.structure).map((s) => [s.text, s.suggestion!.structure!.op])).toEqual([
      ['¶', 'split'],
      ['↵', 'line'],
      ['↰', 'join'],
      ['→', 'type'],
    ]);
    expect(segments.find((s) => s.formats)).toMatchObject({ text: '70店舗', formats: [{ mark: 'bold', action: 'add', author: staff.user.id }] });
    for (const query of ['', '&suggestions=markup']) {
      noMarkerIn(await docxParts(`/api/plans/${plan.id}/compare/export?from=${adopted.id}&to=${frozen.id}&format=docx${query}`));
      expect((await download(`/api/plans/${plan.id}/compare/export?from=${adopted.id}&to=${frozen.id}&format=html${query}`)).toString('utf8')).not.toMatch(MARKERS);
    }
  });

  it('records decisions on them with a break read as a newline and no marker, and makes the changes', async () => {
    const ids = ['b1', 'b2', 'b3', 'b4', 'b5', 'b6'].map((nonce) => by(nonce === 'b2' || nonce === 'b4' || nonce === 'b5' ? staff : member, nonce).id);
    const res = await chair.request('POST', `/api/plans/${plan.id}/suggestions/decisions`, { decision: 'accept', ids });
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).not.toMatch(MARKERS);
    const decided = new Map((res.body.decided as Array<{ suggestionId: string; inserted: string }>).map((d) => [d.suggestionId, d.inserted]));
    expect(decided.get(by(member, 'b1').id)).toBe('\n新しい段落の文。');
    expect(decided.get(by(staff, 'b2').id)).toBe('\n');
    expect(decided.get(by(member, 'b3').id)).toBe('');
    const history = await member.request('GET', `/api/plans/${plan.id}/suggestions/decisions`);
    expect(history.status).toBe(200);
    expect(JSON.stringify(history.body)).not.toMatch(MARKERS);
    const audit = await chair.request('GET', `/api/plans/${plan.id}/audit`);
    expect(JSON.stringify(audit.body)).not.toMatch(MARKERS);

    // The draft now has the changes made, and no marker left.
    const probe = await demo.connect(chair);
    await waitFor(() => !JSON.stringify(proseJsonOf(probe.doc.getXmlFragment('body')).prose).includes('suggestion'), 'the decisions to reach a client');
    const prose = proseJsonOf(probe.doc.getXmlFragment('body')).prose;
    expect(JSON.stringify(prose)).not.toMatch(MARKERS);
    const blocks = (prose.content ?? []).map((b) => [b.type, (b.content ?? []).map((n) => (n.type === 'hardBreak' ? '\n' : (n.text ?? ''))).join('')]);
    expect(blocks).toEqual(expect.arrayContaining([['paragraph', '段落提案の前半。'], ['paragraph', '新しい段落の文。'], ['heading', '見出しにする段落']]));
    expect(blocks.some(([, text]) => text === '改行前\n改行後結合される段落')).toBe(true);
  });
});
