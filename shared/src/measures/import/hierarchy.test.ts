import { describe, expect, it } from 'vitest';
import type { HierarchyScheme, NodeRecord } from '../model';
import { FUKUSHIMA_SCHEME, KORIYAMA_SCHEME } from '../model';
import { parseDelimited } from './delimited';
import type { HierarchyImport } from './hierarchy';
import { parseContacts } from '../text/contacts';
import { importHierarchy, projectName } from './hierarchy';

/** The first part of the seed programme's 目次 (pages 7–18), as pasted from Word. */
const TOC_PASTE = [
  '施策体系\t主要な事業\t成果指標\tページ',
  '1 経営の革新・向上・改善、経営基盤の強化及び販路開拓\t\t\t7',
  '(1) 経営の革新、向上及び改善\t\t○\t7',
  '①相談支援事業\t\t\t7',
  '②産業支援コーディネート事業\t\t○\t7',
  '③よろず支援拠点\t\t\t8',
  '④支援制度の活用広報事業\t\t\t8',
  '⑤中小企業融資事業\t\t\t8',
  '⑥中小企業信用保証料補助事業\t\t\t8',
  '⑦街なか店舗経営力向上支援事業\t\t\t9',
  '⑧ふくしまデジタル・イノベーション・アワード事業\t\t\t9',
  '⑨デジタル人材バンク事業\t\t\t9',
  '⑩価格転嫁への支援\t\t\t9',
  '⑪サービス等生産性向上 IT 導入支援事業 (IT 導入補助金)\t\t\t10',
  '⑫デジタル技術を活用したものづくり企業のスマート化支援事業\t\t\t10',
  '⑬ものづくり・商業・サービス生産性向上促進事業 (ものづくり補助金)\t\t\t10',
  '⑭中小企業省力化投資補助事業\t\t\t10',
  '⑮キャッシュレス決済端末導入支援事業\t\t\t10',
  '(2) 経営基盤の強化及び販路開拓\t\t\t11',
  '①新製品・新技術開発支援事業\t\t○\t11',
  '②ロボット・航空産業に係る支援\t\t\t11',
  '③ふくしま新製品・新システム応援事業\t\t○\t11',
  '④航空宇宙産業集積推進事業\t\t\t12',
  '⑤ふくしまチャレンジ・フィールド\t\t\t12',
  '⑥小規模事業者持続的発展支援事業 (持続化補助金)\t\t\t12',
  '2 創業と承継、経済的・社会的環境の変化への適応\t\t\t13',
  '(1) 創業及び事業の承継\t\t\t13',
  '①産業競争力強化法に基づく創業支援等事業計画の推進\t\t○\t13',
  '②福島市「街ぐるみ」創業支援体制 (ふくしまるっと)\t\t\t13',
  '③女性の起業チャレンジ応援パッケージ\t\t\t14',
  '④クリエイティブビジネスサロン\t\t\t14',
  '⑤チャレンジショップ\t\t\t14',
  '⑥創業応援利子補給事業\t\t\t14',
  '',
  '施策体系\t主要な事業\t成果指標\tページ',
  '\t⑦女性の創業応援利子補給事業\t\t14',
  '\t⑧新規出店支援事業\t\t15',
  '\t⑨街なか出店入居者家賃補助事業\t○\t15',
  '\t⑩福島県事業承継・引継ぎ支援センター\t\t15',
  '\t⑪事業承継・引継ぎ支援事業（事業承継・M&A補助金）\t\t15',
  '(2)経済的・社会的環境の変化への適応 ～ウィズ・ポストコロナへの対応とSDGsへの取組み推進～\t\t\t16',
  '①事業継続力支援事業\t○\t16\t',
  '②中小企業ゼロカーボン資金融資事業\t\t16\t',
  '③中小企業ゼロカーボン資金融資信用保証料補助事業\t\t16\t',
  '④事業系ごみの2R（リデュース・リユース）の推進\t○\t16\t',
  '⑤カーボンニュートラル・水素関連産業推進事業\t\t17\t',
  '⑥再エネ関連産業产学研官連携・販路拡大促進事業\t\t17\t',
  '⑦省エネエネルギー設備導入支援事業\t\t17\t',
  '⑧省エネ設備導入支援事業\t\t17\t',
  '⑨クリーンエネルギー自動車導入促進補助金\t\t17\t',
  '⑩クリーンエネルギー自動車の普及促進に向けた充電・充てんインフラ等導入促進補助金\t\t\t18',
].join('\n');

function idSource(): () => string {
  let n = 0;
  return () => `id${++n}`;
}

/** A fixed random source, so order keys are the same on every run. */
const random = () => 0.5;

function run(text: string, scheme: HierarchyScheme = FUKUSHIMA_SCHEME) {
  return importHierarchy(parseDelimited(text), { scheme, newId: idSource(), random });
}

/** The imported tree as indented lines, children in key order: what a reader would see. */
function outline(value: HierarchyImport): string[] {
  const projects = new Map(value.projects.map((p) => [p.id, p]));
  const links = new Map(value.kpiLinks.map((l) => [l.nodeId, l.kpiNumbers]));
  const lines: string[] = [];
  const visit = (parent: string | null, depth: number) => {
    const children = value.nodes
      .filter((n) => n.position.parent === parent)
      .sort((a, b) => (a.position.key < b.position.key ? -1 : 1));
    for (const node of children) {
      const name = node.kind === 'placement' ? `[${projects.get(node.projectId!)!.name}]` : node.title;
      const kpis = links.get(node.id);
      lines.push(`${'  '.repeat(depth)}${name}${kpis ? ` ${kpis.join(',')}` : ''}`);
      visit(node.id, depth + 1);
    }
  };
  visit(null, 0);
  return lines;
}

describe('importHierarchy: a 目次 paste', () => {
  const { value, problems } = run(TOC_PASTE);

  it('reads every row, skipping the repeated header and the blank line', () => {
    expect(problems).toEqual([]);
    expect(value.nodes).toHaveLength(2 + 4 + 15 + 6 + 11 + 10);
    expect(value.nodes.filter((n) => n.kind === 'measure')).toHaveLength(6);
    expect(value.projects).toHaveLength(42);
  });

  it('nests rows by their numbers, wherever Word put the label', () => {
    const lines = outline(value);
    expect(lines.slice(0, 4)).toEqual([
      '経営の革新・向上・改善、経営基盤の強化及び販路開拓',
      '  経営の革新、向上及び改善 1',
      '    [相談支援事業]',
      '    [産業支援コーディネート事業] 2',
    ]);
    expect(lines).toContain('    [女性の創業応援利子補給事業]');
    expect(lines).toContain('  経済的・社会的環境の変化への適応 ～ウィズ・ポストコロナへの対応とSDGsへの取組み推進～');
    const second = value.nodes.find((n) => n.title === '創業及び事業の承継')!;
    expect(value.nodes.filter((n) => n.position.parent === second.id)).toHaveLength(11);
  });

  it('numbers the ○ marks in order, as the plan numbers its KPIs', () => {
    const projects = new Map(value.projects.map((p) => [p.id, p.name]));
    const named = value.kpiLinks.map((link) => {
      const node = value.nodes.find((n) => n.id === link.nodeId)!;
      return [node.kind === 'measure' ? node.title : projects.get(node.projectId!), link.kpiNumbers];
    });
    expect(named).toEqual([
      ['経営の革新、向上及び改善', [1]],
      ['産業支援コーディネート事業', [2]],
      ['新製品・新技術開発支援事業', [3]],
      ['ふくしま新製品・新システム応援事業', [4]],
      ['産業競争力強化法に基づく創業支援等事業計画の推進', [5]],
      ['街なか出店入居者家賃補助事業', [6]],
      ['事業継続力支援事業', [7]],
      ['事業系ごみの2R（リデュース・リユース）の推進', [8]],
    ]);
  });

  it('gives siblings increasing keys and every node a fresh id', () => {
    const ids = new Set(value.nodes.map((n) => n.id));
    expect(ids.size).toBe(value.nodes.length);
    const top = value.nodes.filter((n) => n.position.parent === null);
    expect(top.map((n) => n.title)).toEqual([
      '経営の革新・向上・改善、経営基盤の強化及び販路開拓',
      '創業と承継、経済的・社会的環境の変化への適応',
    ]);
    expect(top[0]!.position.key < top[1]!.position.key).toBe(true);
  });

  it('reports a row that has no number, and a jump over a level', () => {
    const text = ['1 経営の革新', '①相談支援事業', '②産業支援', '成果指標一覧\t\t37', '(1) 経営基盤'].join('\n');
    const { value: v, problems: p } = run(text);
    expect(p.map((x) => [x.line, x.code])).toEqual([
      [2, 'depthJump'],
      [4, 'unknownNumbering'],
    ]);
    expect(p[0]!.detail).toContain('経営の革新');
    // Both ① and ② sit directly under 1, as siblings, and (1) still follows.
    expect(outline(v)).toEqual(['経営の革新', '  [相談支援事業]', '  [産業支援]', '  経営基盤']);
  });
});

describe('importHierarchy: the measure-table format', () => {
  const header = '番号\t名称\t区分\t状況\t内容\t担当・連絡先\t成果指標';
  const text = [
    header,
    '1\t経営の革新\t施策\t\t\t\t',
    '(1)\t経営の改善\t施策\t\t企業の経営を支えます。\t\t⑰⑱',
    '①\t相談支援事業\t事業\t継続\t"経営相談の充実を図ります。\n巡回指導も行います。"\t"福島商工会議所 経営支援課 TEL 024-536-3900\n飯坂町商工会 TEL:024-542-3568"\t6,7',
    '②\tチャレンジショップ\t事業\t新規\t\t福島市 商業振興課 ＴＥＬ 024-525-3723\t○',
    '(2)\t販路開拓\t施策\t\t\t\t',
    '①\t相談支援事業 (再掲)\t事業\t充実\t販路の相談にも応じます。\t福島商工会議所 経営支援課 TEL 024-536-3900\t',
    '②\t新規事業\t施策\t\t\t\t',
  ].join('\n');
  const { value, problems } = run(text);

  it('reads kinds, statuses, descriptions and contacts', () => {
    expect(problems).toEqual([]);
    const [top, measure, first, second, , reprint, asMeasure] = value.nodes as NodeRecord[];
    expect(top).toMatchObject({ kind: 'measure', title: '経営の革新', position: { parent: null } });
    expect(measure).toMatchObject({ kind: 'measure', description: '企業の経営を支えます。', position: { parent: top!.id } });
    expect(first).toMatchObject({
      kind: 'placement',
      title: '',
      status: 'continued',
      description: '経営相談の充実を図ります。\n巡回指導も行います。',
      position: { parent: measure!.id },
    });
    expect(second).toMatchObject({ status: 'new' });
    // 区分 says 施策, so a row at the 主要な事業 level is still a measure.
    expect(asMeasure).toMatchObject({ kind: 'measure', title: '新規事業', projectId: null });
    expect(reprint).toMatchObject({ kind: 'placement', status: 'enhanced', projectId: first!.projectId });
  });

  it('makes one project of a 再掲 and merges its contacts', () => {
    expect(value.projects).toEqual([
      {
        id: value.nodes[2]!.projectId,
        name: '相談支援事業',
        contacts: [
          { organisation: '福島商工会議所', section: '経営支援課', phone: '024-536-3900' },
          { organisation: '飯坂町商工会', section: '', phone: '024-542-3568' },
        ],
      },
      {
        id: value.nodes[3]!.projectId,
        name: 'チャレンジショップ',
        contacts: [{ organisation: '福島市', section: '商業振興課', phone: '024-525-3723' }],
      },
    ]);
  });

  it('links KPIs by number, with ○ as the next one', () => {
    expect(value.kpiLinks).toEqual([
      { nodeId: value.nodes[1]!.id, kpiNumbers: [17, 18] },
      { nodeId: value.nodes[2]!.id, kpiNumbers: [6, 7] },
      { nodeId: value.nodes[3]!.id, kpiNumbers: [19] },
    ]);
  });

  it('reports bad cells by line and column and imports the rest', () => {
    const bad = [
      header,
      '1\t経営の革新\t施策\t\t\t\t',
      '(1)\t\t施策\t\t\t\t',
      'A\t謎の行\t\t\t\t\t',
      '①\t相談支援事業\t事業\t拡大\t\t\t',
      '②\t融資事業\t計画\t継続\t\t\t⑥?',
    ].join('\n');
    const { value: v, problems: p } = run(bad);
    expect(p.map((x) => [x.line, x.column, x.code])).toEqual([
      [3, '名称', 'missingName'],
      [4, '番号', 'unknownNumbering'],
      [5, '状況', 'unknownStatus'],
      [5, '番号', 'depthJump'],
      [6, '区分', 'unknownStatus'],
      [6, '成果指標', 'unknownKpiNumber'],
    ]);
    // The rows under the skipped (1) land under 1, reported as a jump.
    expect(outline(v)).toEqual(['経営の革新', '  [相談支援事業]', '  [融資事業]']);
  });

  it('reads a Koriyama table, whose 主な施策 are not numbered', () => {
    const koriyama = [
      header,
      'Ⅰ\t地域商業の振興\t施策\t\t\t\t',
      'Ⅰ-1\te-commerce時代のICT活用による販路開拓\t施策\t\t\t\t',
      '\t商店街のキャッシュレス化\t事業\t\t\t\t',
      '\tネット販売の支援\t事業\t\t\t\t',
      'Ⅰ-2\t地域資源を活かした産業の振興\t施策\t\t\t\t',
      'Ⅱ\t新しい産業の創出\t施策\t\t\t\t',
    ].join('\n');
    const { value: v, problems: p } = run(koriyama, KORIYAMA_SCHEME);
    expect(p).toEqual([]);
    expect(outline(v)).toEqual([
      '地域商業の振興',
      '  e-commerce時代のICT活用による販路開拓',
      '    [商店街のキャッシュレス化]',
      '    [ネット販売の支援]',
      '  地域資源を活かした産業の振興',
      '新しい産業の創出',
    ]);
  });

  it('reports empty input', () => {
    expect(run('').problems.map((p) => p.code)).toEqual(['emptyInput']);
  });
});

describe('parseContacts', () => {
  it('reads the export form, with or without the TEL mark', () => {
    expect(parseContacts('福島市 産業雇用政策課 TEL 024-515-7746\n県北地方振興局 TEL：024-521-2606\nよろず支援拠点 024-959-1741')).toEqual([
      { organisation: '福島市', section: '産業雇用政策課', phone: '024-515-7746' },
      { organisation: '県北地方振興局', section: '', phone: '024-521-2606' },
      { organisation: 'よろず支援拠点', section: '', phone: '024-959-1741' },
    ]);
  });

  it('reads the programme print, several to a line', () => {
    expect(parseContacts('○[飯坂町商工会](#) TEL 024-542-3568 ○[松川町商工会](#) TEL 024-567-2265')).toEqual([
      { organisation: '飯坂町商工会', section: '', phone: '024-542-3568' },
      { organisation: '松川町商工会', section: '', phone: '024-567-2265' },
    ]);
    expect(parseContacts('○福島市　企業立地課')).toEqual([{ organisation: '福島市', section: '企業立地課', phone: '' }]);
    expect(parseContacts('\n \n')).toEqual([]);
  });
});

describe('projectName', () => {
  it('drops 再掲 marks in their usual spellings', () => {
    for (const text of ['相談支援事業 (再掲)', '相談支援事業（再掲）', '相談支援事業【再掲】', ' 相談支援事業 再掲', '（再掲）相談支援事業']) {
      expect(projectName(text)).toBe('相談支援事業');
    }
    expect(projectName('再掲載事業')).toBe('再掲載事業');
  });
});

describe('a block pasted below the top level', () => {
  it('is a sub-tree, not a level gap', () => {
    const result = run('番号\t名称\t区分\t状況\n(3)\t地域産業のデジタル化推進\t施策\n①\t中小企業DX伴走支援事業\t事業\t新規\n(4)\t次の施策\t施策\n');
    expect(result.problems).toEqual([]);
    expect(result.value.nodes.map((node) => node.position.parent === null)).toEqual([true, false, true]);
  });
});

describe('importHierarchy: what issue 14 found', () => {
  it('imports a table whose header is in another council\'s words, below a caption', () => {
    const text = ['令和7年度 施策一覧', '', '', '', '番号\t施策名\t取組内容\t所管課\t方向性', '①\t相談支援事業\t経営相談を行います。\t商業振興課\t継続'].join('\n');
    const { value, problems } = run(text);
    expect(problems).toEqual([]);
    expect(value.nodes).toEqual([
      expect.objectContaining({ kind: 'placement', description: '経営相談を行います。', status: 'continued' }),
    ]);
    expect(value.projects[0]).toMatchObject({ name: '相談支援事業', contacts: [{ organisation: '商業振興課', section: '', phone: '' }] });
  });

  it('keeps a 再掲 mark that matches no project in the name', () => {
    const { value } = run(['番号\t名称', '①\t相談支援事業', '②\t販路開拓支援（再掲）'].join('\n'));
    expect(value.projects.map((project) => project.name)).toEqual(['相談支援事業', '販路開拓支援（再掲）']);
  });

  it('matches a 再掲 whose name a PDF broke with a space', () => {
    const { value } = run(['番号\t名称', '(1)\t経営', '①\t相談支援事業', '(2)\t販路', '①\t相談 支援事業（再掲）'].join('\n'));
    expect(value.projects).toHaveLength(1);
    expect(value.nodes[3]!.projectId).toBe(value.nodes[1]!.projectId);
  });
});
