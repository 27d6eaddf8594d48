import { act, fireEvent, screen } from '@testing-library/react';
import type { Editor } from '@tiptap/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { renderJa } from '../../app/testing/render';
import { blocksOf, headlessProseEditor, paragraphs } from '../../test/headlessProse';
import { MinutesToolbar } from './MinutesToolbar';
import { agendaItem, attendee, decision, minutesMeeting } from './minutesTesting';

let editor: Editor | null = null;
afterEach(() => {
  editor?.destroy();
  editor = null;
});

const meeting = minutesMeeting({
  agenda: [agendaItem(1, '開会'), agendaItem(2, '計画素案について')],
  attendance: [attendee('u-chair', '山田 太郎', 'chair', 'present'), attendee('u-m', '佐藤 花子', 'member', 'absent')],
  decisions: [decision('d1'), decision('d2', { kind: 'acknowledgement', text: '報告を了承した。', vote: null })],
});

// On a Y.Doc like the page's: undo and redo are Yjs's, and exist only with Collaboration.
describe('the minutes toolbar', () => {
  it('inserts the agenda as headings and says how many; a second press says none are missing', async () => {
    editor = await headlessProseEditor({ content: paragraphs(''), ydoc: new Y.Doc() });
    const say = vi.fn();
    renderJa(<MinutesToolbar editor={editor} meeting={meeting} say={say} />);
    act(() => fireEvent.click(screen.getByTestId('minutes-agenda-headings')));
    expect(blocksOf(editor)).toEqual(['heading: 1\u3000開会', 'heading: 2\u3000計画素案について']);
    expect(say).toHaveBeenLastCalledWith('議題の見出しを2件挿入しました。');
    act(() => fireEvent.click(screen.getByTestId('minutes-agenda-headings')));
    expect(say).toHaveBeenLastCalledWith('議題の見出しはすべて入っています。');
  });

  it('undoes all the headings of one press in one step', async () => {
    editor = await headlessProseEditor({ content: paragraphs('開会前'), ydoc: new Y.Doc() });
    renderJa(<MinutesToolbar editor={editor} meeting={meeting} say={vi.fn()} />);
    act(() => fireEvent.click(screen.getByTestId('minutes-agenda-headings')));
    expect(blocksOf(editor)).toHaveLength(3);
    act(() => fireEvent.click(screen.getByTestId('minutes-undo')));
    expect(blocksOf(editor)).toEqual(['paragraph: 開会前']);
  });

  it('lists the meeting’s decisions as the minutes write them and inserts the one chosen', async () => {
    editor = await headlessProseEditor({ content: paragraphs('採決に入ります。'), ydoc: new Y.Doc() });
    renderJa(<MinutesToolbar editor={editor} meeting={meeting} say={vi.fn()} />);
    fireEvent.click(screen.getByTestId('minutes-decision'));
    const items = screen.getAllByTestId('minutes-decision-item');
    expect(items.map((i) => i.textContent)).toEqual(['（議決）素案のとおり承認する。\u3000全会一致', '（了承）報告を了承した。']);
    act(() => fireEvent.click(items[1]!));
    expect(blocksOf(editor)).toEqual(['paragraph: 採決に入ります。', 'paragraph: （了承）報告を了承した。']);
  });

  it('inserts a speaker who attended, in bold', async () => {
    editor = await headlessProseEditor({ content: paragraphs(''), ydoc: new Y.Doc() });
    renderJa(<MinutesToolbar editor={editor} meeting={meeting} say={vi.fn()} />);
    fireEvent.click(screen.getByTestId('minutes-speaker'));
    const items = screen.getAllByTestId('minutes-speaker-item');
    expect(items.map((i) => i.textContent)).toEqual(['山田座長：']);
    act(() => fireEvent.click(items[0]!));
    expect(editor.getJSON().content?.[0]).toEqual({ type: 'paragraph', content: [{ type: 'text', text: '山田座長：', marks: [{ type: 'bold' }] }] });
  });

  it('is one tab stop: arrow keys move between its tools', async () => {
    editor = await headlessProseEditor({ content: paragraphs(''), ydoc: new Y.Doc() });
    renderJa(<MinutesToolbar editor={editor} meeting={meeting} say={vi.fn()} />);
    const heading = screen.getByTestId('minutes-heading');
    act(() => heading.focus());
    act(() => void fireEvent.keyDown(heading, { key: 'ArrowRight' }));
    expect(document.activeElement).toBe(screen.getByTestId('minutes-bold'));
  });
});
