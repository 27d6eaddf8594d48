import { act, fireEvent, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { renderJa } from '../../app/testing/render';
import { ObserverPicker } from './ObserverPicker';
import { observersFixture } from './testFixtures';

function Harness({ initial = [] as string[] }) {
  const [ids, setIds] = useState<string[]>(initial);
  return (
    <>
      <ObserverPicker observers={observersFixture} chosenIds={ids} onChange={setIds} />
      <output data-testid="ids">{ids.join(',')}</output>
    </>
  );
}

const options = () => screen.getAllByTestId('review-invite-option').map((option) => option.textContent);

describe('ObserverPicker', () => {
  it('filters the list as one types a name, and a pick becomes a tag', () => {
    renderJa(<Harness />);
    expect(options()).toHaveLength(3);
    fireEvent.change(screen.getByTestId('review-invite'), { target: { value: '木村' } });
    expect(options()).toEqual([expect.stringContaining('傍聴 木村さくら')]);
    fireEvent.click(screen.getByTestId('review-invite-option'));
    expect(screen.getByTestId('ids').textContent).toBe('u-obs-2');
    expect(within(screen.getByTestId('review-invite-chosen')).getByText('傍聴 木村さくら')).toBeTruthy();
    // The search field is cleared for the next name, and the whole list is back.
    expect((screen.getByTestId('review-invite') as HTMLInputElement).value).toBe('');
    expect(options()).toHaveLength(3);
  });

  it('keeps earlier picks when another is chosen, and says when nothing matches', () => {
    renderJa(<Harness initial={['u-obs-1']} />);
    fireEvent.change(screen.getByTestId('review-invite'), { target: { value: 'いとう' } });
    fireEvent.click(screen.getByTestId('review-invite-option'));
    expect(screen.getByTestId('ids').textContent).toBe('u-obs-1,u-obs-3');
    fireEvent.change(screen.getByTestId('review-invite'), { target: { value: '佐藤' } });
    expect(screen.queryAllByTestId('review-invite-option')).toHaveLength(0);
    expect(screen.getByText('「佐藤」に当てはまる傍聴者はいません。')).toBeTruthy();
  });

  it('takes a person off with the tag’s remove button', () => {
    renderJa(<Harness initial={['u-obs-1', 'u-obs-2']} />);
    const remove = screen.getAllByTestId('review-invite-remove')[0]!;
    // Its name is the action and the person: 「招待から外す 傍聴 田中健」.
    const names = remove.getAttribute('aria-labelledby')!.split(' ').map((id) => document.getElementById(id)!.textContent);
    expect(names.join(' ')).toContain('傍聴 田中健');
    expect(remove.getAttribute('aria-label')).toBe('招待から外す');
    act(() => {
      fireEvent.click(remove);
    });
    expect(screen.getByTestId('ids').textContent).toBe('u-obs-2');
    expect(screen.getAllByTestId('review-invite-tag')).toHaveLength(1);
  });
});
