import { describe, expect, it } from 'vitest';
import type { NotificationView } from '../storage';
import { DIGEST_MAX_ITEMS, digestMail, notificationMail, notificationPath } from './notificationMail';

const base: NotificationView = {
  id: 'n1',
  userId: 'u1',
  kind: 'changesRequested',
  planId: 'plan 1',
  workspaceId: null,
  meetingId: null,
  label: '',
  threadId: null,
  commentId: null,
  revisionId: 'r1',
  actorId: 'u2',
  detail: '目標年度を見直してください。',
  createdAt: 0,
  mailedAt: null,
  actorName: '座長 山田太郎',
  planTitle: '第2期福島市中小企業振興プログラム',
  councilName: '',
  threadNumber: null,
  revisionNumber: 3,
  revisionName: '第2回会議資料',
  excerpt: '目標年度を見直してください。',
  readAt: null,
};

describe('notification mail', () => {
  it('says what happened in Japanese, then English, with the reason and a link to the revisions', () => {
    const mail = notificationMail(base, 'staff@example.jp', 'https://sakutei.example.jp');
    expect(mail.to).toBe('staff@example.jp');
    expect(mail.subject).toBe('【第2期福島市中小企業振興プログラム】座長 山田太郎さんが第3版 第2回会議資料を差し戻しました');
    expect(mail.text).toContain('「目標年度を見直してください。」');
    expect(mail.text).toContain('座長 山田太郎 sent revision 3 第2回会議資料 back.');
    expect(mail.text).toContain('https://sakutei.example.jp/plans/plan%201?revision=r1#revisions');
  });

  it('links a comment notification to its thread, with the comment shown as plain text', () => {
    const mention: NotificationView = { ...base, kind: 'mention', threadId: 't 9', threadNumber: 9, revisionId: null, detail: '', excerpt: '@[委員 佐藤](u3) ご確認ください' };
    expect(notificationPath(mention)).toBe('/plans/plan%201#thread-t%209');
    const mail = notificationMail(mention, 'x@example.jp', 'http://127.0.0.1:8787');
    expect(mail.subject).toContain('コメント #9 であなたに言及しました');
    expect(mail.text).toContain('ご確認ください');
    expect(mail.text).not.toContain('](u3)');
  });

  it("names a meeting's council and label and links its minutes, not a plan", () => {
    const minutes: NotificationView = {
      ...base,
      kind: 'meeting.minutesSent',
      planId: null,
      planTitle: '',
      workspaceId: 'ws 1',
      meetingId: 'm 1',
      label: '令和8年度 第3回',
      councilName: '中小企業振興会議',
      revisionId: null,
      revisionNumber: null,
      revisionName: null,
      detail: '',
      excerpt: '',
    };
    expect(notificationPath(minutes)).toBe('/councils/ws%201/meetings/m%201/minutes');
    expect(notificationPath({ ...minutes, kind: 'meeting.agendaSent' })).toBe('/councils/ws%201/meetings/m%201');
    const mail = notificationMail(minutes, 'member@example.jp', 'https://sakutei.example.jp');
    expect(mail.subject).toBe('【中小企業振興会議】座長 山田太郎さんが令和8年度 第3回の議事録（案）を送付しました。ご確認ください');
    expect(mail.text).toContain('会議: 中小企業振興会議 令和8年度 第3回');
    expect(mail.text).not.toContain('計画:');
    expect(mail.text).toContain('https://sakutei.example.jp/councils/ws%201/meetings/m%201/minutes');
    expect(digestMail([minutes], 'member@example.jp', 'https://sakutei.example.jp').text).toContain('■ 中小企業振興会議');
  });

  it('gathers a digest into one mail, counting what it leaves to the app', () => {
    const items = Array.from({ length: DIGEST_MAX_ITEMS + 2 }, (_, i) => ({ ...base, id: `n${i}`, kind: 'approved' as const }));
    const mail = digestMail(items, 'member@example.jp', 'https://sakutei.example.jp');
    expect(mail.subject).toBe(`Sakutei: 通知のまとめ（${items.length}件） / Daily summary (${items.length})`);
    expect(mail.text.match(/を承認しました/g)).toHaveLength(DIGEST_MAX_ITEMS);
    expect(mail.text).toContain('ほか 2 件はアプリの通知でご覧ください。');
  });
});
