/**
 * Demo content derived once from the seed 「第2期福島市中小企業振興プログラム（令和7年度版）」
 * (令和7年3月, 福島市), 第1章. Kept here so the app never reads the seeds at run time.
 */
export const DEMO_COUNCIL_NAME = '福島市中小企業振興会議';
export const DEMO_PLAN_TITLE = '第2期福島市中小企業振興プログラム（令和7年度版）';
export const DEMO_PASSWORD = 'sakutei-demo';

export const DEMO_ACCOUNTS = [
  { email: 'chair@example.jp', name: '座長 山田太郎', role: 'chair' },
  { email: 'member@example.jp', name: '委員 佐藤花子', role: 'member' },
  { email: 'member2@example.jp', name: '委員 鈴木一郎', role: 'member' },
  { email: 'staff@example.jp', name: '事務局 高橋美咲', role: 'staff' },
  { email: 'observer@example.jp', name: '傍聴 田中健', role: 'observer' },
] as const;

/** The demo installation's administrator: on no council (administration opens no plans). */
export const DEMO_ADMIN = { email: 'admin@example.jp', name: '管理者 中村直子' } as const;

type Block = { type: 'heading'; level: 1 | 2 | 3; text: string } | { type: 'paragraph'; text: string };

const CHAPTER_1: Block[] = [
  { type: 'heading', level: 1, text: '第1章 中小企業振興プログラムの趣旨' },
  { type: 'heading', level: 2, text: '1. 振興プログラム策定の目的' },
  {
    type: 'paragraph',
    text: '(1) 福島市中小企業振興基本条例(以下「条例」という。)第9条に定める施策の基本方針を具現化するための施策の体系、主要な事業及び成果指標を明らかにする。',
  },
  {
    type: 'paragraph',
    text: '(2) 条例第12条に定める福島市中小企業振興会議(以下「振興会議」という。)の意見を反映して策定及び見直しを行うことにより、本市の中小企業の実態により即した事業の展開を図る。',
  },
  { type: 'heading', level: 2, text: '2. 振興プログラムの期間' },
  { type: 'paragraph', text: '第2期 令和7年度の1年間' },
  {
    type: 'paragraph',
    text: '(第1期:平成28年度～令和3年度(6年間) ※新型コロナウイルス感染症の影響により1年延長 第2期:令和4年度～令和7年度(4年間))',
  },
  { type: 'heading', level: 2, text: '3. 振興プログラムの範囲' },
  {
    type: 'paragraph',
    text: '中小企業の振興に資する施策・事業のうち、条例第9条に定める施策の基本方針を具現化するうえで特に重要度の高い事業を位置づけるものとする。',
  },
  { type: 'heading', level: 2, text: '4. 振興プログラムの見直し' },
  {
    type: 'paragraph',
    text: '毎年度ごとの事業の実施状況や中小企業の実態、社会経済情勢等の諸条件の変化に応じて見直しを行い、ローリング方式により毎年度策定する。',
  },
  { type: 'heading', level: 2, text: '5. 企業アンケートの実施' },
  {
    type: 'paragraph',
    text: 'プログラムの見直しや企業ニーズを捉えた個別施策の実施に資するため、本プログラム期間中毎年度、本会議委員相互の協力のもと、企業アンケートを実施する。',
  },
];

/** Chapter 1 as a ProseMirror/TipTap JSON document. */
export function demoProseDocument() {
  return {
    type: 'doc',
    content: CHAPTER_1.map((b) =>
      b.type === 'heading'
        ? { type: 'heading', attrs: { level: b.level }, content: [{ type: 'text', text: b.text }] }
        : { type: 'paragraph', content: [{ type: 'text', text: b.text }] },
    ),
  };
}
