import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderJa } from '../../app/testing/render';
import { OpenReviewControls } from './OpenReviewControls';

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
});
