import type { Notification } from '@sakutei/shared';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderJa } from '../../app/testing/render';
import { listNotifications, markNotificationsRead } from '../../lib/commentsApi';
import { NotificationsBell } from './NotificationsBell';

vi.mock('../../lib/commentsApi', () => ({ listNotifications: vi.fn(), markNotificationsRead: vi.fn() }));
// One session for every render, as the app's provider gives: the bell re-reads its list when `expire` changes.
vi.mock('../../app/session', () => {
  const session = { expire: () => {} };
  return { useSession: () => session };
});
vi.mock('./EmailSettings', () => ({ EmailSettings: () => null }));

const list = vi.mocked(listNotifications);
const mark = vi.mocked(markNotificationsRead);

const common = {
  threadId: null,
  threadNumber: null,
  commentId: null,
  revision: null,
  actor: { id: 'u1', name: '事務局 鈴木' },
  excerpt: '',
  createdAt: '2026-12-07T01:00:00.000Z',
  readAt: null,
} as const;

const minutesSent: Notification = {
  ...common,
  id: 'n1',
  kind: 'meeting.minutesSent',
  planId: null,
  planTitle: '',
  meeting: { id: 'm 1', workspaceId: 'ws 1', councilName: '福島市中小企業振興会議', label: '令和8年度 第3回' },
};
const correction: Notification = {
  ...minutesSent,
  id: 'n2',
  kind: 'meeting.minutesCorrection',
  actor: { id: 'u2', name: '委員 佐藤' },
  excerpt: '山田副委員長',
  readAt: '2026-12-07T02:00:00.000Z',
};
const agenda: Notification = { ...minutesSent, id: 'n3', kind: 'meeting.agendaSent' };
const approved: Notification = {
  ...common,
  id: 'n4',
  kind: 'approved',
  planId: 'p1',
  planTitle: '第2期福島市中小企業振興プログラム',
  meeting: null,
  revision: { id: 'r1', number: 2, name: '第2回会議資料' },
};

async function openList() {
  renderJa(<NotificationsBell />);
  fireEvent.click(screen.getByTestId('notifications-button'));
  await waitFor(() => expect(screen.getAllByTestId('notification')).toHaveLength(4));
  return screen.getAllByTestId('notification') as HTMLAnchorElement[];
}

describe('NotificationsBell: meeting notifications', () => {
  beforeEach(() => {
    list.mockReset();
    mark.mockReset();
    list.mockResolvedValue({ notifications: [minutesSent, correction, agenda, approved], unread: 3 });
    mark.mockResolvedValue(undefined as never);
  });

  it("names the meeting's council and label, says what happened, and links the minutes or the meeting", async () => {
    const [sent, filed, agendaItem, plan] = await openList();
    expect(sent!.textContent).toContain('議事録（案）を送付');
    expect(within(sent!).getByText('福島市中小企業振興会議 令和8年度 第3回')).toBeTruthy();
    expect(sent!.getAttribute('href')).toBe('/councils/ws%201/meetings/m%201/minutes');
    expect(sent!.dataset.unread).toBe('true');

    expect(filed!.textContent).toContain('議事録の修正を申出');
    expect(filed!.textContent).toContain('山田副委員長');
    expect(filed!.getAttribute('href')).toBe('/councils/ws%201/meetings/m%201/minutes');
    expect(filed!.dataset.unread).toBeUndefined();

    expect(agendaItem!.textContent).toContain('次第を送付');
    expect(agendaItem!.getAttribute('href')).toBe('/councils/ws%201/meetings/m%201');

    // A plan's notification is shown as before.
    expect(within(plan!).getByText('第2期福島市中小企業振興プログラム 第2版 第2回会議資料')).toBeTruthy();
    expect(plan!.getAttribute('href')).toBe('/plans/p1?revision=r1#revisions');
  });

  it('marks a meeting notification read when it is opened', async () => {
    const [sent] = await openList();
    fireEvent.click(sent!);
    await waitFor(() => expect(mark).toHaveBeenCalledWith({ ids: ['n1'] }));
  });
});
