import type { AgendaItem, Meeting, MeetingDecision } from '@sakutei/shared';
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderJa } from '../../app/testing/render';
import { DetachedDecisions, ItemDecisions } from './MeetingDecisions';

const item = (id: string, title: string): AgendaItem => ({ id, position: 1, title, presenter: '', minutes: null, links: [], changedAfterSent: false });
const decision = (id: string, agendaItemId: string, over: Partial<MeetingDecision> = {}): MeetingDecision => ({
  id,
  agendaItemId,
  kind: 'resolution',
  text: `決定 ${id}`,
  vote: null,
  revisionId: null,
  decidedAt: '2025-11-20T05:00:00.000Z',
  decidedBy: null,
  ...over,
});
const meeting = (agenda: AgendaItem[], decisions: MeetingDecision[], status: Meeting['status'] = 'held'): Meeting => ({
  id: 'mt',
  kind: 'regular',
  subcommittee: null,
  title: '',
  date: '2025-11-20',
  startTime: null,
  endTime: null,
  place: '',
  onlineUrl: null,
  status,
  fiscalYear: 2025,
  ordinal: 1,
  label: '令和7年度 第1回',
  agendaSentAt: null,
  agenda,
  attendance: [],
  quorum: { rule: { kind: 'moreThanHalf', proxyCounts: true }, required: 2, present: 3, met: true, voters: 3 },
  decisions,
  version: 1,
});
const noop = vi.fn(async () => {});

describe('decisions on the meeting page', () => {
  it("lists an item's own decisions with the vote; a review decision has no remove button", () => {
    const agenda = [item('a', '素案について'), item('b', 'その他')];
    const m = meeting(agenda, [
      decision('d1', 'a', { vote: { for: 2, against: 1, abstain: 0 } }),
      decision('d2', 'a', { kind: 'reviewApproved', revisionId: 'r1', text: '第2版を承認' }),
      decision('d3', 'b'),
    ]);
    renderJa(<ItemDecisions meeting={m} item={agenda[0]!} mayManage record={noop} remove={noop} announce={vi.fn()} onFailure={vi.fn()} />);
    const rows = screen.getAllByTestId('decision');
    expect(rows.map((r) => r.textContent)).toEqual(['議決決定 d1（賛成 2・反対 1・棄権 0）削除', '承認第2版を承認']);
    expect(within(rows[1]!).queryByTestId('decision-remove')).toBeNull();
    expect(screen.getByTestId('decision-record')).toBeTruthy();
  });

  it('offers nothing to change to members, or once the minutes are confirmed', () => {
    const agenda = [item('a', '素案について')];
    const { unmount } = renderJa(
      <ItemDecisions meeting={meeting(agenda, [decision('d1', 'a')])} item={agenda[0]!} mayManage={false} record={noop} remove={noop} announce={vi.fn()} onFailure={vi.fn()} />,
    );
    expect(screen.queryByTestId('decision-record')).toBeNull();
    expect(screen.queryByTestId('decision-remove')).toBeNull();
    unmount();
    renderJa(
      <ItemDecisions meeting={meeting(agenda, [decision('d1', 'a')], 'minutesConfirmed')} item={agenda[0]!} mayManage record={noop} remove={noop} announce={vi.fn()} onFailure={vi.fn()} />,
    );
    expect(screen.queryByTestId('decision-record')).toBeNull();
  });

  it('lists apart the decisions of items removed from the agenda, and nothing when there are none', () => {
    const agenda = [item('a', '素案について')];
    const { unmount } = renderJa(<DetachedDecisions meeting={meeting(agenda, [decision('d1', 'a')])} />);
    expect(screen.queryByTestId('detached-decisions')).toBeNull();
    unmount();
    renderJa(<DetachedDecisions meeting={meeting(agenda, [decision('d1', 'a'), decision('d2', 'gone', { kind: 'report', text: '報告を受けた' })])} />);
    const section = screen.getByTestId('detached-decisions');
    expect(within(section).getAllByTestId('decision').map((r) => r.textContent)).toEqual(['報告報告を受けた']);
  });
});
