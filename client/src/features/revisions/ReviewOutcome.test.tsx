import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderJa } from '../../app/testing/render';
import { I18nProvider } from '../../i18n';
import { ReviewOutcome } from './ReviewOutcome';
import { revisionFixture } from './testFixtures';

const names: Record<string, string> = { 'u-chair': '座長 山田太郎', 'u-staff': '事務局 高橋美咲' };
const nameOf = (id: string) => names[id] ?? null;

describe('ReviewOutcome', () => {
  it('dates the opening of a review in 和暦 and names who opened it', () => {
    renderJa(<ReviewOutcome revision={revisionFixture({ reviewOpenedAt: '2025-12-06T05:05:00.000Z' })} nameOf={nameOf} />);
    expect(screen.getByTestId('review-opened-at').textContent).toBe('令和7年12月6日 14:05、事務局 高橋美咲 さんが審議を開始しました。');
  });

  it('dates an approval and names who approved', () => {
    const revision = revisionFixture({
      review: { status: 'approved', openedBy: 'u-staff', decidedBy: 'u-chair', decidedOnBehalfOfChair: false },
      decidedAt: '2025-12-06T05:05:00.000Z',
      allowedEvents: [],
    });
    renderJa(<ReviewOutcome revision={revision} nameOf={nameOf} />);
    expect(screen.getByTestId('review-decided-by').textContent).toBe('令和7年12月6日 14:05、座長 山田太郎 さんが承認しました。');
    expect(screen.queryByTestId('review-opened-at')).toBeNull();
  });

  it('dates a send-back, names a delegate as acting for the chair, and keeps the reason', () => {
    const revision = revisionFixture({
      review: { status: 'changes_requested', openedBy: 'u-staff', decidedBy: 'u-vice', decidedOnBehalfOfChair: true, reason: '根拠を書き加えてください。' },
      delegate: { id: 'u-vice', name: '伊藤次郎' },
      decidedAt: '2026-01-05T00:30:00.000Z',
      allowedEvents: [],
    });
    renderJa(<ReviewOutcome revision={revision} nameOf={nameOf} />);
    expect(screen.getByTestId('review-sent-back-by').textContent).toBe('令和8年1月5日 09:30、座長代理 伊藤次郎 さん（座長に代わって）が差し戻しました。理由：');
    expect(screen.getByTestId('review-reason-text').textContent).toContain('根拠を書き加えてください。');
  });

  it('says while it is open that the invited observers may suggest, when the review lets them', () => {
    const invited = [{ id: 'u-obs-1', name: '傍聴 田中健' }];
    renderJa(<ReviewOutcome revision={revisionFixture({ invited, invitedMaySuggest: true })} nameOf={nameOf} />);
    expect(screen.getByTestId('review-invited-may-suggest-text').textContent).toBe('招待された傍聴者は審議中、本文に提案できます。');
  });

  it('says nothing of suggesting for a review without the option, or once it is decided', () => {
    const invited = [{ id: 'u-obs-1', name: '傍聴 田中健' }];
    const { unmount } = renderJa(<ReviewOutcome revision={revisionFixture({ invited })} nameOf={nameOf} />);
    expect(screen.queryByTestId('review-invited-may-suggest-text')).toBeNull();
    unmount();
    const approved = revisionFixture({
      invited,
      invitedMaySuggest: true,
      review: { status: 'approved', openedBy: 'u-staff', decidedBy: 'u-chair', decidedOnBehalfOfChair: false },
      allowedEvents: [],
    });
    renderJa(<ReviewOutcome revision={approved} nameOf={nameOf} />);
    expect(screen.queryByTestId('review-invited-may-suggest-text')).toBeNull();
  });

  it('names the meeting a decision was taken in, 「第3回会議（令和7年11月20日）で承認」, linking to it', () => {
    const decidedInMeeting = { meetingId: 'm 1', workspaceId: 'w1', label: '令和7年度 第3回', ordinal: 3, date: '2025-11-20' };
    const approved = revisionFixture({
      review: { status: 'approved', openedBy: 'u-staff', decidedBy: 'u-chair', decidedOnBehalfOfChair: false },
      decidedAt: '2025-11-20T05:05:00.000Z',
      decidedInMeeting,
      allowedEvents: [],
    });
    const { unmount } = renderJa(<ReviewOutcome revision={approved} nameOf={nameOf} />);
    const line = screen.getByTestId('review-decided-in-meeting');
    expect(line.textContent).toBe('第3回会議（令和7年11月20日）で承認');
    expect(line.querySelector('a')!.getAttribute('href')).toBe('/councils/w1/meetings/m%201');
    unmount();
    renderJa(<ReviewOutcome revision={{ ...approved, review: { ...approved.review, status: 'changes_requested', reason: '見直し' } }} nameOf={nameOf} />);
    expect(screen.getByTestId('review-decided-in-meeting').textContent).toBe('第3回会議（令和7年11月20日）で差し戻し');
  });

  it('writes the meeting day in English as the meeting pages do, not as an ISO date', () => {
    const decidedInMeeting = { meetingId: 'm1', workspaceId: 'w1', label: '令和7年度 第3回', ordinal: 3, date: '2025-11-20' };
    const approved = revisionFixture({
      review: { status: 'approved', openedBy: 'u-staff', decidedBy: 'u-chair', decidedOnBehalfOfChair: false },
      decidedAt: '2025-11-20T05:05:00.000Z',
      decidedInMeeting,
      allowedEvents: [],
    });
    localStorage.setItem('sakutei.locale', 'en');
    render(<I18nProvider><ReviewOutcome revision={approved} nameOf={nameOf} /></I18nProvider>);
    expect(screen.getByTestId('review-decided-in-meeting').textContent).toBe('Approved at meeting 3 (20 Nov 2025)');
  });

  it('names no meeting for a decision taken outside one', () => {
    const approved = revisionFixture({ review: { status: 'approved', openedBy: 'u-staff', decidedBy: 'u-chair', decidedOnBehalfOfChair: false }, decidedInMeeting: null, allowedEvents: [] });
    renderJa(<ReviewOutcome revision={approved} nameOf={nameOf} />);
    expect(screen.queryByTestId('review-decided-in-meeting')).toBeNull();
  });
});
