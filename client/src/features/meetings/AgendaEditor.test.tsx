import type { AgendaItem, AgendaItemInput, Meeting } from '@sakutei/shared';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { renderJa } from '../../app/testing/render';
import { AgendaEditor } from './AgendaEditor';

const item = (id: string, title: string, changedAfterSent = false): AgendaItem => ({
  id,
  position: 0,
  title,
  presenter: '',
  minutes: null,
  links: [],
  changedAfterSent,
});

const meeting = (agenda: AgendaItem[]): Meeting => ({
  id: 'mt',
  kind: 'regular',
  subcommittee: null,
  title: '',
  date: '2025-11-20',
  startTime: null,
  endTime: null,
  place: '',
  onlineUrl: null,
  status: 'scheduled',
  fiscalYear: 2025,
  ordinal: 1,
  label: '令和7年度 第1回',
  agendaSentAt: null,
  agenda,
  attendance: [],
  quorum: { rule: { kind: 'moreThanHalf', proxyCounts: true }, required: 1, present: 0, met: false, voters: 0 },
  decisions: [],
  version: 1,
});

/** The page's part: the saved list comes back as the meeting's new agenda, as the server answers. */
function Harness({ mayManage = true, save = vi.fn() }: { mayManage?: boolean; save?: (items: AgendaItemInput[]) => void }) {
  const [current, setCurrent] = useState(meeting([item('a', '開会'), item('b', '計画素案について', true), item('c', '閉会')]));
  return (
    <AgendaEditor
      workspaceId="ws"
      meeting={current}
      mayManage={mayManage}
      saveAgenda={async (items) => {
        save(items);
        setCurrent(meeting(items.map((input, i) => item(input.id ?? `new${i}`, input.title))));
      }}
      sendAgenda={async () => undefined}
      announce={() => undefined}
      onFailure={() => undefined}
    />
  );
}

const titles = () => screen.getAllByTestId('agenda-item-title').map((el) => el.textContent);

describe('the agenda editor', () => {
  it('moves an item by its 上へ / 下へ buttons and keeps the focus on the moved item', async () => {
    const save = vi.fn();
    renderJa(<Harness save={save} />);
    const down = screen.getByRole('button', { name: '「開会」を下へ移動' });
    down.focus();
    await act(async () => fireEvent.click(down));
    expect(titles()).toEqual(['計画素案について', '開会', '閉会']);
    expect(save).toHaveBeenCalledWith([expect.objectContaining({ id: 'b' }), expect.objectContaining({ id: 'a' }), expect.objectContaining({ id: 'c' })]);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '「開会」を下へ移動' }));
    // Moved to the end, the item's 下へ is disabled: the focus goes to its 上へ instead of being lost.
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '「開会」を下へ移動' })));
    expect(titles()).toEqual(['計画素案について', '閉会', '開会']);
    expect(screen.getByRole('button', { name: '「開会」を下へ移動' })).toHaveProperty('disabled', true);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '「開会」を上へ移動' }));
  });

  it('asks before removing an item, and removes it only when confirmed', async () => {
    const save = vi.fn();
    renderJa(<Harness save={save} />);
    fireEvent.click(screen.getByRole('button', { name: '「閉会」を削除' }));
    fireEvent.click(screen.getByTestId('agenda-item-remove-dialog-cancel'));
    expect(save).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: '「閉会」を削除' }));
    await act(async () => fireEvent.click(screen.getByTestId('agenda-item-remove-dialog-confirm')));
    expect(titles()).toEqual(['開会', '計画素案について']);
    expect(document.activeElement).toBe(screen.getByTestId('agenda-add'));
  });

  it('marks an item changed after sending, and offers members no tools', () => {
    renderJa(<Harness mayManage={false} />);
    const changed = screen.getAllByTestId('agenda-item')[1]!;
    expect(within(changed).getByTestId('agenda-item-changed').textContent).toBe('送付後に変更');
    expect(screen.queryByTestId('agenda-item-up')).toBeNull();
    expect(screen.queryByTestId('agenda-send')).toBeNull();
    expect(screen.getByText('次第は事務局と座長が編集します。')).toBeTruthy();
  });
});
