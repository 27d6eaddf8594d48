import type { MeetingCalendarResponse, MeetingSummary } from '@sakutei/shared';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderJa } from '../../app/testing/render';
import { MeetingCalendarPage } from './MeetingCalendarPage';

vi.mock('../../app/session', () => ({
  useSession: () => ({ expire: vi.fn() }),
  useMe: () => ({ user: { id: 'u-1', email: 'member@example.jp', name: '委員' }, memberships: [{ workspaceId: 'w-1', workspaceName: '福島市中小企業振興会議', role: 'member' }], isAdmin: false }),
}));

const meeting: MeetingSummary = {
  id: 'm-1',
  kind: 'regular',
  subcommittee: null,
  title: '計画素案の審議',
  date: '2027-01-21',
  startTime: '14:00',
  endTime: '16:00',
  place: '',
  onlineUrl: null,
  status: 'scheduled',
  fiscalYear: 2026,
  ordinal: 1,
  label: '令和8年度 第1回',
  agendaSentAt: null,
};

function answer(fy: number, entries: MeetingCalendarResponse['months'][number]['entries'] = []): MeetingCalendarResponse {
  const months = Array.from({ length: 12 }, (_, i) => {
    const month = ((i + 3) % 12) + 1;
    const year = month >= 4 ? fy : fy + 1;
    return { year, month, entries: entries.filter((e) => e.date.startsWith(`${year}-${String(month).padStart(2, '0')}`)) };
  });
  return { fiscalYear: fy, months, plans: [{ planId: 'p-1', planTitle: '第2期計画', from: 2024, to: 2028, yearOfPeriod: fy - 2023 }] };
}

let asked: string[] = [];
function serve(status: number, body: unknown) {
  vi.stubGlobal('fetch', async (path: string) => {
    asked.push(path);
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  });
}

beforeEach(() => {
  asked = [];
});
afterEach(() => {
  // Unmounted first: the page follows the address, and moving it back would read again through the real fetch.
  cleanup();
  vi.unstubAllGlobals();
  window.history.pushState(null, '', '/');
});

const show = () =>
  renderJa(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <MeetingCalendarPage workspaceId="w-1" />
    </QueryClientProvider>,
  );

describe('MeetingCalendarPage', () => {
  it('lists the asked year by month with its meetings and steps, linked, and the years on either side', async () => {
    window.history.pushState(null, '', '/councils/w-1/meetings/calendar?fy=2026');
    serve(
      200,
      answer(2026, [
        { kind: 'revisionApproved', date: '2026-12-08', planId: 'p-1', planTitle: '第2期計画', revisionId: 'r-1', number: 2, name: '素案' },
        { kind: 'meeting', date: '2027-01-21', meeting },
      ]),
    );
    show();
    const heading = await screen.findByTestId('calendar-year');
    expect(heading.textContent).toBe('令和8年度（2026年4月〜2027年3月）');
    expect(asked).toEqual(['/api/workspaces/w-1/meetings-calendar?fy=2026']);
    const months = screen.getByRole('list', { name: '令和8年度の月別一覧' });
    const items = within(months).getAllByTestId('calendar-month');
    expect(items.map((m) => m.querySelector('h3')?.textContent)).toEqual(['2026年4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月', '2027年1月', '2月', '3月']);
    // A month's entries are a list named by the month's heading.
    const january = within(items[9]!).getByRole('list', { name: '2027年1月' });
    expect(within(january).getByRole('link', { name: '令和8年度 第1回' }).getAttribute('href')).toBe('/councils/w-1/meetings/m-1');
    expect(january.textContent).toContain('21日（木）');
    expect(january.textContent).toContain('14:00〜16:00');
    const december = within(items[8]!).getByRole('link', { name: '第2版「素案」が承認されました' });
    expect(december.getAttribute('href')).toBe('/plans/p-1?revision=r-1#revisions');
    expect(items[0]!.textContent).toContain('予定・記録はありません');
    expect(screen.getByTestId('calendar-plans').textContent).toBe('第2期計画：計画期間 令和6年度〜令和10年度の3年目');
    const nav = screen.getByRole('navigation', { name: '年度の切り替え' });
    expect(within(nav).getByRole('link', { name: '前の年度（令和7年度）' }).getAttribute('href')).toBe('/councils/w-1/meetings/calendar?fy=2025');
    expect(within(nav).getByRole('link', { name: '次の年度（令和9年度）' }).getAttribute('href')).toBe('/councils/w-1/meetings/calendar?fy=2027');
    expect(within(nav).getByRole('link', { name: '今年度' }).getAttribute('href')).toBe('/councils/w-1/meetings/calendar');
  });

  it('asks for this year when the address names none or a year it cannot show, and says when the year is empty', async () => {
    window.history.pushState(null, '', '/councils/w-1/meetings/calendar?fy=abc');
    serve(200, answer(2026));
    show();
    expect((await screen.findByTestId('calendar-empty')).textContent).toBe('この年度には会議も計画の動きもありません。');
    expect(asked).toEqual(['/api/workspaces/w-1/meetings-calendar']);
    expect(screen.queryByTestId('calendar-this-year')).toBeNull();
  });

  it('says the council is not visible on 404', async () => {
    window.history.pushState(null, '', '/councils/w-1/meetings/calendar');
    serve(404, { error: { code: 'not_found', message: 'council not found' } });
    show();
    await waitFor(() => expect(screen.getByText('この会議体は見つからないか、会議を閲覧する権限がありません。')).toBeTruthy());
    expect(screen.queryByTestId('calendar-year')).toBeNull();
  });
});
