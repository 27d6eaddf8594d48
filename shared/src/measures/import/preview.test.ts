import { describe, expect, it } from 'vitest';
import {
  FUKUSHIMA_FOREIGN_HEADER,
  KORIYAMA_LEVEL_COLUMNS,
  KORIYAMA_PDF_CHAPTER,
  KORIYAMA_PDF_LINES,
  KORIYAMA_ROLES_TABLE,
} from '../fixtures/importTables';
import type { HierarchyScheme } from '../model';
import { FUKUSHIMA_SCHEME, KORIYAMA_SCHEME } from '../model';
import { rememberedMapping } from './mapping';
import { parseDelimited } from './delimited';
import { isPageLine, matchKey, similarKeys } from './normalise';
import { previewHierarchyImport } from './preview';
import type { HierarchyPreview, HierarchyPreviewOptions } from './previewTypes';
import { projectName, splitReprintMark } from './reprints';

const random = () => 0.5;

function preview(text: string, scheme: HierarchyScheme = FUKUSHIMA_SCHEME, options: Partial<HierarchyPreviewOptions> = {}) {
  let n = 0;
  return previewHierarchyImport(parseDelimited(text), { scheme, newId: () => `id${++n}`, random, ...options });
}

/** Each imported row as `line depth name`, projects in brackets, in input order. */
function outline(result: HierarchyPreview): string[] {
  const nodes = new Map(result.nodes.map((node) => [node.id, node]));
  const projects = new Map(result.projects.map((project) => [project.id, project.name]));
  return result.lines.map(({ line, nodeId, depth }) => {
    const node = nodes.get(nodeId)!;
    const name = node.kind === 'placement' ? `[${projects.get(node.projectId!) ?? node.projectId}]` : node.title;
    return `${line} ${'  '.repeat(depth)}${name}`;
  });
}

const codes = (result: HierarchyPreview) => result.problems.map((problem) => [problem.line, problem.code]);

describe("previewHierarchyImport: a header in another council's words", () => {
  const result = preview(FUKUSHIMA_FOREIGN_HEADER);

  it('finds the header below the title and maps every column by its words', () => {
    expect(result.headerLine).toBe(4);
    expect(result.mode).toBe('table');
    expect(result.columns.map((column) => [column.header, column.field, column.source])).toEqual([
      ['No.', 'number', 'header'],
      ['施策名', 'name', 'header'],
      ['取組内容', 'description', 'header'],
      ['所管課', 'contacts', 'header'],
      // 方向性 may be a level or a status; over 新規 / 充実 / 継続 it is the status.
      ['方向性', 'status', 'header'],
    ]);
    expect(result.unimportedColumns).toEqual([]);
  });

  it('imports every row, skipping the repeated header and the page number', () => {
    expect(result.problems).toEqual([]);
    expect(outline(result)).toEqual([
      '5 経営の革新・向上・改善、経営基盤の強化及び販路開拓',
      '6   経営の革新、向上及び改善',
      '7     [相談支援事業]',
      '8     [産業支援コーディネート事業]',
      '9     [街なか店舗経営力向上支援事業]',
      '10     [ふくしまデジタル・イノベーション・アワード事業]',
      '13     [デジタル人材バンク事業]',
      '14     [デジタル技術を活用したものづくり企業のスマート化支援事業]',
      '15     [キャッシュレス決済端末導入支援事業]',
      '16   経営基盤の強化及び販路開拓',
      '17     [相談支援事業]',
    ]);
    const first = result.nodes[2]!;
    expect(first.description).toBe('商工会議所や各商工会による経営相談・指導の充実を図ります。');
    expect(result.projects[0]!.contacts).toEqual([{ organisation: '福島商工会議所経営支援課', section: '', phone: '024-536-3900' }]);
  });

  it('counts rows per level, projects, statuses and 再掲', () => {
    expect(result.rowsPerLevel.map((level) => [level.level, level.count])).toEqual([
      ['施策体系', 1],
      ['施策', 2],
      ['主要な事業', 8],
    ]);
    expect(result.projectCount).toBe(7);
    expect(result.statusCounts).toEqual({ new: 2, enhanced: 1, continued: 5, none: 0 });
    expect(result.reprints).toEqual([
      { kind: 'matched', line: 17, text: '相談支援事業（再掲）', name: '相談支援事業', matchedLine: 7, confirmed: false },
    ]);
    expect(result.nodes.at(-1)!.projectId).toBe(result.nodes[2]!.projectId);
  });
});

describe('previewHierarchyImport: Koriyama tables', () => {
  it('reads the 相関表: a two-row header, and names the role columns it does not import', () => {
    const result = preview(KORIYAMA_ROLES_TABLE, KORIYAMA_SCHEME);
    expect(result.headerLine).toBe(1);
    expect(result.columns[0]).toMatchObject({ header: '取り組み内容・施策', field: 'name' });
    expect(result.unimportedColumns.map((column) => [column.index, column.header, column.reason])).toEqual([
      [1, '推進に向けた役割 事業者', 'ignored'],
      [2, '支援機関', 'ignored'],
      [3, '研究機関', 'ignored'],
      [4, '行政', 'ignored'],
    ]);
    expect(result.unimportedColumns[0]!.samples).toEqual(['◎', '○', '◎']);
    // The legend under the table is a note, said and skipped, not a 主な施策.
    expect(codes(result)).toEqual([[33, 'noteSkipped']]);
    expect(result.problems[0]!.detail).toMatch(/^"◎：主たる役割 ○：連携・協力するなどの役割" reads as a note/);
    // `I.` is a 目指すべき姿; `1.` under it a 目標 printed without its parent's `Ⅰ-`.
    expect(result.rowsPerLevel.map((level) => level.count)).toEqual([4, 25, 0]);
    expect(outline(result).slice(0, 3)).toEqual([
      '3 地域商業の振興 ～“e-経済県都”こおりやまの実現～',
      '4   e-commerce時代のICT活用による販路開拓・経営力の向上',
      '5   地域資源を活かした産業の振興',
    ]);
  });

  it('reads one column per level, headed by the level names, and the 再掲 that say where from', () => {
    const result = preview(KORIYAMA_LEVEL_COLUMNS, KORIYAMA_SCHEME);
    expect(result.columns.map((column) => column.field)).toEqual(['name', 'name', 'name']);
    expect(result.problems).toEqual([]);
    expect(outline(result).slice(0, 7)).toEqual([
      '2 地域商業の振興 ～“e-経済県都”こおりやまの実現～',
      '3   e-commerce時代のICT活用による販路開拓・経営力の向上',
      '4     [クラウドの利用などICTフル活用]',
      '5     [e-commerce、キャッシュレスへの対応(ネット販売戦略)]',
      '6   地域資源を活かした産業の振興',
      '7     [空き店舗活用の推進]',
      // A name starting with a figure stays a name where the column says the level.
      '8     [6次化産業の推進]',
    ]);
    expect(result.reprints.map((reprint) => [reprint.kind, reprint.line, reprint.kind === 'matched' ? reprint.matchedLine : null])).toEqual([
      ['matched', 17, 11],
      ['matched', 18, 14],
      ['matched', 25, 21],
      ['matched', 26, 22],
      ['matched', 27, 23],
    ]);
    expect(result.projectCount).toBe(11);
  });

  it('reads the chapter as copied from the PDF: level words, captions, bullets and broken words', () => {
    const result = preview(KORIYAMA_PDF_LINES, KORIYAMA_SCHEME);
    expect(result.problems).toEqual([]);
    expect(outline(result)).toEqual([
      '1 地域商業の振興 ～“e-経済県都”こおりやまの実現～',
      '2   商品力の向上と国内外の販路拡大',
      '4     [商談会・物産展への出展]',
      // Kept as typed: the spaces are the PDF's, but the name is the user's to correct.
      '5     [J E T R O、J I C A 等を活用した海外への商品展開]',
      '6   時代の潮流に対応できる物流環境の整備・推進',
      '8     [物流システムの I C T 化・合理化]',
      '9     [物流施設の立地促進・充実に向けた情報共有]',
      '10     [運送業における若手人材の確保・育成]',
      '11 経営基盤の強化 ～「稼ぐ力」の向上～',
      '12   経営の効率化・労働資源の有効活用・健康経営の取り組み',
      '14     [女性・シニア・外国人など新たな人材の発掘・育成]',
      '15     [ICTやSNSのフル活用]',
      // `目標 III` on a line of its own, then `7. …`: one 目標, not lost and not merged.
      '17   SDGs に定める持続可能な経済成長の促進',
      '19     [地域資源の情報発信と活用促進]',
      '20 次世代人材の育成 ～イノベーションを担う人づくり革命～',
      '21   新時代を切り拓く多様な起業家の育成',
      '23     [起業エコシステムの整備・ネットワークの構築]',
      '24     [女性・シニア・外国人など新たな人材の発掘・育成]',
      // A heading the PDF broke over two lines is one 目標.
      '25   東京一極集中への対策、Uターンの推進',
      '28     [本市優良企業の市外への魅力発信]',
    ]);
    // The 再掲 has a stray space from the PDF and still finds its project.
    expect(result.reprints).toEqual([
      {
        kind: 'matched',
        line: 24,
        text: '女性・シニア・外国人など新たな 人材の発掘・育成(再掲Ⅲ-3)',
        name: '女性・シニア・外国人など新たな人材の発掘・育成',
        matchedLine: 14,
        confirmed: false,
      },
    ]);
  });
});

describe('previewHierarchyImport: lines a PDF broke', () => {
  it('takes the prose between headings as their contents, and lists the footnotes it leaves out', () => {
    const result = preview(KORIYAMA_PDF_CHAPTER, KORIYAMA_SCHEME);
    expect(outline(result)).toEqual([
      '1 新しい産業の創出 ～第4次産業革命時代への対応～',
      '5   破壊的技術²⁴を活用した生産性革命、新産業創出',
      '15     [AI・RPA・IoTなど新技術の活用による新産業の創出]',
      '21   新たな成長産業の育成・集積、核となる企業の誘致',
    ]);
    const goal = result.nodes[1]!;
    expect(goal.description.split('\n').map((paragraph) => paragraph.slice(0, 12))).toEqual(['AI・RPA・IoTなど', '今後短期間のうちに世界の']);
    expect(codes(result)).toEqual([
      [17, 'noteSkipped'],
      [19, 'noteSkipped'],
    ]);
    expect(result.problems[1]!.detail).toMatch(/^"²⁴ 破壊的技術：.*" reads as a note/);
  });

  it('joins a line that can only continue the name above, and no other', () => {
    const result = preview(['Ⅰ. 地域商業の振興', '1. 東京一極集中への対策、Uターン', 'の推進', 'ものづくり人材の確保', 'にぎわい創出'].join('\n'), KORIYAMA_SCHEME);
    expect(outline(result)).toEqual([
      '1 地域商業の振興',
      '2   東京一極集中への対策、Uターンの推進',
      '4     [ものづくり人材の確保]',
      '5     [にぎわい創出]',
    ]);
  });
});

describe('previewHierarchyImport: numbers as people type them', () => {
  it('takes a number running straight into Latin letters', () => {
    const result = preview(['1 地域産業の振興', '(2)ICT活用による経営力向上', '③DX推進支援事業', '⑦EC販路開拓支援'].join('\n'));
    expect(result.problems).toEqual([]);
    expect(outline(result)).toEqual(['1 地域産業の振興', '2   ICT活用による経営力向上', '3     [DX推進支援事業]', '4     [EC販路開拓支援]']);
  });

  it('reads a level word and its number in separate cells, in one cell, or on the line above', () => {
    const scheme: HierarchyScheme = {
      id: 'x',
      name: '基本目標・施策・事業',
      levels: [
        { name: '基本目標', numbering: '{arabic}' },
        { name: '施策', numbering: '({arabic})' },
        { name: '事業', numbering: '{circled}' },
      ],
    };
    const text = [
      '基本目標\t2.\t地域産業の振興',
      '施策\t(1)\t商業の活性化',
      '事業\t①\t空き店舗活用',
      '基本目標\t3.\t人材の育成',
      '施策\t(1)\t起業家の育成',
      '基本目標 4.\t\t働き方改革',
      '施策\t\t(1) テレワークの推進',
    ].join('\n');
    const result = preview(text, scheme);
    expect(result.columns.map((column) => column.field)).toEqual(['levelWord', 'number', 'name']);
    expect(result.problems).toEqual([]);
    expect(outline(result)).toEqual([
      '1 地域産業の振興',
      '2   商業の活性化',
      '3     [空き店舗活用]',
      // The second 基本目標 is its own top-level row, and its 施策 are under it.
      '4 人材の育成',
      '5   起業家の育成',
      '6 働き方改革',
      '7   テレワークの推進',
    ]);
  });

  it('reads level words the plan calls by other names in their order, and says so', () => {
    const text = ['基本目標 1 経営の革新', '施策の方向 1 経営の改善', '①相談支援事業', '基本目標 2 創業の支援'].join('\n');
    const result = preview(text);
    expect(outline(result)).toEqual(['1 経営の革新', '2   経営の改善', '3     [相談支援事業]', '4 創業の支援']);
    // Said once per word, at its first row.
    expect(codes(result)).toEqual([
      [1, 'unknownLevelWord'],
      [2, 'unknownLevelWord'],
    ]);
    expect(result.problems[1]!.detail).toContain('read as 施策');
  });

  it('reads full-width header words and numbers', () => {
    const result = preview(['Ｎｏ．\t施策名\t担当課', '１\t経営の革新\t', '（１）\t経営の改善\t', '②\t融資事業\t産業雇用政策課'].join('\n'));
    expect(result.columns.map((column) => column.field)).toEqual(['number', 'name', 'contacts']);
    expect(result.problems).toEqual([]);
    expect(outline(result)).toEqual(['2 経営の革新', '3   経営の改善', '4     [融資事業]']);
  });

  it('reads 第1章 as a level word', () => {
    const result = preview(['第1章 経営の革新', '(1) 経営の改善'].join('\n'));
    expect(outline(result)).toEqual(['1 経営の革新', '2   経営の改善']);
  });

  it("reports a row carrying two levels' numbers, and a skipped level naming the row", () => {
    const result = preview(['番号\t名称', '1 (1)\t経営の改善', '①\t相談支援事業', '2\t創業の支援', '①\t創業スクール'].join('\n'));
    expect(codes(result)).toEqual([
      [2, 'levelMerged'],
      [5, 'depthJump'],
    ]);
    expect(result.problems[0]!.detail).toContain('"1 (1)"');
    expect(result.problems[1]!.detail).toContain('"創業スクール"');
    expect(result.problems[1]!.detail).toContain('"創業の支援"');
    expect(outline(result)).toEqual(['2   経営の改善', '3     [相談支援事業]', '4 創業の支援', '5     [創業スクール]']);
  });

  it('refuses a number that fits no level, saying what to do', () => {
    const result = preview(['番号\t名称', '1\t経営の革新', 'A\t謎の行'].join('\n'));
    expect(codes(result)).toEqual([[3, 'unknownNumbering']]);
    expect(result.problems[0]!.detail).toMatch(/^"A" starts with no number or level word of .*; add one/);
  });
});

describe('previewHierarchyImport: columns', () => {
  it('keeps every column of a table without a header, and reads it by the look of the data', () => {
    const text = [
      '1\t経営の革新\t\t\t',
      '(1)\t経営の改善\t\t\t',
      '①\t相談支援事業\t継続\t商工会議所や各商工会による経営相談・指導の充実を図ります。\t福島市 商業振興課 TEL 024-525-3723',
      '②\tチャレンジショップ\t新規\t空き店舗を活用して出店を目指す人に店舗を貸し出します。\t福島市 にぎわい商業課',
    ].join('\n');
    const result = preview(text);
    expect(result.mode).toBe('table');
    expect(result.headerLine).toBeNull();
    expect(result.columns.map((column) => [column.field, column.source])).toEqual([
      ['number', 'data'],
      ['name', 'data'],
      ['status', 'data'],
      ['description', 'data'],
      ['contacts', 'data'],
    ]);
    expect(result.statusCounts).toMatchObject({ new: 1, continued: 1 });
    expect(result.projects[1]!.contacts).toEqual([{ organisation: '福島市', section: 'にぎわい商業課', phone: '' }]);
  });

  it('finds a header under 25 rows of captions', () => {
    const captions = Array.from({ length: 25 }, (_, i) => `説明文 ${i + 1}`);
    const result = preview([...captions, '事業名\t担当課\t概要', '① 相談支援事業\t商業振興課\t経営相談を行います。'].join('\n'));
    expect(result.headerLine).toBe(26);
    expect(result.columns.map((column) => column.field)).toEqual(['name', 'contacts', 'description']);
    expect(outline(result)).toEqual(['27     [相談支援事業]']);
  });

  it('reads 方向性 as a level when it holds names, and as a status when it holds 新規 / 継続', () => {
    const scheme: HierarchyScheme = {
      id: 'k',
      name: '基本方針・方向性・具体的施策',
      levels: [
        { name: '基本方針', numbering: '{arabic}' },
        { name: '方向性', numbering: '({arabic})' },
        { name: '具体的施策', numbering: '{circled}' },
      ],
    };
    const asLevel = preview(
      ['基本方針\t方向性\t具体的施策\t所管課', '1 商業の振興\t(1) 商店街の活性化\t①空き店舗対策\t商業振興課', '\t\t②イベント支援\t商業振興課'].join('\n'),
      scheme,
    );
    expect(asLevel.columns.map((column) => column.field)).toEqual(['name', 'name', 'name', 'contacts']);
    expect(outline(asLevel)).toEqual(['2 商業の振興', '2   商店街の活性化', '2     [空き店舗対策]', '3     [イベント支援]']);
    const asStatus = preview(['番号\t施策名\t方向性', '①\t空き店舗対策\t継続', '②\tイベント支援\t新規'].join('\n'));
    expect(asStatus.columns[2]).toMatchObject({ field: 'status', source: 'header' });
    expect(asStatus.statusCounts).toMatchObject({ new: 1, continued: 1 });
  });

  it('names the status column a bad status came from when two columns read as status', () => {
    const result = preview(['番号\t施策名\t方向性\t区分', '①\t空き店舗対策\t継続\t重点', '②\tイベント支援\t新規\t'].join('\n'), FUKUSHIMA_SCHEME, {
      mapping: { 3: 'status' },
    });
    expect(result.problems.filter((problem) => problem.code === 'unknownStatus').map((problem) => [problem.line, problem.column])).toEqual([[2, '区分']]);
    // The readable status of the first column still counts.
    expect(result.statusCounts).toMatchObject({ new: 1, continued: 1 });
  });

  it('lets the caller remap any column, and names a column mapped to ignored', () => {
    const text = ['番号\t施策名\t取組内容\t備考', '①\t相談支援事業\t経営相談を行います。\t予算 100 万円'].join('\n');
    const inferred = preview(text);
    expect(inferred.unimportedColumns.map((column) => [column.header, column.reason])).toEqual([['備考', 'ignored']]);
    const remapped = preview(text, FUKUSHIMA_SCHEME, { mapping: { 2: 'ignored', 3: 'description' } });
    expect(remapped.columns.map((column) => [column.field, column.source])).toEqual([
      ['number', 'header'],
      ['name', 'header'],
      ['ignored', 'user'],
      ['description', 'user'],
    ]);
    expect(remapped.nodes[0]!.description).toBe('予算 100 万円');
    expect(remapped.unimportedColumns).toEqual([
      { index: 2, header: '取組内容', nonEmpty: 1, samples: ['経営相談を行います。'], reason: 'ignored' },
    ]);
  });

  it("re-applies a remembered mapping by header words to next year's columns in another order", () => {
    const thisYear = ['番号\t施策名\t取組内容\t備考', '①\t相談支援事業\t経営相談を行います。\t予算 100 万円'].join('\n');
    const remembered = rememberedMapping(preview(thisYear, FUKUSHIMA_SCHEME, { mapping: { 2: 'ignored', 3: 'description' } }).columns);
    expect(remembered).toEqual([
      { header: '番号', field: 'number' },
      { header: '施策名', field: 'name' },
      { header: '取組内容', field: 'ignored' },
      { header: '備考', field: 'description' },
    ]);
    const nextYear = ['備考\t番号\t取組内容\t施策名', '予算 120 万円\t①\t経営相談を続けます。\t相談支援事業'].join('\n');
    const result = preview(nextYear, FUKUSHIMA_SCHEME, { mapping: JSON.parse(JSON.stringify(remembered)) });
    expect(result.columns.map((column) => column.field)).toEqual(['description', 'number', 'ignored', 'name']);
    expect(result.nodes[0]!.description).toBe('予算 120 万円');
  });

  it('leaves out, and names, columns under header words it does not know when the contents have their own', () => {
    const text = [
      '番号\t事業名\t事業概要\t予算額（千円）\t備考',
      '①\t相談支援事業\t経営相談を行います。\t1,000\t令和6年度から商工会議所と共同で実施しており、相談件数は増加傾向にある。',
      '②\t融資事業\t制度融資を斡旋します。\t12,500\t',
    ].join('\n');
    const result = preview(text);
    expect(result.problems).toEqual([]);
    expect(result.columns.map((column) => column.field)).toEqual(['number', 'name', 'description', 'ignored', 'ignored']);
    expect(result.unimportedColumns.map((column) => [column.header, column.nonEmpty])).toEqual([
      ['予算額（千円）', 2],
      ['備考', 1],
    ]);
  });

  it('says so when no column holds the names', () => {
    const result = preview(['番号\t施策名', '①\t相談支援事業'].join('\n'), FUKUSHIMA_SCHEME, { mapping: { 1: 'ignored' } });
    expect(codes(result)).toEqual([[1, 'noNameColumn']]);
    expect(result.nodes).toEqual([]);
    expect(result.unimportedColumns.map((column) => column.header)).toEqual(['施策名']);
  });

  it('reads a 目次 as one, and names its page column', () => {
    const result = preview(['施策体系\t主要な事業\t成果指標\tページ', '1 経営の革新\t\t\t7', '(1) 経営の改善\t\t○\t7', '①相談支援事業\t\t\t8'].join('\n'));
    expect(result.mode).toBe('toc');
    expect(result.unimportedColumns.map((column) => [column.header, column.reason])).toEqual([['ページ', 'pageNumbers']]);
    expect(result.kpiLinks).toHaveLength(1);
  });
});

describe('previewHierarchyImport: 再掲', () => {
  const table = (reprint: string) => ['番号\t名称', '(1)\t創業の支援', '①\t創業支援事業', '(2)\t事業承継', `①\t${reprint}`].join('\n');

  it('offers a similar name as a suggestion, keeping the mark until confirmed', () => {
    const result = preview(table('創業支援事業等（再掲）'));
    expect(result.reprints).toEqual([{ kind: 'suggested', line: 5, text: '創業支援事業等（再掲）', candidate: { name: '創業支援事業', line: 3 } }]);
    expect(codes(result)).toEqual([[5, 'reprintSuggested']]);
    expect(result.problems[0]!.detail).toContain('"創業支援事業" (on line 3)');
    expect(result.projects.map((project) => project.name)).toEqual(['創業支援事業', '創業支援事業等（再掲）']);
  });

  it('places the same project once the user confirms the suggestion', () => {
    const result = preview(table('創業支援事業等（再掲）'), FUKUSHIMA_SCHEME, { confirmedReprints: [{ line: 5, accept: true }] });
    expect(result.reprints).toEqual([
      { kind: 'matched', line: 5, text: '創業支援事業等（再掲）', name: '創業支援事業', matchedLine: 3, confirmed: true },
    ]);
    expect(result.problems).toEqual([]);
    expect(result.projects).toHaveLength(1);
    expect(result.nodes[3]!.projectId).toBe(result.nodes[1]!.projectId);
  });

  it('keeps and flags the mark of a 再掲 the user rejects or that matches nothing', () => {
    const rejected = preview(table('創業支援事業等（再掲）'), FUKUSHIMA_SCHEME, { confirmedReprints: [{ line: 5, accept: false }] });
    expect(rejected.reprints).toEqual([{ kind: 'unmatched', line: 5, text: '創業支援事業等（再掲）' }]);
    const unmatched = preview(table('販路開拓支援（再掲）'));
    expect(codes(unmatched)).toEqual([[5, 'reprintUnmatched']]);
    expect(unmatched.projects.map((project) => project.name)).toContain('販路開拓支援（再掲）');
  });

  it('matches a name whose widths, dots and spaces differ', () => {
    const result = preview(table('創業 支援 事業 【再掲】'));
    expect(result.reprints[0]).toMatchObject({ kind: 'matched', name: '創業支援事業' });
  });

  it('places a project already in the plan', () => {
    const result = preview(['番号\t名称', '①\tチャレンジショップ（再掲）'].join('\n'), FUKUSHIMA_SCHEME, {
      existingProjects: [{ id: 'p-existing', name: 'チャレンジショップ' }],
    });
    expect(result.nodes[0]!.projectId).toBe('p-existing');
    expect(result.projects).toEqual([]);
    expect(result.reprints).toEqual([
      { kind: 'matched', line: 2, text: 'チャレンジショップ（再掲）', name: 'チャレンジショップ', matchedLine: null, confirmed: false },
    ]);
  });
});

describe('normalising for matching', () => {
  it('folds widths, spaces, dots, dashes and brackets', () => {
    expect(matchKey('ＩＴ 導入\n支援事業（補助金）')).toBe(matchKey('IT導入支援事業(補助金)'));
    expect(matchKey('えふ･サポート')).toBe(matchKey('えふ・サポート'));
    expect(matchKey('ウィズ―ポスト')).toBe(matchKey('ウィズ-ポスト'));
    expect(matchKey('①相談')).not.toBe(matchKey('1相談'));
  });

  it('calls names similar when a few characters apart or one inside the other', () => {
    expect(similarKeys('創業支援事業等', '創業支援事業')).toBe(true);
    expect(similarKeys('ふくしま産業交流フェア事業', 'ふくしま産業交流フエア事業')).toBe(true);
    // Two projects of the seed programme: too far apart to offer.
    expect(similarKeys('省エネエネルギー設備導入支援事業', '省エネ設備導入支援事業')).toBe(false);
    expect(similarKeys('創業支援', '販路開拓')).toBe(false);
    expect(similarKeys('県北', '県北技塾')).toBe(false);
  });

  it('knows page lines', () => {
    for (const line of [['- 12 -'], ['12 ページ'], ['page 3'], ['P.4'], ['3 / 20'], ['\f'], ['――――'], ['---', '', '---']]) expect(isPageLine(line)).toBe(true);
    for (const line of [['12'], ['① 相談'], ['page', '3']]) expect(isPageLine(line)).toBe(false);
  });

  it('takes 再掲 marks off in every spelling, keeping the rest as typed', () => {
    for (const text of ['相談支援事業 (再掲)', '相談支援事業（再掲）', '相談支援事業【再掲】', '相談支援事業(再掲Ⅱ-2)', '相談支援事業(再掲 III-5)', '相談支援事業（再 掲）', '（再掲）相談支援事業']) {
      expect(splitReprintMark(text)).toEqual({ name: '相談支援事業', marked: true });
    }
    expect(splitReprintMark('再掲載事業')).toEqual({ name: '再掲載事業', marked: false });
    expect(projectName(' 相談 支援事業 ')).toBe('相談 支援事業');
  });
});

describe('two columns mapped to one single-valued field', () => {
  it('uses the left cell and names a different value in the other, for number, 区分 and status alike', () => {
    const text = [
      '番号\t施策番号\t名称\t区分\t種別\t方向性\t状況',
      '1\t1\t観光と産業の連携\t施策\t施策\t\t',
      '(1)\t(2)\t体験型観光の推進\t施策\t\t\t',
      '①\t\t農業体験ツアー事業\t事業\t施策\t新規\t継続',
    ].join('\n');
    const result = preview(text, FUKUSHIMA_SCHEME, {
      mapping: { 0: 'number', 1: 'number', 2: 'name', 3: 'kind', 4: 'kind', 5: 'status', 6: 'status' },
    });
    expect(outline(result)).toHaveLength(3);
    const conflicts = result.problems.filter((problem) => problem.code === 'conflictingColumns');
    expect(conflicts.map((problem) => [problem.line, problem.column, problem.detail.split(';')[0]])).toEqual([
      [3, '施策番号', '"(2)" differs from "(1)" in 番号, which was used'],
      [4, '種別', '"施策" differs from "事業" in 区分, which was used'],
      [4, '状況', '"継続" differs from "新規" in 方向性, which was used'],
    ]);
  });
});

describe('doubtful rows', () => {
  it('asks about a long unnumbered one-cell row (a paragraph a PDF cut at a page end), and imports it', () => {
    const paragraph = '本市では人口減少が進む中で地域の担い手を確保するため関係機関と連携しながら多様な人材の育成に取り組んでいく必要があり';
    const text = ['番号\t名称', 'Ⅰ\t産業の活性化', 'Ⅰ-1\t観光と産業の連携', '\t農業体験ツアーの推進', `\t${paragraph}`].join('\n');
    const result = preview(text, KORIYAMA_SCHEME);
    expect(result.problems.filter((problem) => problem.code === 'doubtfulRow').map((problem) => problem.line)).toEqual([5]);
    expect(outline(result)).toHaveLength(4);
  });
});
