import { type Meeting, type ProseNode, hasXmlForbidden } from '@sakutei/shared';
import { hostileText } from '@sakutei/shared/testing/hostileText';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type MeetingDocumentSource, meetingDocumentDocx, meetingDocumentHtml, meetingDocumentModel } from './meetingDocuments';
import { agendaModel, attendanceModel, meetingDateLine, minutesModel, type MeetingSource, type MinutesSource } from './meetingModel';
import { openOfficeStrict } from './testing/officeStrict';

/*
 * The meeting documents' models (次第, 出席者名簿, 議事録) and what Word and the print page make
 * of them: the 官公庁 head, the numbered items, the roster's table, the minutes anonymised, and
 * hostile text (very long titles, controls, names with spaces) that still opens.
 */

function meeting(over: Partial<Meeting> = {}): Meeting {
  return {
    id: 'm1',
    kind: 'regular',
    subcommittee: null,
    title: '',
    date: '2026-05-20',
    startTime: '14:00',
    endTime: '16:00',
    place: '市役所 第1会議室',
    onlineUrl: null,
    status: 'scheduled',
    fiscalYear: 2026,
    ordinal: 1,
    label: '令和8年度 第1回',
    agendaSentAt: null,
    agenda: [
      { id: 'a1', position: 1, title: '開会', presenter: '', minutes: 5, links: [], changedAfterSent: false },
      {
        id: 'a2',
        position: 2,
        title: '議事 (1) 計画の中間案について',
        presenter: '事務局',
        minutes: 60,
        links: [{ kind: 'revision', revisionId: 'r1', label: '第2版「中間案」' }, { kind: 'text', text: '委員意見と対応' }],
        changedAfterSent: false,
      },
      { id: 'a3', position: 3, title: '閉会', presenter: '', minutes: null, links: [], changedAfterSent: false },
    ],
    attendance: [
      { userId: 'u-member', name: '佐藤　花子', role: 'member', attendance: 'proxy', proxyName: '佐藤 次郎' },
      { userId: 'u-chair', name: '山田 太郎', role: 'chair', attendance: 'present', proxyName: null },
      { userId: 'u-member2', name: '鈴木 一郎', role: 'member', attendance: 'absent', proxyName: null },
      { userId: 'u-vice', name: '伊藤 直子', role: 'vice_chair', attendance: 'online', proxyName: null },
      { userId: 'u-staff', name: '高橋 美咲', role: 'staff', attendance: 'present', proxyName: null },
    ],
    quorum: { rule: { kind: 'moreThanHalf', proxyCounts: true }, required: 3, present: 3, met: true, voters: 4 },
    decisions: [],
    version: 1,
    ...over,
  };
}

const source = (over: Partial<Meeting> = {}, councilName = '福島市総合計画審議会'): MeetingSource => ({
  councilName,
  meeting: meeting(over),
  materials: [
    { label: '資料1', title: '令和7年度 実施状況' },
    { label: '資料2', title: '骨子案' },
  ],
});

const PEOPLE = meeting().attendance.map((e) => ({ userId: e.userId, name: e.name, role: e.role }));

const para = (...texts: Array<string | { bold: string }>): ProseNode => ({
  type: 'paragraph',
  content: texts.map((t) => (typeof t === 'string' ? { type: 'text', text: t } : { type: 'text', text: t.bold, marks: [{ type: 'bold' }] })),
});

const minutesProse: ProseNode = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '1　開会' }] },
    para({ bold: '山田座長：' }, '開会します。'),
    para({ bold: '事務局（高橋）：' }, '資料1を説明します。'),
    para({ bold: '鈴木委員：' }, '佐藤 花子委員の意見に賛成です。'),
    para({ bold: '佐藤委員：' }, 'ありがとうございます。鈴木一郎さんの指摘のとおりです。'),
    para({ bold: '伊藤副座長：' }, '了承します。'),
  ],
};

const minutes = (over: Partial<MinutesSource> = {}): MinutesSource => ({
  ...source(),
  prose: minutesProse,
  confirmed: true,
  hash: 'ab'.repeat(32),
  names: 'asSpoken',
  people: [...PEOPLE, { userId: 'proxy:u-member', name: '佐藤 次郎', role: 'member' }],
  ...over,
});

/** Blocks on lines of their own, a block's text runs joined. */
const textOf = (node: ProseNode): string => node.text ?? (node.content ?? []).map(textOf).join(node.type === 'paragraph' || node.type === 'heading' ? '' : '\n');

describe('the 次第 model', () => {
  it('titles the meeting in the 官公庁 way and lists 日時, 場所, the numbered items and the materials', () => {
    const model = agendaModel(source());
    expect(model.head.title).toBe('令和8年度 第1回 福島市総合計画審議会 次第');
    expect(model.head.lines).toEqual([
      { label: '日時', text: '令和8年5月20日（水）14:00～16:00' },
      { label: '場所', text: '市役所 第1会議室' },
    ]);
    expect(model.items).toEqual([
      { number: '1', title: '開会', note: '（5分）', links: [] },
      { number: '2', title: '議事 (1) 計画の中間案について', note: '（事務局・60分）', links: ['第2版「中間案」', '委員意見と対応'] },
      { number: '3', title: '閉会', note: null, links: [] },
    ]);
    expect(model.materials.map((m) => `${m.label} ${m.title}`)).toEqual(['資料1 令和7年度 実施状況', '資料2 骨子案']);
  });

  it('names a subcommittee, an extraordinary or written meeting, and an online link, in the heading and lines', () => {
    const gone = source();
    gone.meeting.agenda[1]!.links = [
      { kind: 'kpi', planId: 'p1', kpiId: 'k1', label: '計画 指標① 創業件数', gone: false },
      { kind: 'material', materialId: 'm9', label: '資料2 削除した資料', gone: true },
    ];
    expect(agendaModel(gone).items[1]!.links).toEqual(['計画 指標① 創業件数', '資料2 削除した資料（削除済み）']);
    expect(agendaModel(source({ kind: 'subcommittee', subcommittee: '商業' })).head.title).toBe('令和8年度 第1回 福島市総合計画審議会 商業部会 次第');
    expect(agendaModel(source({ kind: 'extraordinary' })).head.title).toBe('令和8年度 第1回 福島市総合計画審議会（臨時） 次第');
    const online = agendaModel(source({ place: '', onlineUrl: 'https://meet.example.jp/x', title: '中間案の審議' })).head;
    expect(online.lines).toEqual([
      { label: '日時', text: '令和8年5月20日（水）14:00～16:00' },
      { label: 'オンライン', text: 'https://meet.example.jp/x' },
    ]);
    expect(online.subtitle).toBe('中間案の審議');
  });

  it('writes the day of the week of the council’s own date, with or without times', () => {
    expect(meetingDateLine({ date: '2019-05-01', startTime: null, endTime: null })).toBe('令和元年5月1日（水）');
    expect(meetingDateLine({ date: '2026-03-31', startTime: '09:30', endTime: null })).toBe('令和8年3月31日（火）09:30～');
  });
});

describe('the 出席者名簿 model', () => {
  it('is a table 区分 / 氏名 / 出欠 in role order, with the proxy named, and the quorum below', () => {
    const model = attendanceModel(source());
    expect(model.table.head[0]!.map((c) => c.text)).toEqual(['区分', '氏名', '出欠']);
    expect(model.table.body).toEqual([
      ['座長', '山田 太郎', '出席'],
      ['副座長', '伊藤 直子', '出席（オンライン）'],
      ['委員', '佐藤　花子', '代理出席（佐藤 次郎）'],
      ['委員', '鈴木 一郎', '欠席'],
      ['事務局', '高橋 美咲', '出席'],
    ]);
    expect(model.summary).toEqual(['委員 4名中 出席 3名（うち代理 1名）', '定足数 3名（出席 3名、定足数を満たしている）', '事務局 出席 1名']);
  });
});

describe('the 議事録 model', () => {
  it('keeps names as spoken and lists who came and who did not', () => {
    const model = minutesModel(minutes());
    expect(model.head.title).toBe('令和8年度 第1回 福島市総合計画審議会 議事録');
    expect(model.head.lines.find((l) => l.label === '出席者')!.text).toBe('山田 太郎（座長）、伊藤 直子（副座長）、佐藤　花子（委員、代理 佐藤 次郎）、高橋 美咲（事務局）');
    expect(model.head.lines.find((l) => l.label === '欠席者')!.text).toBe('鈴木 一郎（委員）');
    expect(textOf(model.prose)).toContain('鈴木委員：');
    expect(model.footer).toEqual([`確定した議事録（SHA-256 ${'ab'.repeat(32)}）`]);
  });

  it('anonymised: no name of anyone on the roll remains, each member keeps one letter, attendance is counted', () => {
    const model = minutesModel(minutes({ names: 'anonymised' }));
    const text = textOf(model.prose) + model.head.lines.map((l) => l.text).join('\n');
    for (const name of ['山田', '太郎', '佐藤', '花子', '次郎', '鈴木', '一郎', '伊藤', '直子', '高橋', '美咲']) expect(text).not.toContain(name);
    expect(textOf(model.prose)).toBe(
      '1　開会\n座長：開会します。\n事務局：資料1を説明します。\n委員A：委員Bの意見に賛成です。\n委員B：ありがとうございます。委員Aの指摘のとおりです。\n副座長：了承します。',
    );
    expect(model.head.lines.find((l) => l.label === '出席者')!.text).toBe('委員 3名（うち代理 1名）、事務局 1名');
    // Marks stay where they were.
    expect(model.prose.content![1]!.content![0]).toEqual({ type: 'text', text: '座長：', marks: [{ type: 'bold' }] });
  });

  it('anonymised: a name split across marks is still found (the run becomes one node)', () => {
    const prose: ProseNode = { type: 'doc', content: [para({ bold: '佐藤' }, '委員：はい。', { bold: '山田座長：' }, '了解。')] };
    const model = minutesModel(minutes({ names: 'anonymised', prose }));
    expect(textOf(model.prose)).toBe('委員A：はい。座長：了解。');
    expect(textOf(model.prose)).not.toContain('佐藤');
  });

  it('marks a draft 案 in the title and says so below', () => {
    const model = minutesModel(minutes({ confirmed: false, hash: null }));
    expect(model.head.title).toBe('令和8年度 第1回 福島市総合計画審議会 議事録（案）');
    expect(model.draft).toBe(true);
    expect(model.footer[0]).toBe('この議事録は確定前の案です。');
  });
});

const kinds = (s: MeetingSource): MeetingDocumentSource[] => [
  { kind: 'agenda', source: s },
  { kind: 'attendance', source: s },
  { kind: 'minutes', source: { ...minutes(), ...s } },
];

describe('the files', () => {
  it('print the title, the lines and the body, escaped', () => {
    const html = meetingDocumentHtml({ kind: 'agenda', source: source({ title: '<script>alert(1)</script>' }) });
    expect(html).toContain('<h1 class="doc-title">令和8年度 第1回 福島市総合計画審議会 次第</h1>');
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('<dt>日時</dt><dd>令和8年5月20日（水）14:00～16:00</dd>');
    expect(html).toContain('資料2');
    const roster = meetingDocumentHtml({ kind: 'attendance', source: source() });
    expect(roster).toContain('代理出席（佐藤 次郎）');
    const anonymised = meetingDocumentHtml({ kind: 'minutes', source: minutes({ names: 'anonymised', confirmed: false }) });
    for (const name of ['山田', '佐藤', '鈴木', '伊藤', '高橋']) expect(anonymised).not.toContain(name);
    expect(anonymised).toContain('議事録（案）');
  });

  it('write Word files whose every part a strict XML parser reads, with the text in them', async () => {
    for (const input of kinds(source())) {
      const parts = openOfficeStrict(await meetingDocumentDocx(input));
      const body = parts.get('word/document.xml')!;
      expect(body).toContain(meetingDocumentModel(input).head.title);
      if (input.kind === 'agenda') expect(body).toContain('議事 (1) 計画の中間案について');
      if (input.kind === 'attendance') expect(body).toContain('代理出席（佐藤 次郎）');
      if (input.kind === 'minutes') expect(body).toContain('了承します。');
    }
  });

  it('open whatever hostile text the council, the meeting, the roll and the minutes hold (property)', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, hostileText, fc.string({ minLength: 300, maxLength: 600 }), async (text, name, long) => {
        const s = source(
          {
            title: long + text,
            place: text,
            agenda: [{ id: 'a', position: 1, title: long + text, presenter: name, minutes: 5, links: [{ kind: 'text', text }], changedAfterSent: false }],
            attendance: [{ userId: 'u', name: `${name} ${name}`, role: 'member', attendance: 'proxy', proxyName: text }],
          },
          long + text,
        );
        const s2: MinutesSource = { ...s, prose: { type: 'doc', content: [para({ bold: `${name}委員：` }, text)] }, confirmed: false, hash: null, names: 'anonymised', people: [{ userId: 'u', name, role: 'member' }] };
        for (const input of [...kinds(s).slice(0, 2), { kind: 'minutes' as const, source: s2 }]) {
          expect(hasXmlForbidden(meetingDocumentHtml(input))).toBe(false);
          openOfficeStrict(await meetingDocumentDocx(input));
        }
      }),
      { numRuns: 12 },
    );
  });
});
