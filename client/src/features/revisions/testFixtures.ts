import { type Member, NO_ATTRIBUTES, type Revision } from '@sakutei/shared';

/** A revision as the server would list it, for component tests; override what a test is about. */
export function revisionFixture(overrides: Partial<Revision> = {}): Revision {
  return {
    id: 'rev-2',
    planId: 'plan-1',
    number: 2,
    name: '第2回会議資料',
    stage: '素案',
    author: { id: 'u-staff', name: '事務局 高橋美咲' },
    createdAt: '2025-12-06T05:05:00.000Z',
    hash: 'ab12cd34ef56'.padEnd(64, '0'),
    review: { status: 'in_review', openedBy: 'u-staff' },
    delegate: null,
    invited: [],
    reviewOpenedAt: '2025-12-06T05:10:00.000Z',
    decidedAt: null,
    suggestionsOnly: false,
    requireSuggestionsDecided: false,
    invitedMaySuggest: false,
    allowedEvents: ['approve', 'requestChanges'],
    ...overrides,
  };
}

export const observersFixture: Member[] = [
  { userId: 'u-obs-1', email: 'observer@example.jp', name: '傍聴 田中健', role: 'observer', ...NO_ATTRIBUTES },
  { userId: 'u-obs-2', email: 'kimura@example.jp', name: '傍聴 木村さくら', role: 'observer', ...NO_ATTRIBUTES },
  { userId: 'u-obs-3', email: 'ito@example.jp', name: 'イトウ ジロウ', role: 'observer', ...NO_ATTRIBUTES },
];
