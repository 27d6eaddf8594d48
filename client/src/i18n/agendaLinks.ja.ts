/** Agenda links to a section, a thread, a KPI or a material (issue 17 item 2). Keys start with `agendaLinks.`. */
export const agendaLinksJa = {
  'agendaLinks.kind.section': '計画の章・節',
  'agendaLinks.kind.thread': '意見（コメント）',
  'agendaLinks.kind.kpi': '成果指標',
  'agendaLinks.kind.material': 'この会議の資料',
  'agendaLinks.section': '章・節',
  'agendaLinks.thread': '意見',
  'agendaLinks.kpi': '成果指標',
  'agendaLinks.material': '資料',
  'agendaLinks.noSections': 'この計画の本文には見出しがありません。',
  'agendaLinks.noThreads': 'この計画の本文・施策表には意見がありません。',
  'agendaLinks.noKpis': 'この計画には成果指標がありません。',
  'agendaLinks.noMaterials': 'この会議にはまだ資料がありません。',
  'agendaLinks.loadFailed': '選べるものを読み込めませんでした。',
  'agendaLinks.gone': '（削除済み）',
  'agendaLinks.goneLabel': '{label}（削除済み）',
  'agendaLinks.sectionLabel': '{plan}「{heading}」',
} as const;
