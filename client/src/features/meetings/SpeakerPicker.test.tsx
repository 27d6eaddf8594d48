import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderJa } from '../../app/testing/render';
import { attendee } from './minutesTesting';
import { SpeakerPicker } from './SpeakerPicker';

const attendance = [
  attendee('u-chair', '山田 太郎', 'chair', 'present'),
  attendee('u-online', '佐藤 花子', 'member', 'online'),
  attendee('u-proxy', '田中 一郎', 'member', 'proxy', '田中 次郎'),
  attendee('u-absent', '鈴木 三郎', 'member', 'absent'),
  attendee('u-unknown', '高橋 四郎', 'member', null),
  attendee('u-staff', '伊藤 五郎', 'staff', 'present'),
];

function open() {
  fireEvent.click(screen.getByTestId('minutes-speaker'));
  return screen.getAllByTestId('minutes-speaker-item');
}

describe('the minutes speaker picker', () => {
  it('offers those who attended (in the room, online, by proxy), labelled as the minutes write them; not the absent or unrecorded', () => {
    renderJa(<SpeakerPicker attendance={attendance} onPick={vi.fn()} />);
    expect(open().map((item) => item.textContent)).toEqual([
      '山田座長：',
      '佐藤委員：',
      '田中委員：（代理 田中 次郎）',
      '事務局（伊藤）：',
    ]);
  });

  it('hands the chosen speaker’s label to the editor', () => {
    const onPick = vi.fn();
    renderJa(<SpeakerPicker attendance={attendance} onPick={onPick} />);
    fireEvent.click(open()[1]!);
    expect(onPick).toHaveBeenCalledExactlyOnceWith('佐藤委員：');
  });

  it('says so when nobody has been recorded as attending, and inserts nothing', () => {
    const onPick = vi.fn();
    renderJa(<SpeakerPicker attendance={[attendee('u-absent', '鈴木 三郎', 'member', 'absent')]} onPick={onPick} />);
    fireEvent.click(screen.getByTestId('minutes-speaker'));
    const menu = screen.getByTestId('minutes-speaker-menu');
    expect(menu.textContent).toBe('出席者が記録されていません');
    expect(screen.queryAllByTestId('minutes-speaker-item')).toEqual([]);
    fireEvent.click(screen.getByText('出席者が記録されていません'));
    expect(onPick).not.toHaveBeenCalled();
  });
});
