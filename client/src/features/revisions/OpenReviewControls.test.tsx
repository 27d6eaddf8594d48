import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderJa } from '../../app/testing/render';
import { OpenReviewControls } from './OpenReviewControls';
import { observersFixture } from './testFixtures';

describe('OpenReviewControls: suggestion options', () => {
  it('opens a plain review when neither option is ticked', () => {
    const onOpen = vi.fn();
    renderJa(<OpenReviewControls role="staff" members={[]} pending={false} onOpen={onOpen} />);
    fireEvent.click(screen.getByTestId('review-open'));
    expect(onOpen).toHaveBeenCalledWith({});
  });

  it('sends 提案のみ and 未処理なら承認不可 when ticked', () => {
    const onOpen = vi.fn();
    renderJa(<OpenReviewControls role="staff" members={[]} pending={false} onOpen={onOpen} />);
    fireEvent.click(screen.getByRole('checkbox', { name: '審議中は提案のみ受け付ける' }));
    fireEvent.click(screen.getByRole('checkbox', { name: '未処理の提案が残っていれば承認できない' }));
    fireEvent.click(screen.getByTestId('review-open'));
    expect(onOpen).toHaveBeenCalledWith({ suggestionsOnly: true, requireSuggestionsDecided: true });
  });

  it('lets the invited observers suggest too, sent only with someone invited', () => {
    const onOpen = vi.fn();
    renderJa(<OpenReviewControls role="staff" members={observersFixture} pending={false} onOpen={onOpen} />);
    const option = screen.getByRole('checkbox', { name: '招待した傍聴者も提案できる' });
    expect(option.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(option.getAttribute('aria-describedby')!)?.textContent).toContain('編集と採否はできません');
    fireEvent.click(option);
    // Nobody invited yet: the option has no one to apply to.
    fireEvent.click(screen.getByTestId('review-open'));
    expect(onOpen).toHaveBeenLastCalledWith({});
    fireEvent.change(screen.getByTestId('review-invite'), { target: { value: '木村' } });
    fireEvent.click(screen.getByTestId('review-invite-option'));
    fireEvent.click(screen.getByTestId('review-open'));
    expect(onOpen).toHaveBeenLastCalledWith({ invitedIds: ['u-obs-2'], invitedMaySuggest: true });
  });

  it('offers the option only when the council has observers to invite', () => {
    renderJa(<OpenReviewControls role="staff" members={[]} pending={false} onOpen={vi.fn()} />);
    expect(screen.queryByTestId('review-invited-may-suggest')).toBeNull();
  });
});
