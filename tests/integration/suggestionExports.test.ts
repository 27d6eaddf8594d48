import type { PlanSummary, ProseDiffRow, ProseNode, Revision } from '@sakutei/shared';
import { proseSchema } from '@sakutei/shared/editor';
import { beforeAll, describe, expect, it } from 'vitest';
import { openOfficeStrict } from '../../server/src/services/export/testing/officeStrict';
import { proseJsonOf } from '../../server/src/services/proseJson';
import { writeProse } from '../../server/src/services/proseWrite';
import { waitFor } from '../support/collab';
import { type Signed, demoPlan } from '../support/demoPlan';

/*
 * Pending suggestions (見え消し) where the text is handed out, through the real routes of a
 * real server: a revision frozen with suggestions in it keeps them; its Word file carries them
 * as tracked changes Word can accept or reject (w:ins / w:del with the author's NAME and a
 * date) only when asked, and otherwise the wording adopted so far; the 新旧対照表 compares
 * clean texts unless asked to show the newer side's suggestions.
 */

const demo = demoPlan(['member', 'staff', 'observer']);
let plan: PlanSummary;
let member: Signed, staff: Signed, observer: Signed;
let adopted: Revision;
let frozen: Revision;
const AT = Date.UTC(2026, 0, 5, 1, 2, 3);

beforeAll(async () => {
  ({ plan, users: [member, staff, observer] } = demo);
  const revisions = (await member.request('GET', `/api/plans/${plan.id}/revisions`)).body.revisions as Revision[];
  adopted = revisions.find((revision) => revision.review.status === 'approved')!;
});

const mark = (kind: 'ins' | 'del', id: string, author: string) => ({ type: kind === 'ins' ? 'suggestionInsert' : 'suggestionDelete', attrs: { id, author, at: AT } });

const documentXml = async (url: string) => openOfficeStrict((await demo.download(member, url)).bytes).get('word/document.xml')!;

describe('suggestions in the text handed out', () => {
  it('freezes a revision that keeps its pending suggestions', async () => {
    const client = await demo.connect(member);
    // The member proposes 「追加の語句」; staff's 事務局案 replaces 「拡充」 with 「大幅強化」 — as the editor writes them.
    const { prose } = proseJsonOf(client.doc.getXmlFragment('body'));
    const paragraph: ProseNode = {
      type: 'paragraph',
      content: [
        { type: 'text', text: '見え消しの段落：支援を' },
        { type: 'text', text: '追加の語句', marks: [mark('ins', 's-member', member.user.id)] },
        { type: 'text', text: '拡充', marks: [mark('del', 's-staff', staff.user.id)] },
        { type: 'text', text: '大幅強化', marks: [mark('ins', 's-staff', staff.user.id)] },
        { type: 'text', text: 'する。' },
      ],
    };
    prose.content!.push(paragraph);
    writeProse(client.doc, proseSchema().nodeFromJSON(prose), null);
    await waitFor(async () => {
      const draft = await member.request('GET', `/api/plans/${plan.id}/compare?from=${adopted.id}&to=draft&suggestions=markup`);
      return JSON.stringify(draft.body.prose).includes('大幅強化');
    }, 'the suggestions to reach the server');

    const res = await staff.request('POST', `/api/plans/${plan.id}/revisions`, { name: '提案入り', stage: '素案' });
    expect(res.status).toBe(201);
    frozen = res.body.revision as Revision;
    const stored = (await member.request('GET', `/api/revisions/${frozen.id}`)).body.snapshot.prose as ProseNode;
    expect(stored.content).toContainEqual(paragraph);
  });

  it('exports the revision as DOCX with tracked changes by their authors’ names when asked', async () => {
    const xml = await documentXml(`/api/revisions/${frozen.id}/export?format=docx&suggestions=markup`);
    const inserts = [...xml.matchAll(/<w:ins w:id="\d+" w:author="([^"]*)" w:date="([^"]*)">[\s\S]*?<w:t[^>]*>([^<]*)<\/w:t>[\s\S]*?<\/w:ins>/g)].map((m) => [m[1], m[2], m[3]]);
    const deletes = [...xml.matchAll(/<w:del w:id="\d+" w:author="([^"]*)" w:date="([^"]*)">[\s\S]*?<w:delText[^>]*>([^<]*)<\/w:delText>[\s\S]*?<\/w:del>/g)].map((m) => [m[1], m[2], m[3]]);
    expect(inserts).toEqual([
      [member.user.name, '2026-01-05T01:02:03Z', '追加の語句'],
      [staff.user.name, '2026-01-05T01:02:03Z', '大幅強化'],
    ]);
    expect(deletes).toEqual([[staff.user.name, '2026-01-05T01:02:03Z', '拡充']]);
    expect(xml).not.toContain(member.user.id);
    expect(xml).not.toContain(staff.user.id);
  });

  it('exports the wording adopted so far by default: neither the proposed text nor any change', async () => {
    for (const query of ['', '&suggestions=clean']) {
      const xml = await documentXml(`/api/revisions/${frozen.id}/export?format=docx${query}`);
      expect(xml).not.toMatch(/<w:(ins|del)\b/);
      expect(xml).not.toContain('追加の語句');
      expect(xml).not.toContain('大幅強化');
      expect(xml).toContain('見え消しの段落：支援を');
    }
    expect((await member.request('GET', `/api/revisions/${frozen.id}/export?format=docx&suggestions=all`)).status).toBe(400);
  });

  it('prints 見え消し with a legend naming the authors, or the clean text', async () => {
    const marked = (await demo.download(member, `/api/revisions/${frozen.id}/export?format=html&suggestions=markup`)).bytes.toString('utf8');
    expect(marked).toContain('class="sg-legend"');
    expect(marked).toContain(`■ ${member.user.name}`);
    expect(marked).toMatch(/<ins class="sg sg-\d" title="[^"]+">追加の語句<\/ins>/);
    const clean = (await demo.download(member, `/api/revisions/${frozen.id}/export?format=html`)).bytes.toString('utf8');
    expect(clean).toContain('見え消しの段落：支援を拡充する。');
    expect(clean).not.toContain('class="sg-legend"');
  });

  it('compares clean texts by default and shows the newer side’s suggestions when asked', async () => {
    const url = `/api/plans/${plan.id}/compare?from=${adopted.id}&to=${frozen.id}`;
    const plain = await member.request('GET', url);
    expect(plain.status).toBe(200);
    const row = (rows: ProseDiffRow[]) => rows.find((r) => r.new?.text.startsWith('見え消しの段落'))!;
    expect(row(plain.body.prose).new!.text).toBe('見え消しの段落：支援を拡充する。');
    expect(JSON.stringify(plain.body.prose)).not.toContain('suggestion');
    expect(plain.body.suggestionAuthors).toBeUndefined();

    const marked = await member.request('GET', `${url}&suggestions=markup`);
    expect(marked.status).toBe(200);
    const segments = row(marked.body.prose).new!.segments;
    expect(segments.filter((s) => s.suggestion).map((s) => [s.text, s.suggestion!.kind, s.suggestion!.author])).toEqual([
      ['追加の語句', 'insert', member.user.id],
      ['拡充', 'delete', staff.user.id],
      ['大幅強化', 'insert', staff.user.id],
    ]);
    expect(marked.body.suggestionAuthors).toEqual([
      { id: member.user.id, name: member.user.name },
      { id: staff.user.id, name: staff.user.name },
    ]);

    const xml = await documentXml(`/api/plans/${plan.id}/compare/export?from=${adopted.id}&to=${frozen.id}&format=docx&suggestions=markup`);
    expect(xml).toMatch(/<w:u w:val="double"\/>[\s\S]{0,200}大幅強化/);
    expect(xml).toContain(staff.user.name);
    const cleanXml = await documentXml(`/api/plans/${plan.id}/compare/export?from=${adopted.id}&to=${frozen.id}&format=docx`);
    expect(cleanXml).not.toContain('大幅強化');
  });

  it('changes nothing about who may export: an observer sees neither the unapproved revision nor its suggestions', async () => {
    for (const query of ['', '&suggestions=markup']) {
      expect((await observer.request('GET', `/api/revisions/${frozen.id}/export?format=docx${query}`)).status).toBe(404);
      expect((await observer.request('GET', `/api/plans/${plan.id}/compare?from=${adopted.id}&to=${frozen.id}${query}`)).status).toBe(404);
      // An approved revision is theirs to take, with or without its suggestions.
      await demo.download(observer, `/api/revisions/${adopted.id}/export?format=html${query}`);
    }
  });
});
