import { diffMeasures, diffProse } from '@sakutei/shared';
import type { MeasureTable } from '@sakutei/shared/measures';
import { describe, expect, it } from 'vitest';
import { compareDocx, compareHtml } from './compareDocument';
import { fixtureSnapshot } from './testing/planFixture';
import { unzip } from './testing/unzip';

/*
 * The yearly parts of the 新旧対照表 (実施状況 and 評価・課題, issue 14) in the exports: a
 * section each, laid out as the screen lays them out, a changed text with its edit marked.
 */

const PLAN = '第2期福島市中小企業振興プログラム';

function withProgress(measures: MeasureTable, status: 'partial' | 'implemented', note: string): MeasureTable {
  return { ...measures, progress: { consult: { '2024': { status, note, figure: { value: 1200, unit: '件' } } } } };
}

function comparison() {
  const before = fixtureSnapshot('old');
  return {
    from: { label: '第1版 令和7年度版', revisionId: 'r1' },
    to: { label: '現在の案', revisionId: null },
    prose: diffProse(before.prose, before.prose),
    measures: diffMeasures(
      withProgress(before.measures, 'partial', '相談窓口を週2回開設した。'),
      withProgress(before.measures, 'implemented', '相談窓口を週3回開設した。'),
      { old: {}, new: { '2024|plan': '全体として順調に進んだ。' } },
    ),
  };
}

describe('the 新旧対照表 with 実施状況 and 評価・課題', () => {
  it('prints both sections in Word, the status in the report’s words and the note’s edit marked', async () => {
    const xml = unzip(await compareDocx(PLAN, comparison(), { calendar: 'wareki', order: 'new-old' })).get('word/document.xml')!;
    const text = (word: string) => `<w:t xml:space="preserve">${word}</w:t>`;
    expect(xml.indexOf(text('実施状況'))).toBeLessThan(xml.indexOf(text('評価・課題')));
    expect(xml).toContain(text('実施状況（令和6年度）'));
    expect(xml).toContain(text('一部実施'));
    expect(xml).toContain(text('評価・課題（令和6年度）'));
    expect(xml).toContain(text('全体として順調に進んだ。'));
    expect(xml).toContain(text('計画全体'));
    // The 2 struck out on the old side, the 3 underlined on the new: only what changed.
    expect(xml).toMatch(/<w:strike\/>[\s\S]{0,200}?<w:t xml:space="preserve">2<\/w:t>/);
    expect(xml).toMatch(/<w:u w:val="single"\/>[\s\S]{0,200}?<w:t xml:space="preserve">3<\/w:t>/);
  });

  it('prints the same in HTML, and says so when nothing yearly changed', () => {
    const html = compareHtml(PLAN, comparison(), { calendar: 'wareki', order: 'new-old' });
    expect(html).toContain('<h2>実施状況</h2>');
    expect(html).toContain('<h2>評価・課題</h2>');
    expect(html).toMatch(/<td>実施<\/td><td>一部実施<\/td>/);
    expect(html).toContain('相談窓口を週<del');
    expect(html).toContain('相談窓口を週<ins');

    const before = fixtureSnapshot('old');
    const quiet = compareHtml(PLAN, { ...comparison(), measures: diffMeasures(before.measures, before.measures) }, { calendar: 'wareki', order: 'new-old' });
    const progressPart = quiet.slice(quiet.indexOf('<h2>実施状況</h2>'));
    expect(progressPart.match(/変更はありません。/g)).toHaveLength(2);
  });
});
