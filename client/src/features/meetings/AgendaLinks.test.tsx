import type { AgendaItem, AgendaLink, Meeting } from '@sakutei/shared';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderJa } from '../../app/testing/render';
import { planFragmentOf, viewOfFragment } from '../plan/planFragments';
import { linkHref, linkInput, sameLink } from './agenda';
import { AgendaEditor } from './AgendaEditor';

const links: AgendaLink[] = [
  { kind: 'section', planId: 'p 1', headingText: '第2章 施策の展開', label: '振興計画「第2章 施策の展開」', gone: false },
  { kind: 'thread', planId: 'p 1', threadId: 't1', label: '振興計画 意見3「実績値 R6」', gone: false },
  { kind: 'kpi', planId: 'p 1', kpiId: 'k/1', label: '振興計画 指標① 創業件数', gone: false },
  { kind: 'material', materialId: 'm1', label: '資料1 実施状況', gone: false },
  { kind: 'kpi', planId: 'p 1', kpiId: 'k2', label: '振興計画 指標② 消えた指標', gone: true },
];

const item: AgendaItem = { id: 'a', position: 1, title: '素案について', presenter: '', minutes: null, links, changedAfterSent: false };

const meeting: Meeting = {
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
  agenda: [item],
  attendance: [],
  quorum: { rule: { kind: 'moreThanHalf', proxyCounts: true }, required: 1, present: 0, met: false, voters: 0 },
  decisions: [],
  version: 1,
};

describe('agenda links to sections, threads, KPIs and materials', () => {
  it('open the plan page at the place they name, or the material file; a deleted target reads as its label （削除済み） without a link', () => {
    renderJa(
      <AgendaEditor
        workspaceId="ws"
        meeting={meeting}
        mayManage={false}
        saveAgenda={async () => undefined}
        sendAgenda={async () => undefined}
        announce={() => undefined}
        onFailure={() => undefined}
      />,
    );
    const list = within(screen.getByTestId('agenda-item-links'));
    const href = (name: string) => list.getByRole('link', { name }).getAttribute('href');
    expect(href('振興計画「第2章 施策の展開」')).toBe(`/plans/p%201#section-${encodeURIComponent('第2章 施策の展開')}`);
    expect(href('振興計画 意見3「実績値 R6」')).toBe('/plans/p%201#thread-t1');
    expect(href('振興計画 指標① 創業件数')).toBe('/plans/p%201#kpi-k%2F1');
    expect(href('資料1 実施状況')).toBe('/api/workspaces/ws/meetings/mt/materials/m1/file');
    expect(list.getByTestId('agenda-link-gone').textContent).toBe('振興計画 指標② 消えた指標（削除済み）');
    expect(list.queryByRole('link', { name: /消えた指標/ })).toBeNull();
    // Each link says what kind of thing it is.
    expect([...document.querySelectorAll('.meetings-link-kind')].map((el) => el.textContent)).toEqual(['章・節', '意見', '成果指標', '資料', '成果指標']);
  });

  it('round-trip: the fragment a link writes is the place the plan page reads, and its tab', () => {
    for (const link of links.slice(0, 3)) {
      const href = linkHref(link, () => '')!;
      const fragment = planFragmentOf(href.slice(href.indexOf('#')));
      if (link.kind === 'section') expect(fragment).toEqual({ kind: 'section', headingText: link.headingText });
      if (link.kind === 'kpi') expect(fragment).toEqual({ kind: 'kpi', kpiId: link.kpiId });
      if (link.kind === 'thread') expect(fragment).toBeNull();
    }
    expect(viewOfFragment({ kind: 'kpi', kpiId: 'k' })).toBe('measures');
    expect(viewOfFragment({ kind: 'section', headingText: 'h' })).toBe('prose');
    for (const hash of ['#kpi-', '#section-', '#section-%E0%A4%A', '#measures', '#thread-x', '']) expect(planFragmentOf(hash)).toBeNull();
    expect(linkHref(links[4]!, () => 'x')).toBeNull();
  });

  it('sends links without the gone mark, and tells equal targets apart from different ones', () => {
    expect(linkInput(links[4]!)).toEqual({ kind: 'kpi', planId: 'p 1', kpiId: 'k2', label: '振興計画 指標② 消えた指標' });
    expect(sameLink(links[2]!, { kind: 'kpi', planId: 'p 1', kpiId: 'k/1', label: '別名' })).toBe(true);
    expect(sameLink(links[2]!, links[4]!)).toBe(false);
    expect(sameLink(links[0]!, { ...links[0]!, headingText: '第3章' } as AgendaLink)).toBe(false);
    expect(sameLink(links[3]!, { kind: 'material', materialId: 'm1', label: '資料2 実施状況' })).toBe(true);
  });
});
