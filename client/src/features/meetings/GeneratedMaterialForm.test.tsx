import type { PlanListItem, Revision } from '@sakutei/shared';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderJa } from '../../app/testing/render';
import { GeneratedMaterialForm } from './GeneratedMaterialForm';

vi.mock('../../app/session', () => ({ useSession: () => ({ expire: vi.fn() }) }));

const plan = (id: string, workspaceId: string, title: string): PlanListItem => ({
  id,
  title,
  workspaceId,
  workspaceName: '協議会',
  docName: `plan-${id}`,
  role: 'staff',
  periodFrom: 2025,
  periodTo: 2029,
  status: 'drafting',
  previousPlanId: null,
  archivedAt: null,
  editedAt: null,
  createdAt: '2025-04-01T00:00:00.000Z',
  stage: null,
  reviewsWaiting: 0,
  unread: 0,
  nextPlanId: null,
});

const revision = (id: string, number: number, name: string): Revision => ({
  id,
  planId: 'p-1',
  number,
  name,
  stage: '素案',
  author: { id: 'u-staff', name: '事務局' },
  createdAt: '2025-12-06T05:05:00.000Z',
  hash: '0'.repeat(64),
  review: { status: 'draft' },
  delegate: null,
  invited: [],
  reviewOpenedAt: null,
  decidedAt: null,
  suggestionsOnly: false,
  requireSuggestionsDecided: false,
  invitedMaySuggest: false,
  allowedEvents: [],
});

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** The plans (one of another council), the plan's two revisions, and the add's answer; records what was posted. */
function serve(addAnswer: () => Response) {
  const posted: unknown[] = [];
  vi.stubGlobal('fetch', async (path: string, init: RequestInit = {}) => {
    if (path === '/api/plans') return json(200, { plans: [plan('p-1', 'w-1', '第2期振興プログラム'), plan('p-9', 'w-9', '他会議の計画')] });
    if (path === '/api/plans/p-1/revisions') return json(200, { revisions: [revision('r-1', 1, '骨子案'), revision('r-2', 2, '素案')] });
    if (path.endsWith('/materials/generated') && init.method === 'POST') {
      posted.push(JSON.parse(String(init.body)));
      return addAnswer();
    }
    return json(404, { error: { code: 'not_found', message: path } });
  });
  return posted;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function show(onAdded = vi.fn()) {
  renderJa(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <GeneratedMaterialForm workspaceId="w-1" meetingId="m-1" maxBytes={1024} onAdded={onAdded} onClose={vi.fn()} />
    </QueryClientProvider>,
  );
  return onAdded;
}

async function choose(revisionId: string) {
  const planSelect = (await screen.findByLabelText('計画')) as HTMLSelectElement;
  await waitFor(() => expect(planSelect.options.length).toBe(2));
  // Only this council's plan is offered.
  expect([...planSelect.options].map((o) => o.textContent)).toEqual(['選んでください', '第2期振興プログラム']);
  fireEvent.change(planSelect, { target: { value: 'p-1' } });
  const revisionSelect = (await screen.findByLabelText('版')) as HTMLSelectElement;
  await waitFor(() => expect(revisionSelect.options.length).toBe(3));
  fireEvent.change(revisionSelect, { target: { value: revisionId } });
}

describe('版から資料を追加', () => {
  it('sends the chosen plan, revision and kind, and hands back the material', async () => {
    const material = { id: 'x', position: 2, label: '資料2', kind: 'compare', source: { planId: 'p-1', revisionId: 'r-2' }, title: '新旧対照表（第1版→第2版）', fileName: 'a.docx', fileType: 'docx', contentType: 'x', size: 0, downloadName: 'a', createdAt: 1 };
    const posted = serve(() => json(201, { material }));
    const onAdded = show();
    await choose('r-2');
    fireEvent.click(screen.getByLabelText('新旧対照表（前の版との比較、Word）'));
    fireEvent.click(screen.getByTestId('materials-generate-add'));
    await waitFor(() => expect(onAdded).toHaveBeenCalledWith(material));
    expect(posted).toEqual([{ planId: 'p-1', revisionId: 'r-2', kind: 'compare' }]);
  });

  it('offers no 新旧対照表 for the plan’s first revision, and says why', async () => {
    serve(() => json(500, {}));
    show();
    await choose('r-1');
    expect((screen.getByLabelText('新旧対照表（前の版との比較、Word）') as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByText('第1版には比べる前の版がないため、新旧対照表は作れません。')).toBeTruthy();
  });

  it('says in words when the server no longer finds the revision', async () => {
    serve(() => json(404, { error: { code: 'not_found', message: 'revision not found' } }));
    const onAdded = show();
    await choose('r-2');
    fireEvent.click(screen.getByTestId('materials-generate-add'));
    expect((await screen.findByTestId('materials-generate-failure')).textContent).toContain('その版は見つかりません');
    expect(onAdded).not.toHaveBeenCalled();
  });
});
