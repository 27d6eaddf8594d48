import { describe, expect, it } from 'vitest';
import type { MemberRecord } from '../storage';
import type { MeetingRecord } from '../storage/meetings';
import { attendanceSheet, numbersOf, presentMeeting } from './meeting';

const member = (userId: string, name: string, role: MemberRecord['role']): MemberRecord => ({ userId, email: `${userId}@example.jp`, name, role });

const MEMBERS = [
  member('s1', '事務局 高橋', 'staff'),
  member('m2', '委員 鈴木', 'member'),
  member('o1', '傍聴 田中', 'observer'),
  member('c1', '座長 佐藤', 'chair'),
  member('m1', '委員 伊藤', 'member'),
  member('v1', '座長代理 渡辺', 'vice_chair'),
];

const meeting: MeetingRecord = {
  id: 'a',
  workspaceId: 'w',
  kind: 'regular',
  subcommittee: null,
  title: '',
  date: '2025-11-20',
  startTime: '14:00',
  endTime: null,
  place: '',
  onlineUrl: null,
  status: 'scheduled',
  agendaSentAt: null,
  version: 3,
  createdBy: 's1',
  createdAt: 0,
  updatedAt: 0,
};

describe('meeting presenter', () => {
  it('lists voters by role then name, then staff, and never observers', () => {
    expect(attendanceSheet(MEMBERS, []).map((e) => [e.userId, e.role])).toEqual([
      ['c1', 'chair'],
      ['v1', 'vice_chair'],
      ['m1', 'member'],
      ['m2', 'member'],
      ['s1', 'staff'],
    ]);
  });

  it('counts voters only: staff present and the records of people no longer voters make no quorum', () => {
    const recorded = [
      { userId: 'c1', attendance: 'present' as const, proxyName: null },
      { userId: 'm1', attendance: 'proxy' as const, proxyName: '代理 花子' },
      { userId: 's1', attendance: 'present' as const, proxyName: null },
      // Someone who has left the council (or an observer): kept in storage, not on the sheet.
      { userId: 'gone', attendance: 'present' as const, proxyName: null },
      { userId: 'o1', attendance: 'present' as const, proxyName: null },
    ];
    const shown = presentMeeting(meeting, numbersOf([meeting]), [], MEMBERS, recorded, { kind: 'moreThanHalf', proxyCounts: true });
    expect(shown.quorum).toEqual({ rule: { kind: 'moreThanHalf', proxyCounts: true }, required: 3, present: 2, met: false, voters: 4 });
    expect(shown.attendance.map((e) => e.userId)).toEqual(['c1', 'v1', 'm1', 'm2', 's1']);
    expect(shown).toMatchObject({ label: '令和7年度 第1回', ordinal: 1, fiscalYear: 2025, version: 3, agendaSentAt: null });
  });
});
