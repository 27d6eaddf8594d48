import { ROLES } from '@sakutei/shared';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderJa } from '../../../app/testing/render';
import { ReadOnlyBanner, roleAbilities } from './ReadOnlyBanner';

describe('roleAbilities', () => {
  it('lists for staff and for an observer what the role table gives them, reading the draft once', () => {
    expect(roleAbilities('staff')).toEqual({
      may: ['draft.read', 'draft.suggest', 'comment.write', 'thread.resolve', 'opinion.respond', 'review.open', 'kpi.recordActuals', 'plan.manage'],
      mayNot: ['plan.edit', 'review.decide'],
      readOnly: false,
    });
    expect(roleAbilities('observer')).toEqual({
      may: ['plan.read'],
      mayNot: ['draft.read', 'plan.edit', 'draft.suggest', 'comment.write', 'thread.resolve', 'opinion.respond', 'review.open', 'review.decide', 'kpi.recordActuals', 'plan.manage'],
      readOnly: true,
    });
  });

  it('calls only those who neither edit nor comment read-only', () => {
    expect(ROLES.filter((role) => roleAbilities(role).readOnly)).toEqual(['observer']);
  });
});

describe('ReadOnlyBanner', () => {
  it('tells staff that they suggest, comment, respond and resolve, but do not edit', () => {
    renderJa(<ReadOnlyBanner role="staff" />);
    const may = screen.getByTestId('role-banner-may').textContent!;
    expect(may).not.toContain('閲覧のみ');
    expect(may).toContain('事務局としてできること');
    for (const phrase of ['本文への提案（見え消し）', 'コメントと返信', 'スレッドの解決・再開', '対応方針の記入', '版の凍結と審議の開始', '成果指標の実績値の記録', '計画の設定']) {
      expect(may).toContain(phrase);
    }
    expect(may).not.toContain('本文・施策表の編集');
    expect(screen.getByTestId('role-banner-may-not').textContent).toBe('できないこと：本文・施策表の編集、審議の判断（承認・差戻し）。');
  });

  it('tells an observer it is read-only, and how an invitation widens that', () => {
    renderJa(<ReadOnlyBanner role="observer" />);
    const may = screen.getByTestId('role-banner-may').textContent!;
    expect(may).toMatch(/^閲覧のみ 傍聴としてできること：協議会が承認した版の閲覧。/);
    expect(may).toContain('審議に招待された版は、審議中に読んでコメントできます。');
    expect(screen.queryByTestId('role-banner-may-not')).toBeNull();
  });

  it('tells a vice chair about delegated decisions', () => {
    renderJa(<ReadOnlyBanner role="vice_chair" />);
    expect(screen.getByTestId('role-banner-may').textContent).toContain('座長から判断を任された審議では');
  });
});
