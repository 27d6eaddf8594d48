import type { agendaLinksJa } from './agendaLinks.ja';

export const agendaLinksEn: Record<keyof typeof agendaLinksJa, string> = {
  'agendaLinks.kind.section': 'Chapter or section of a plan',
  'agendaLinks.kind.thread': 'Opinion (comment thread)',
  'agendaLinks.kind.kpi': 'KPI',
  'agendaLinks.kind.material': 'Material of this meeting',
  'agendaLinks.section': 'Chapter or section',
  'agendaLinks.thread': 'Opinion',
  'agendaLinks.kpi': 'KPI',
  'agendaLinks.material': 'Material',
  'agendaLinks.noSections': "This plan's text has no headings.",
  'agendaLinks.noThreads': "This plan's draft has no opinions.",
  'agendaLinks.noKpis': 'This plan has no KPIs.',
  'agendaLinks.noMaterials': 'This meeting has no materials yet.',
  'agendaLinks.loadFailed': 'The choices could not be loaded.',
  'agendaLinks.gone': '(deleted)',
  'agendaLinks.goneLabel': '{label} (deleted)',
  'agendaLinks.sectionLabel': '{plan} “{heading}”',
} as const;
