import type { AgendaItem, AttendanceEntry, Meeting, MeetingDecision } from '@sakutei/shared';

/** A meeting for the minutes' component tests: attendance, agenda and decisions as given. */
export function minutesMeeting(over: Partial<Pick<Meeting, 'agenda' | 'attendance' | 'decisions'>> = {}): Meeting {
  return {
    id: 'mt',
    kind: 'regular',
    subcommittee: null,
    title: '',
    date: '2026-05-20',
    startTime: null,
    endTime: null,
    place: '',
    onlineUrl: null,
    status: 'held',
    fiscalYear: 2026,
    ordinal: 1,
    label: '令和8年度 第1回',
    agendaSentAt: null,
    agenda: [],
    attendance: [],
    quorum: { rule: { kind: 'moreThanHalf', proxyCounts: true }, required: 2, present: 3, met: true, voters: 3 },
    decisions: [],
    version: 1,
    ...over,
  };
}

export const agendaItem = (position: number, title: string): AgendaItem => ({
  id: `item-${position}`,
  position,
  title,
  presenter: '',
  minutes: null,
  links: [],
  changedAfterSent: false,
});

export const attendee = (userId: string, name: string, role: AttendanceEntry['role'], attendance: AttendanceEntry['attendance'], proxyName: string | null = null): AttendanceEntry => ({
  userId,
  name,
  role,
  attendance,
  proxyName,
});

export const decision = (id: string, over: Partial<MeetingDecision> = {}): MeetingDecision => ({
  id,
  agendaItemId: 'item-1',
  kind: 'resolution',
  text: '素案のとおり承認する。',
  vote: { unanimous: true },
  revisionId: null,
  decidedAt: '2026-05-20T05:00:00.000Z',
  decidedBy: null,
  ...over,
});
