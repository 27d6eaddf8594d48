import type { AgendaLink, AgendaLinkTargets, PlanListItem } from '@sakutei/shared';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SessionProvider } from '../../app/session';
import { renderJa } from '../../app/testing/render';
import { AgendaLinkPicker } from './AgendaLinkPicker';

const plan = (id: string, title: string, workspaceId: string): PlanListItem => ({
  id,
  title,
  workspaceId,
  workspaceName: '振興会議',
  docName: `plan:${id}`,
  role: 'staff',
  periodFrom: 2024,
  periodTo: 2027,
  status: 'active',
  previousPlanId: null,
  archivedAt: null,
  editedAt: null,
  createdAt: '2026-01-01T00:00:00Z',
  stage: null,
  reviewsWaiting: 0,
  unread: 0,
  nextPlanId: null,
});

const targets: AgendaLinkTargets = {
  sections: [
    { headingText: '第1章 計画の趣旨', level: 1 },
    { headingText: '1. 策定の目的', level: 2 },
  ],
  threads: [{ id: 't1', label: '意見1「実績値 R6」' }],
  kpis: [{ id: 'k1', label: '指標① 創業件数' }],
};

let asked: string[] = [];
beforeEach(() => {
  asked = [];
  vi.stubGlobal('fetch', async (path: string) => {
    asked.push(path);
    const body = path.startsWith('/api/plans')
      ? { plans: [plan('p1', '振興計画', 'ws'), plan('p2', '他の会議の計画', 'other')] }
      : path.includes('/link-targets?')
        ? targets
        : path.endsWith('/materials')
          ? {
              materials: [{ id: 'm1', position: 1, label: '資料1', kind: 'file', title: '実施状況', fileName: 'a.pdf', fileType: 'pdf', size: 10 }],
              mayManage: true,
              limits: { maxBytes: 1, maxMaterials: 1, councilBytesLeft: 1 },
            }
          : null;
    return new Response(JSON.stringify(body), { status: body ? 200 : 404, headers: { 'content-type': 'application/json' } });
  });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function show() {
  const added: AgendaLink[] = [];
  renderJa(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <SessionProvider>
        <AgendaLinkPicker workspaceId="ws" meetingId="mt" onAdd={(link) => added.push(link)} />
      </SessionProvider>
    </QueryClientProvider>,
  );
  return added;
}

const choose = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label, { selector: 'select' }), { target: { value } });

describe('AgendaLinkPicker', () => {
  it("offers this council's plans only, then the plan's KPIs, and adds the chosen one", async () => {
    const added = show();
    choose('種類', 'kpi');
    await screen.findByRole('option', { name: '振興計画' });
    expect(screen.queryByRole('option', { name: '他の会議の計画' })).toBeNull();
    choose('計画', 'p1');
    await screen.findByRole('option', { name: '指標① 創業件数' });
    expect(asked).toContain('/api/workspaces/ws/meetings/mt/link-targets?planId=p1');
    // Nothing chosen yet: 追加 adds nothing.
    fireEvent.click(screen.getByTestId('agenda-link-add'));
    expect(added).toEqual([]);
    choose('成果指標', 'k1');
    fireEvent.click(screen.getByTestId('agenda-link-add'));
    expect(added).toEqual([{ kind: 'kpi', planId: 'p1', kpiId: 'k1', label: '振興計画 指標① 創業件数' }]);
  });

  it('lists headings indented by level and adds a section, a thread and a material', async () => {
    const added = show();
    choose('種類', 'section');
    await screen.findByRole('option', { name: '振興計画' });
    choose('計画', 'p1');
    // A section is indented under its chapter by level.
    expect((await screen.findByRole('option', { name: /1\. 策定の目的/ })).textContent).toBe('\u30001. 策定の目的');
    choose('章・節', '1. 策定の目的');
    fireEvent.click(screen.getByTestId('agenda-link-add'));
    choose('種類', 'thread');
    await screen.findByRole('option', { name: '意見1「実績値 R6」' });
    choose('意見', 't1');
    fireEvent.click(screen.getByTestId('agenda-link-add'));
    choose('種類', 'material');
    await screen.findByRole('option', { name: '資料1 実施状況' });
    choose('資料', 'm1');
    fireEvent.click(screen.getByTestId('agenda-link-add'));
    expect(added).toEqual([
      { kind: 'section', planId: 'p1', headingText: '1. 策定の目的', label: '振興計画「1. 策定の目的」' },
      { kind: 'thread', planId: 'p1', threadId: 't1', label: '振興計画 意見1「実績値 R6」' },
      { kind: 'material', materialId: 'm1', label: '資料1 実施状況' },
    ]);
  });
});
