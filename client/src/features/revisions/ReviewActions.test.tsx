import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { decideReview } from '../../lib/revisionsApi';
import { renderJa } from '../../app/testing/render';
import { ReviewActions } from './ReviewActions';
import { revisionFixture } from './testFixtures';

vi.mock('../../lib/revisionsApi', () => ({
  decideReview: vi.fn(),
  openReview: vi.fn(),
  withdrawReview: vi.fn(),
}));

const decide = vi.mocked(decideReview);

function setup(role: 'chair' | 'vice_chair' = 'chair') {
  const revision = revisionFixture();
  const callbacks = { onChanged: vi.fn(), onStale: vi.fn(), announce: vi.fn() };
  renderJa(<ReviewActions revision={revision} role={role} members={[]} {...callbacks} />);
  return { revision, callbacks };
}

describe('ReviewActions: approval', () => {
  beforeEach(() => decide.mockReset());

  it('asks first, naming the revision, its stage and the hash it will approve', () => {
    setup();
    fireEvent.click(screen.getByTestId('review-approve'));
    const dialog = screen.getByTestId('review-approve-dialog');
    expect(dialog.getAttribute('role')).toBe('alertdialog');
    expect(within(dialog).getByTestId('approve-name').textContent).toBe('第2版「第2回会議資料」');
    expect(within(dialog).getByTestId('approve-stage').textContent).toBe('素案');
    expect(within(dialog).getByTestId('approve-hash').textContent).toBe('ab12cd34ef56');
    expect(dialog.textContent).toContain('承認は取り消せません');
    // The safe choice has the focus.
    expect(document.activeElement).toBe(screen.getByTestId('review-approve-dialog-cancel'));
  });

  it('does nothing when cancelled', () => {
    const { callbacks } = setup();
    fireEvent.click(screen.getByTestId('review-approve'));
    fireEvent.click(screen.getByTestId('review-approve-dialog-cancel'));
    expect(screen.queryByTestId('review-approve-dialog')).toBeNull();
    expect(decide).not.toHaveBeenCalled();
    expect(callbacks.onChanged).not.toHaveBeenCalled();
  });

  it('approves the hash it showed when confirmed', async () => {
    const { revision, callbacks } = setup();
    const approved = revisionFixture({ review: { status: 'approved', decidedBy: 'u-chair', approvedHash: revision.hash }, allowedEvents: [] });
    decide.mockResolvedValue({ revision: approved });
    fireEvent.click(screen.getByTestId('review-approve'));
    fireEvent.click(screen.getByTestId('review-approve-dialog-confirm'));
    await waitFor(() => expect(callbacks.onChanged).toHaveBeenCalledWith(approved));
    expect(decide).toHaveBeenCalledWith(revision.id, { decision: 'approve', hash: revision.hash });
    expect(callbacks.announce).toHaveBeenCalledWith('第2版を承認しました。');
    await waitFor(() => expect(screen.queryByTestId('review-approve-dialog')).toBeNull());
  });

  it('tells a vice chair that the approval is on the chair’s behalf', () => {
    setup('vice_chair');
    fireEvent.click(screen.getByTestId('review-approve'));
    expect(screen.getByTestId('review-approve-dialog').textContent).toContain('座長に代わって');
  });

  it('keeps 差戻し apart from 承認, and asks for its reason', () => {
    setup();
    const approve = screen.getByTestId('review-approve');
    const sendBack = screen.getByTestId('review-request-changes');
    expect(approve.closest('.review-decision__approve')).not.toBeNull();
    expect(sendBack.closest('.review-decision__send-back')).not.toBeNull();
    fireEvent.click(sendBack);
    expect(screen.getByTestId('review-reason')).toBeTruthy();
    expect(screen.queryByTestId('review-approve-dialog')).toBeNull();
  });
});
