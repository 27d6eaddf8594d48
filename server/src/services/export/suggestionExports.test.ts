import { type PlanSnapshot, type ProseNode, diffMeasures, diffProse, overlaySuggestions } from '@sakutei/shared';
import { proseView } from '@sakutei/shared/editor';
import { describe, expect, it } from 'vitest';
import { compareDocx, compareHtml } from './compareDocument';
import { revisionDocx, revisionHtml } from './revisionDocument';
import { fixtureRevision, fixtureSnapshot } from './testing/planFixture';
import { openOfficeStrict } from './testing/officeStrict';

/*
 * Pending suggestions in the revision's Word file and print page: as Word's tracked changes
 * (w:ins / w:del with the author's name and time) or 見え消し when asked, and the wording
 * adopted so far (every suggestion as if rejected) by default.
 */

const AT_HANAKO = Date.UTC(2026, 11, 6, 5, 4, 3, 210);
const AT_JIRO = Date.UTC(2026, 11, 7, 1, 0, 0);
const mark = (type: string, id: string, author: string, at: number) => ({ type, attrs: { id, author, at } });

/** 「支援を拡充する」 with 「拡充」→「大幅強化」 proposed by hanako and 「積極的に」 proposed by jiro; a line break proposed for removal. */
function suggestedProse(): ProseNode {
  return {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: '第1章 基本方針' }] },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: '中小企業の' },
          { type: 'text', text: '積極的に', marks: [mark('suggestionInsert', 's2', 'u-jiro', AT_JIRO)] },
          { type: 'text', text: '支援を' },
          { type: 'text', text: '拡充', marks: [{ type: 'bold' }, mark('suggestionDelete', 's1', 'u-hanako', AT_HANAKO)] },
          { type: 'text', text: '大幅強化', marks: [mark('suggestionInsert', 's1', 'u-hanako', AT_HANAKO)] },
          { type: 'text', text: 'する。' },
          { type: 'hardBreak', marks: [mark('suggestionDelete', 's3', 'u-gone', AT_JIRO)] },
          { type: 'text', text: '以上' },
        ],
      },
      { type: 'codeBlock', content: [{ type: 'text', text: 'x = 1' }, { type: 'text', text: '0', marks: [mark('suggestionInsert', 's4', 'u-jiro', AT_JIRO)] }] },
    ],
  };
}

const snapshot = (): PlanSnapshot => ({ ...fixtureSnapshot('old'), prose: suggestedProse() });
const authors = [
  { id: 'u-jiro', name: '鈴木 次郎' },
  { id: 'u-hanako', name: '佐藤 花子' },
];
const base = { calendar: 'wareki' as const };

async function documentXml(options: Parameters<typeof revisionDocx>[3]): Promise<string> {
  const parts = openOfficeStrict(await revisionDocx('計画', fixtureRevision(), snapshot(), options));
  return parts.get('word/document.xml')!;
}

/** The text Word shows in the body once every change is rejected (w:t only, w:delText restored). */
const bodyText = (xml: string) => [...xml.matchAll(/<w:(?:t|delText)(?: [^>]*)?>([^<]*)<\/w:(?:t|delText)>/g)].map((m) => m[1]).join('');

describe('revision DOCX with suggestions', () => {
  it('writes pending suggestions as tracked changes with the author’s name, the time and unique ids', async () => {
    const xml = await documentXml({ ...base, suggestions: { view: 'markup', authors } });
    const inserts = [...xml.matchAll(/<w:ins w:id="(\d+)" w:author="([^"]*)" w:date="([^"]*)">([\s\S]*?)<\/w:ins>/g)];
    const deletes = [...xml.matchAll(/<w:del w:id="(\d+)" w:author="([^"]*)" w:date="([^"]*)">([\s\S]*?)<\/w:del>/g)];
    expect(inserts.map((m) => [m[2], m[3], /<w:t[^>]*>([^<]*)<\/w:t>/.exec(m[4]!)?.[1]])).toEqual([
      ['鈴木 次郎', '2026-12-07T01:00:00Z', '積極的に'],
      ['佐藤 花子', '2026-12-06T05:04:03Z', '大幅強化'],
      // In a code block too, in its font.
      ['鈴木 次郎', '2026-12-07T01:00:00Z', '0'],
    ]);
    expect(inserts[2]![4]).toContain('Consolas');
    const deletedText = deletes.map((m) => [m[2], /<w:delText[^>]*>([^<]*)<\/w:delText>/.exec(m[4]!)?.[1] ?? null, m[4]!.includes('<w:br/>')]);
    // An account that is gone still has a name Word can show; a deleted break is a break inside w:del.
    expect(deletedText).toEqual([
      ['佐藤 花子', '拡充', false],
      ['（不明な利用者）', null, true],
    ]);
    // The deleted word keeps its bold; deleted text is never in a w:t (Word would show it as kept).
    expect(deletes[0]![4]).toContain('<w:b/>');
    expect(xml).not.toMatch(/<w:t[^>]*>拡充<\/w:t>/);
    const ids = [...inserts, ...deletes].map((m) => m[1]);
    expect(new Set(ids).size).toBe(5);
    // User ids never reach the file.
    expect(xml).not.toContain('u-hanako');
    expect(xml).toContain('校閲');
  });

  it('writes a suggestion whose time no date can hold (an editor’s client may write any number) instead of failing', async () => {
    const odd = (): ProseNode => ({
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: '遠い未来', marks: [mark('suggestionInsert', 's9', 'u-jiro', 1e300)] }] }],
    });
    const parts = openOfficeStrict(await revisionDocx('計画', fixtureRevision(), { ...snapshot(), prose: odd() }, { ...base, suggestions: { view: 'markup', authors } }));
    expect(parts.get('word/document.xml')).toMatch(/<w:ins [^>]*w:date="1970-01-01T00:00:00Z"/);
    expect(revisionHtml('計画', fixtureRevision(), { ...snapshot(), prose: odd() }, { ...base, suggestions: { view: 'markup', authors } })).toContain('日時不明');
  });

  it('prints the adopted wording by default: no tracked change, no proposed text', async () => {
    for (const options of [base, { ...base, suggestions: { view: 'clean' as const, authors } }]) {
      const xml = await documentXml(options);
      expect(xml).not.toMatch(/<w:(ins|del)\b/);
      expect(xml).not.toContain('大幅強化');
      expect(xml).not.toContain('積極的に');
      expect(bodyText(xml)).toContain('中小企業の支援を拡充する。');
    }
  });
});

describe('revision print page with suggestions', () => {
  it('shows 見え消し in each author’s colour, with a legend naming them', async () => {
    const html = revisionHtml('計画', fixtureRevision(), snapshot(), { ...base, suggestions: { view: 'markup', authors } });
    expect(html).toContain('class="sg-legend"');
    expect(html).toMatch(/<span class="sg-0">■ 鈴木 次郎<\/span><span class="sg-1">■ 佐藤 花子<\/span>/);
    expect(html).toMatch(/<ins class="sg sg-0" title="鈴木 次郎・追加の提案・2026-12-07 01:00 UTC">積極的に<\/ins>/);
    expect(html).toMatch(/<del class="sg sg-1" title="[^"]*">(<strong>)?拡充(<\/strong>)?<\/del><ins class="sg sg-1"[^>]*>大幅強化<\/ins>/);
    // An author not in the list (a removed account) prints grey, not in someone else's colour.
    expect(html).toMatch(/<del class="sg sg-x"[^>]*><br><\/del>/);
    expect(html).toMatch(/<pre>x = 1<ins class="sg sg-0"[^>]*>0<\/ins><\/pre>/);
  });

  it('prints the adopted wording by default, without legend or marks', () => {
    const html = revisionHtml('計画', fixtureRevision(), snapshot(), base);
    expect(html).not.toContain('class="sg-legend"');
    expect(html).not.toMatch(/<(ins|del)\b/);
    expect(html).toContain('中小企業の支援を<strong>拡充</strong>する。<br>以上');
    expect(html).toContain('<pre>x = 1</pre>');
  });

  it('leaves a plan without suggestions as it was, even when markup is asked', async () => {
    const plain = { ...fixtureSnapshot('old') };
    const asked = revisionHtml('計画', fixtureRevision(), plain, { ...base, suggestions: { view: 'markup', authors: [] } });
    expect(asked).toBe(revisionHtml('計画', fixtureRevision(), plain, base));
  });
});

describe('新旧対照表 with the newer side’s suggestions', () => {
  // The older side is the wording adopted so far: every row's change is a pending suggestion.
  const older = { ...fixtureSnapshot('old'), prose: proseView(suggestedProse(), 'clean') };
  const comparison = () => ({
    from: { label: '第1版', revisionId: 'r1' },
    to: { label: '現在の案', revisionId: null },
    prose: overlaySuggestions(diffProse(proseView(older.prose, 'clean'), proseView(suggestedProse(), 'clean')), suggestedProse()),
    measures: diffMeasures(older.measures, older.measures),
    suggestionAuthors: authors,
  });
  const options = { calendar: 'wareki' as const, order: 'new-old' as const, now: new Date(Date.UTC(2026, 11, 7)) };

  it('prints them in their authors’ colours with a legend, apart from the comparison’s marks', () => {
    const html = compareHtml('計画', comparison(), options);
    expect(html).toContain('class="sg-legend"');
    expect(html).toContain('<ins class="sg sg-0">積極的に</ins>');
    expect(html).toMatch(/<del class="sg sg-1">拡充<\/del><ins class="sg sg-1">大幅強化<\/ins>/);
  });

  it('writes them doubled in Word, in the author’s colour, with a note naming the authors', async () => {
    const xml = openOfficeStrict(await compareDocx('計画', comparison(), options)).get('word/document.xml')!;
    expect(xml).toMatch(/<w:color w:val="1D4ED8"\/>[\s\S]{0,200}<w:u w:val="double"\/>[\s\S]{0,200}積極的に/);
    expect(xml).toMatch(/<w:dstrike\/>[\s\S]{0,200}拡充/);
    expect(xml).toContain('鈴木 次郎、佐藤 花子');
  });
});
