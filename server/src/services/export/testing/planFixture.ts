import type { PlanSnapshot, Revision } from '@sakutei/shared';
import { DEFAULT_MEASURE_SETTINGS, type KpiRecord, type MeasureTable, type NodeRecord, num } from '@sakutei/shared/measures';
import { proseWithTable } from '@sakutei/shared/fixtures/proseWithTable';
import { measureRow as measure, placementRow as placement } from '@sakutei/shared/fixtures/treeRows';

/** A small plan in the shape of the 福島市 programme: two 施策, their projects, six KPIs, and prose with a table. */

const kpi = (id: string, attachTo: string, name: string, unit: string, figures: [number, number, number, number], formerNames: string[] = []): KpiRecord => ({
  id,
  attachTo,
  key: 'a0',
  name,
  formerNames,
  unit,
  direction: figures[1] >= figures[0] ? 'higher' : 'lower',
  components: [],
  baseline: { value: num(figures[0]), fiscalYear: 2020, label: '' },
  target: { value: num(figures[1]), fiscalYear: 2025 },
  actuals: { '2022': num(figures[2]), '2023': num(figures[3]) },
  source: '',
});

export function fixtureMeasures(): MeasureTable {
  return {
    settings: DEFAULT_MEASURE_SETTINGS,
    nodes: [
      measure('m1', null, 'a0', '経営の革新・向上・改善、経営基盤の強化及び販路開拓'),
      measure('m11', 'm1', 'a0', '経営の革新、向上及び改善'),
      placement('consult', 'm11', 'a0', 'p-consult', '商工会議所や各商工会による経営相談・指導の充実を図ります。'),
      placement('coord', 'm11', 'a1', 'p-coord', '市産業支援コーディネーターが企業訪問等を通じ、各種支援を実施します。'),
      placement('yorozu', 'm11', 'a2', 'p-yorozu', '経営上のあらゆる課題について専門家が相談に応じます。'),
      measure('m12', 'm1', 'a1', '経営基盤の強化及び販路開拓'),
      measure('m2', null, 'a1', '創業と承継、経済的・社会的環境の変化への適応'),
      measure('m21', 'm2', 'a0', '創業及び事業の承継'),
      placement('shop', 'm21', 'a0', 'p-shop', '空き店舗を活用したチャレンジショップを運営します。'),
    ],
    projects: [
      { id: 'p-consult', name: '相談支援事業', contacts: [{ organisation: '福島市', section: '産業雇用政策課', phone: '024-515-7746' }] },
      { id: 'p-coord', name: '産業支援コーディネート事業', contacts: [{ organisation: '福島市', section: '産業雇用政策課', phone: '024-515-7746' }] },
      { id: 'p-yorozu', name: 'よろず支援拠点', contacts: [{ organisation: '福島県よろず支援拠点', section: '', phone: '024-525-4064' }] },
      { id: 'p-shop', name: 'チャレンジショップ', contacts: [{ organisation: '福島市', section: 'にぎわい商業課', phone: '024-525-3720' }] },
    ],
    kpis: [
      kpi('k1', 'm11', '市内中小企業の経営相談件数', '件/年', [4100, 4500, 4232, 4390]),
      kpi('k2', 'coord', 'コーディネーターの企業訪問件数', '件/年', [320, 400, 351, 377], ['企業訪問件数']),
      kpi('k3', 'yorozu', 'よろず支援拠点の相談件数', '件/年', [1200, 1500, 1310, 1420]),
      kpi('k4', 'm21', '中心市街地の空き店舗数', '店舗', [110, 80, 104, 102]),
      kpi('k5', 'm21', '創業支援による創業者数', '人/年', [95, 120, 101, 108]),
      kpi('k6', 'shop', 'チャレンジショップからの出店数', '店舗/年', [2, 4, 3, 3]),
    ],
    actors: [],
    roleCells: {},
  };
}

export function fixtureSnapshot(variant: 'old' | 'new' = 'old'): PlanSnapshot {
  return { prose: proseWithTable(variant), measures: fixtureMeasures() };
}

export function fixtureRevision(over: Partial<Revision> = {}): Revision {
  return {
    id: 'rev-2',
    planId: 'plan-1',
    number: 2,
    name: '令和8年度改定案',
    stage: '素案',
    author: { id: 'u1', name: '事務局 太郎' },
    createdAt: '2025-12-05T01:00:00.000Z',
    hash: 'a'.repeat(64),
    review: { status: 'approved' } as Revision['review'],
    delegate: null,
    invited: [],
    reviewOpenedAt: '2025-12-05T02:00:00.000Z',
    decidedAt: '2025-12-06T03:00:00.000Z',
    suggestionsOnly: false,
    requireSuggestionsDecided: false,
    invitedMaySuggest: false,
    allowedEvents: [],
    ...over,
  };
}
