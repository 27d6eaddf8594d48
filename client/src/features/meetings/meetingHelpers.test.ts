import { describe, expect, it } from 'vitest';
import { matchRoute } from '../../app/router';
import { translatorFor } from '../../i18n';
import { agendaInputs, moveItem, withItem, withoutItem } from './agenda';
import { attendanceEntries, splitAttendance } from './attendance';
import type { AgendaItem, AttendanceEntry, MeetingSummary } from '@sakutei/shared';
import { isMeetingUrl, MeetingForm, meetingRequest, QuorumForm, quorumRuleOf } from './meetingForms';
import { ApiError } from '../../lib/api';
import { isVersionConflict, meetingDayText, meetingLabelText, meetingsErrorText, meetingWhenText, quorumRuleText, quorumStatusText, sentDayText } from './meetingText';

const ja = translatorFor('ja');
const en = translatorFor('en');

const item = (id: string, title = id): AgendaItem => ({ id, position: 0, title, presenter: '', minutes: null, links: [], changedAfterSent: false });

describe('the agenda, step by step', () => {
  const items = [item('a'), item('b'), item('c')];

  it('moves an item one place up or down, and not past either end', () => {
    expect(moveItem(items, 1, -1)?.map((i) => i.id)).toEqual(['b', 'a', 'c']);
    expect(moveItem(items, 1, 1)?.map((i) => i.id)).toEqual(['a', 'c', 'b']);
    expect(moveItem(items, 0, -1)).toBeNull();
    expect(moveItem(items, 2, 1)).toBeNull();
    expect(items.map((i) => i.id)).toEqual(['a', 'b', 'c']);
  });

  it('sends kept items with their ids, a new one without, and leaves a removed one out', () => {
    expect(agendaInputs(items)[0]).toEqual({ id: 'a', title: 'a', presenter: '', minutes: null, links: [] });
    const added = withItem(items, { title: '報告', presenter: '事務局', minutes: 10, links: [] });
    expect(added.map((i) => i.id)).toEqual(['a', 'b', 'c', undefined]);
    expect(added[3]).not.toHaveProperty('id');
    const edited = withItem(items, { id: 'b', title: '計画素案', presenter: '', minutes: 30, links: [{ kind: 'text', text: '資料1' }] });
    expect(edited.map((i) => i.title)).toEqual(['a', '計画素案', 'c']);
    expect(withoutItem(items, 'b').map((i) => i.id)).toEqual(['a', 'c']);
  });
});

describe('attendance', () => {
  const entry = (userId: string, role: AttendanceEntry['role'], attendance: AttendanceEntry['attendance'] = null, proxyName: string | null = null): AttendanceEntry => ({
    userId,
    name: userId,
    role,
    attendance,
    proxyName,
  });
  const record = [entry('chair', 'chair', 'present'), entry('m1', 'member'), entry('m2', 'member', 'proxy', '代理 太郎'), entry('s', 'staff', 'present')];

  it('names only the person changed (the server merges), a proxy name only for a proxy', () => {
    expect(attendanceEntries({ userId: 'm1', attendance: 'online', proxyName: 'ignored' })).toEqual([{ userId: 'm1', attendance: 'online' }]);
    expect(attendanceEntries({ userId: 'm2', attendance: 'proxy', proxyName: '代理 太郎' })).toEqual([{ userId: 'm2', attendance: 'proxy', proxyName: '代理 太郎' }]);
    expect(attendanceEntries({ userId: 'chair', attendance: null, proxyName: null })).toEqual([{ userId: 'chair', attendance: null }]);
  });

  it('lists the secretariat after the voters', () => {
    const { voters, staff } = splitAttendance(record);
    expect(voters.map((e) => e.userId)).toEqual(['chair', 'm1', 'm2']);
    expect(staff.map((e) => e.userId)).toEqual(['s']);
  });
});

describe('what the pages say', () => {
  const meeting: MeetingSummary = {
    id: 'm',
    kind: 'subcommittee',
    subcommittee: '商業部会',
    title: '',
    date: '2025-11-20',
    startTime: '14:00',
    endTime: '16:00',
    place: '市役所',
    onlineUrl: null,
    status: 'scheduled',
    fiscalYear: 2025,
    ordinal: 1,
    label: '令和7年度 第1回 商業部会',
    agendaSentAt: null,
  };

  it('dates a meeting by its own calendar day, in 和暦 with the weekday', () => {
    expect(meetingDayText('2025-11-20', 'ja')).toBe('令和7年11月20日（木）');
    expect(meetingDayText('2019-05-01', 'ja')).toBe('令和元年5月1日（水）');
    expect(meetingDayText('2025-11-20', 'en')).toBe('Thu 20 Nov 2025');
    expect(meetingWhenText(meeting, ja, 'ja')).toBe('令和7年11月20日（木） 14:00〜16:00');
    expect(meetingWhenText({ ...meeting, endTime: null }, ja, 'ja')).toBe('令和7年11月20日（木） 14:00〜');
    expect(meetingWhenText({ ...meeting, startTime: null, endTime: null }, ja, 'ja')).toBe('令和7年11月20日（木）');
    // Sent at 23:30 UTC: already the next day in Japan.
    expect(sentDayText('2025-11-12T23:30:00.000Z', 'ja')).toBe('11月13日');
    expect(sentDayText('2025-11-12T23:30:00.000Z', 'en')).toBe('2025-11-13');
  });

  it('labels a meeting with the server’s Japanese label, and in English from the same number', () => {
    expect(meetingLabelText(meeting, 'ja')).toBe('令和7年度 第1回 商業部会');
    expect(meetingLabelText(meeting, 'en')).toBe('FY2025 meeting 1 (商業部会)');
  });

  it('says whether the quorum is met', () => {
    expect(quorumStatusText({ required: 6, present: 7, met: true }, ja)).toBe('定足数 6 / 出席 7 — 成立');
    expect(quorumStatusText({ required: 6, present: 5, met: false }, ja)).toBe('定足数 6 / 出席 5 — 不成立');
    expect(quorumStatusText({ required: 6, present: 5, met: false }, en)).toBe('Quorum 6 / present 5 — not quorate');
    expect(quorumRuleText({ kind: 'moreThanHalf', proxyCounts: true }, ja)).toBe('委員（座長・座長代理を含む）の過半数の出席で成立します。代理出席を出席に数えます。');
    expect(quorumRuleText({ kind: 'atLeastCount', count: 5, proxyCounts: false }, ja)).toContain('5名以上');
  });
});

describe('the forms', () => {
  const values = { kind: 'regular' as const, subcommittee: '', title: ' 計画素案の審議 ', date: '2025-11-20', startTime: '14:00', endTime: '', place: '', onlineUrl: '' };

  it('take a meeting and send nulls for what is not set', () => {
    const parsed = MeetingForm.parse(values);
    expect(meetingRequest(parsed)).toEqual({
      kind: 'regular',
      subcommittee: null,
      title: '計画素案の審議',
      date: '2025-11-20',
      startTime: '14:00',
      endTime: null,
      place: '',
      onlineUrl: null,
    });
  });

  it('refuse a 部会 without its name, an end before the start, an end without a start, and an address that is not https', () => {
    expect(MeetingForm.safeParse({ ...values, kind: 'subcommittee' }).success).toBe(false);
    expect(MeetingForm.safeParse({ ...values, endTime: '13:00' }).success).toBe(false);
    expect(MeetingForm.safeParse({ ...values, startTime: '', endTime: '13:00' }).success).toBe(false);
    expect(MeetingForm.safeParse({ ...values, date: '' }).success).toBe(false);
    expect(MeetingForm.safeParse({ ...values, onlineUrl: 'javascript:alert(1)' }).success).toBe(false);
    expect(isMeetingUrl('https://meet.example.jp/abc')).toBe(true);
    expect(isMeetingUrl('http://localhost:3000/x')).toBe(true);
    expect(isMeetingUrl('http://meet.example.jp/abc')).toBe(false);
  });

  it('turn the quorum form into a rule', () => {
    expect(quorumRuleOf(QuorumForm.parse({ kind: 'atLeastCount', count: '5', proxyCounts: false }))).toEqual({ kind: 'atLeastCount', count: 5, proxyCounts: false });
    expect(quorumRuleOf(QuorumForm.parse({ kind: 'atLeastHalf', count: '', proxyCounts: true }))).toEqual({ kind: 'atLeastHalf', proxyCounts: true });
    expect(QuorumForm.safeParse({ kind: 'atLeastCount', count: '0', proxyCounts: true }).success).toBe(false);
  });
});

describe('the meetings pages', () => {
  it('have their addresses', () => {
    expect(matchRoute('/councils/ws%201/meetings')).toEqual({ name: 'meetings', workspaceId: 'ws 1' });
    expect(matchRoute('/councils/ws1/meetings/mt-1/')).toEqual({ name: 'meeting', workspaceId: 'ws1', meetingId: 'mt-1' });
    expect(matchRoute('/councils/ws1/meetings/%E0%A4')).toEqual({ name: 'notFound' });
    expect(matchRoute('/councils/ws1/meetings/a/b')).toEqual({ name: 'notFound' });
  });
});

describe('refusals', () => {
  it('say in the reader’s language why, by the server’s code', () => {
    expect(meetingsErrorText(new ApiError(409, 'version_conflict', 'x'), ja)).toContain('ほかの人が先に');
    expect(meetingsErrorText(new ApiError(409, 'meeting_not_scheduled', 'x'), ja)).toBe('予定の会議だけを削除できます。');
    expect(meetingsErrorText(new ApiError(400, 'invalid_link', 'x'), en)).toContain('not of this council');
    expect(meetingsErrorText(new ApiError(400, 'invalid_request', 'title: too long'), ja)).toBe('入力内容を確かめてください: title: too long');
    expect(meetingsErrorText(new TypeError('Failed to fetch'), ja)).toContain('接続を確かめて');
    expect(isVersionConflict(new ApiError(409, 'version_conflict', 'x'))).toBe(true);
    expect(isVersionConflict(new ApiError(409, 'meeting_not_scheduled', 'x'))).toBe(false);
  });
});
