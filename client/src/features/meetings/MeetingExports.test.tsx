import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderJa } from '../../app/testing/render';
import { MeetingExports } from './MeetingExports';

const hrefs = () => screen.getAllByRole('link').map((a) => a.getAttribute('href'));

describe('the meeting documents links', () => {
  it('offer the 次第 and the 名簿 as Word and HTML downloads, and say when the minutes come', () => {
    renderJa(<MeetingExports workspaceId="w 1" meetingId="m/1" minutes="none" />);
    expect(hrefs()).toEqual([
      '/api/workspaces/w%201/meetings/m%2F1/exports/agenda.docx',
      '/api/workspaces/w%201/meetings/m%2F1/exports/agenda.html',
      '/api/workspaces/w%201/meetings/m%2F1/exports/attendance.docx',
      '/api/workspaces/w%201/meetings/m%2F1/exports/attendance.html',
    ]);
    for (const link of screen.getAllByRole('link')) expect(link.hasAttribute('download')).toBe(true);
    expect(screen.getByRole('link', { name: '次第をWordでダウンロード' })).toBeTruthy();
    expect(screen.getByTestId('meeting-export-minutes-later').textContent).toBe('議事録は座長の確定後に出力できます。');
  });

  it('offers draft minutes marked 案, naming people as the publication setting says until another choice', () => {
    renderJa(<MeetingExports workspaceId="w" meetingId="m" minutes="draft" publishNames="asSpoken" />);
    expect(screen.getByTestId('meeting-export-minutes').textContent).toContain('議事録（案）');
    expect(screen.getByTestId('meeting-export-minutes-docx').getAttribute('href')).toBe('/api/workspaces/w/meetings/m/exports/minutes.docx?names=asSpoken');
    fireEvent.click(screen.getByTestId('meeting-export-names-anonymised'));
    expect(screen.getByTestId('meeting-export-minutes-html').getAttribute('href')).toBe('/api/workspaces/w/meetings/m/exports/minutes.html?names=anonymised');
    // The other documents have no names to choose.
    expect(screen.getByTestId('meeting-export-agenda-html').getAttribute('href')).toBe('/api/workspaces/w/meetings/m/exports/agenda.html');
  });

  it('offers confirmed minutes without 案', () => {
    renderJa(<MeetingExports workspaceId="w" meetingId="m" minutes="confirmed" />);
    expect(screen.getByTestId('meeting-export-minutes').textContent).not.toContain('案');
    expect(screen.getByTestId('meeting-export-minutes-docx').getAttribute('href')).toBe('/api/workspaces/w/meetings/m/exports/minutes.docx?names=anonymised');
  });
});
