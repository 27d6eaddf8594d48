import {
  type AttendanceEntry,
  type Meeting,
  type ProseNode,
  type Role,
  MEETING_KIND_JA,
  ROLES,
  SPEAKER_TITLES,
  anonymiser,
  formatDate,
  formatFiscalYearIn,
  subcommitteeName,
} from '@sakutei/shared';
import type { DocTable } from './docTable';

/** How the minutes name people: as spoken, or 委員A, 委員B … (the minutes' publication setting). */
export type PublishNames = 'asSpoken' | 'anonymised';

/**
 * What the meeting exports say (issue 17, item 7), before they are Word or HTML: the 次第, the
 * 出席者名簿 and the 議事録 in the 官公庁 layout. One model per document, built from plain data
 * on a heavy-work thread and rendered by meetingDocuments.ts, so the two formats cannot say
 * different things.
 */

/** What every meeting document is made from: the meeting as the API answers it, and its council. */
export type MeetingSource = {
  councilName: string;
  meeting: Meeting;
  /** 資料1, 資料2 … in order. */
  materials: ReadonlyArray<{ label: string; title: string }>;
};

export type MinutesSource = MeetingSource & {
  prose: ProseNode;
  confirmed: boolean;
  hash: string | null;
  names: PublishNames;
  /** Everyone whose name may stand in the minutes: the council's members and the proxies who came. */
  people: ReadonlyArray<{ userId: string; name: string; role: Role }>;
};

export type HeadLine = { label: string; text: string };

export type MeetingHead = {
  /** 「令和8年度 第1回 ○○協議会 次第」. */
  title: string;
  /** The meeting's own title when it has one. */
  subtitle: string | null;
  /** 日時 / 場所 (and, in the minutes, 出席者 …). */
  lines: HeadLine[];
  /** The running head of every page: the council, then the document. */
  council: string;
  docTitle: string;
};

export type AgendaModel = {
  kind: 'agenda';
  head: MeetingHead;
  items: Array<{ number: string; title: string; note: string | null; links: string[] }>;
  materials: Array<{ label: string; title: string }>;
};

export type AttendanceModel = { kind: 'attendance'; head: MeetingHead; table: DocTable; summary: string[] };

export type MinutesModel = { kind: 'minutes'; head: MeetingHead; draft: boolean; prose: ProseNode; footer: string[] };

export type MeetingDocumentModel = AgendaModel | AttendanceModel | MinutesModel;

export const DOCUMENT_NAMES = { agenda: '次第', attendance: '出席者名簿', minutes: '議事録' } as const;
export type MeetingDocumentKind = keyof typeof DOCUMENT_NAMES;

const WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土'];

/** 「令和8年5月20日（水）14:00～16:00」: the council's own day, so no time zone moves it. */
export function meetingDateLine(m: Pick<Meeting, 'date' | 'startTime' | 'endTime'>): string {
  const day = new Date(`${m.date}T00:00:00Z`);
  // formatDate reads the day in Japan; noon UTC is the same calendar day there.
  const text = `${formatDate(new Date(`${m.date}T03:00:00Z`))}（${WEEKDAYS[day.getUTCDay()]}）`;
  if (!m.startTime) return text;
  return `${text}${m.startTime}${m.endTime ? `～${m.endTime}` : '～'}`;
}

/** The meeting's name as the 官公庁 heading writes it, without the document: 「令和8年度 第1回 ○○協議会」. */
export function meetingName(councilName: string, m: Pick<Meeting, 'fiscalYear' | 'ordinal' | 'kind' | 'subcommittee'>): string {
  const sub = m.kind === 'subcommittee' && m.subcommittee ? ` ${subcommitteeName(m.subcommittee)}` : '';
  const kind = m.kind === 'extraordinary' || m.kind === 'written' ? `（${MEETING_KIND_JA[m.kind]}）` : '';
  return `${formatFiscalYearIn(m.fiscalYear)} 第${m.ordinal}回 ${councilName.trim()}${sub}${kind}`;
}

function head(source: MeetingSource, document: string, extra: HeadLine[] = []): MeetingHead {
  const m = source.meeting;
  const lines: HeadLine[] = [{ label: '日時', text: meetingDateLine(m) }];
  const place = m.place.trim();
  if (place || !m.onlineUrl) lines.push({ label: '場所', text: place || '（未定）' });
  // The link is printed as text, never as a link: the paper goes out, the URL is read off it.
  if (m.onlineUrl) lines.push({ label: 'オンライン', text: m.onlineUrl });
  return {
    title: `${meetingName(source.councilName, m)} ${document}`,
    subtitle: m.title.trim() || null,
    lines: [...lines, ...extra],
    council: source.councilName.trim(),
    docTitle: `${m.label} ${document}`,
  };
}

// ---------------------------------------------------------------- 次第

function linkText(link: Meeting['agenda'][number]['links'][number]): string {
  if (link.kind === 'text') return link.text;
  // A target deleted since it was linked reads as on the page: its stored label, marked.
  return 'gone' in link && link.gone ? `${link.label}（削除済み）` : link.label;
}

export function agendaModel(source: MeetingSource): AgendaModel {
  const items = [...source.meeting.agenda]
    .sort((a, b) => a.position - b.position)
    .map((item, index) => {
      const parts = [item.presenter.trim(), item.minutes !== null ? `${item.minutes}分` : ''].filter(Boolean);
      return {
        number: String(index + 1),
        title: item.title,
        note: parts.length > 0 ? `（${parts.join('・')}）` : null,
        links: item.links.map(linkText).filter((t) => t.trim() !== ''),
      };
    });
  return { kind: 'agenda', head: head(source, DOCUMENT_NAMES.agenda), items, materials: source.materials.map((m) => ({ label: m.label, title: m.title })) };
}

// ---------------------------------------------------------------- 出席者名簿

/** 出欠 as the roster writes it; a proxy names who came (「代理出席（鈴木次郎）」). */
export function attendanceText(entry: Pick<AttendanceEntry, 'attendance' | 'proxyName'>): string {
  switch (entry.attendance) {
    case 'present':
      return '出席';
    case 'online':
      return '出席（オンライン）';
    case 'proxy':
      return entry.proxyName?.trim() ? `代理出席（${entry.proxyName.trim()}）` : '代理出席';
    case 'absent':
      return '欠席';
    default:
      return '—';
  }
}

const byRole = (entries: readonly AttendanceEntry[]) => [...entries].sort((a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role));
const attended = (e: AttendanceEntry) => e.attendance === 'present' || e.attendance === 'online' || e.attendance === 'proxy';

function counts(meeting: Meeting) {
  const voters = meeting.attendance.filter((e) => e.role !== 'staff' && e.role !== 'observer');
  const staff = meeting.attendance.filter((e) => e.role === 'staff');
  return {
    voters: voters.length,
    present: voters.filter(attended).length,
    proxies: voters.filter((e) => e.attendance === 'proxy').length,
    staffPresent: staff.filter(attended).length,
  };
}

function quorumLine(meeting: Meeting): string {
  const q = meeting.quorum;
  return `定足数 ${q.required}名（出席 ${q.present}名、${q.met ? '定足数を満たしている' : '定足数に達していない'}）`;
}

export function attendanceModel(source: MeetingSource): AttendanceModel {
  const m = source.meeting;
  const c = counts(m);
  const table: DocTable = {
    head: [[{ text: '区分' }, { text: '氏名' }, { text: '出欠' }]],
    body: byRole(m.attendance).map((e) => [SPEAKER_TITLES[e.role], e.name, attendanceText(e)]),
  };
  const summary = [`委員 ${c.voters}名中 出席 ${c.present}名${c.proxies > 0 ? `（うち代理 ${c.proxies}名）` : ''}`, quorumLine(m)];
  if (c.staffPresent > 0) summary.push(`事務局 出席 ${c.staffPresent}名`);
  return { kind: 'attendance', head: head(source, DOCUMENT_NAMES.attendance), table, summary };
}

// ---------------------------------------------------------------- 議事録

/**
 * The prose anonymised text node by text node, so bold speaker labels stay bold. A name that
 * runs across nodes (「佐藤」 bold, 「委員」 not) is not seen in either node: where a run of
 * text nodes reads differently anonymised whole, the run becomes one node with the first
 * node's marks (a mark lost, never a name kept).
 */
export function anonymiseProse(node: ProseNode, anonymise: (text: string) => string): ProseNode {
  if (!node.content) return typeof node.text === 'string' ? { ...node, text: anonymise(node.text) } : node;
  const content: ProseNode[] = [];
  let run: ProseNode[] = [];
  const flush = () => {
    if (run.length === 0) return;
    // The whole run first: letters are given in reading order either way.
    const whole = anonymise(run.map((n) => n.text).join(''));
    const parts = run.map((n) => ({ ...n, text: anonymise(n.text!) }));
    content.push(...(parts.map((n) => n.text).join('') === whole ? parts : [{ ...run[0]!, text: whole }]));
    run = [];
  };
  for (const child of node.content) {
    if (child.type === 'text' && typeof child.text === 'string') run.push(child);
    else {
      flush();
      content.push(anonymiseProse(child, anonymise));
    }
  }
  flush();
  return { ...node, content };
}

function attendeeLines(meeting: Meeting, names: PublishNames): HeadLine[] {
  const c = counts(meeting);
  if (names === 'anonymised') {
    // Letters follow who speaks in the text; a list of who came would give the names back.
    const text = `委員 ${c.present}名${c.proxies > 0 ? `（うち代理 ${c.proxies}名）` : ''}${c.staffPresent > 0 ? `、事務局 ${c.staffPresent}名` : ''}`;
    return [{ label: '出席者', text }];
  }
  const who = (e: AttendanceEntry) => `${e.name.trim()}（${SPEAKER_TITLES[e.role]}${e.attendance === 'proxy' && e.proxyName?.trim() ? `、代理 ${e.proxyName.trim()}` : ''}）`;
  const present = byRole(meeting.attendance).filter(attended);
  const absent = byRole(meeting.attendance).filter((e) => e.attendance === 'absent');
  const lines: HeadLine[] = [{ label: '出席者', text: present.length > 0 ? present.map(who).join('、') : '（記録なし）' }];
  if (absent.length > 0) lines.push({ label: '欠席者', text: absent.map(who).join('、') });
  return lines;
}

export function minutesModel(source: MinutesSource): MinutesModel {
  const draft = !source.confirmed;
  const document = `${DOCUMENT_NAMES.minutes}${draft ? '（案）' : ''}`;
  // One anonymiser over the whole document, node by node: the same person keeps one letter.
  const prose = source.names === 'anonymised' ? anonymiseProse(source.prose, anonymiser([...source.people])) : source.prose;
  const footer: string[] = [];
  if (draft) footer.push('この議事録は確定前の案です。');
  else if (source.hash) footer.push(`確定した議事録（SHA-256 ${source.hash}）`);
  if (source.names === 'anonymised') footer.push('公表用に、発言者の氏名を委員A、委員B…と表記しています。');
  return { kind: 'minutes', head: head(source, document, attendeeLines(source.meeting, source.names)), draft, prose, footer };
}
