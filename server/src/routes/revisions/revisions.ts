import type { OpenAPIHono } from '@hono/zod-openapi';
import { can } from '@sakutei/shared';
import type { AppDeps, AppEnv } from '../../env';
import { forbidden } from '../../errors';
import { compareDocx, compareHtml, revisionDocx, revisionHtml } from '../../services/documentExport';
import { revisionService } from '../../services/revisions';
import { loadVisiblePlan } from '../../services/visiblePlan';
import { requireUser } from '../guards';
import {
  auditRoute,
  compareRoute,
  decideReviewRoute,
  exportCompareRoute,
  exportRevisionRoute,
  freezeRevisionRoute,
  getRevisionRoute,
  listRevisionsRoute,
  openReviewRoute,
  restoreRevisionRoute,
  withdrawReviewRoute,
} from './schema';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function attachment(name: string, asciiName: string): string {
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function revisionRoutes(deps: AppDeps, app: OpenAPIHono<AppEnv>) {
  const service = revisionService(deps);
  const { workspaces, audit } = deps.storage;

  return app
    .openapi(listRevisionsRoute, async (c) => {
      return c.json({ revisions: await service.list(requireUser(c), c.req.valid('param').id) }, 200);
    })
    .openapi(freezeRevisionRoute, async (c) => {
      const revision = await service.freeze(requireUser(c), c.req.valid('param').id, c.req.valid('json'));
      return c.json({ revision }, 201);
    })
    .openapi(getRevisionRoute, async (c) => {
      return c.json(await service.get(requireUser(c), c.req.valid('param').revisionId), 200);
    })
    .openapi(openReviewRoute, async (c) => {
      const revision = await service.openReview(requireUser(c), c.req.valid('param').revisionId, c.req.valid('json'));
      return c.json({ revision }, 200);
    })
    .openapi(decideReviewRoute, async (c) => {
      const revision = await service.decide(requireUser(c), c.req.valid('param').revisionId, c.req.valid('json'));
      return c.json({ revision }, 200);
    })
    .openapi(withdrawReviewRoute, async (c) => {
      return c.json({ revision: await service.withdraw(requireUser(c), c.req.valid('param').revisionId) }, 200);
    })
    .openapi(restoreRevisionRoute, async (c) => {
      await service.restore(requireUser(c), c.req.valid('param').revisionId);
      return c.json({ ok: true as const }, 200);
    })
    .openapi(exportRevisionRoute, async (c) => {
      const user = requireUser(c);
      const { revision, snapshot } = await service.get(user, c.req.valid('param').revisionId);
      const plan = await loadVisiblePlan(workspaces, user.id, revision.planId);
      if (c.req.valid('query').format === 'html') return c.html(revisionHtml(plan.title, revision, snapshot), 200);
      const bytes = await revisionDocx(plan.title, revision, snapshot);
      return c.body(new Uint8Array(bytes), 200, {
        'content-type': DOCX,
        'content-disposition': attachment(`${plan.title}_第${revision.number}版.docx`, `revision-${revision.number}.docx`),
      });
    })
    .openapi(compareRoute, async (c) => {
      const { from, to } = c.req.valid('query');
      const { fromSnapshot: _a, toSnapshot: _b, ...comparison } = await service.compare(requireUser(c), c.req.valid('param').id, from, to);
      return c.json(comparison, 200);
    })
    .openapi(exportCompareRoute, async (c) => {
      const user = requireUser(c);
      const { from, to, format } = c.req.valid('query');
      const planId = c.req.valid('param').id;
      const plan = await loadVisiblePlan(workspaces, user.id, planId);
      const comparison = await service.compare(user, planId, from, to);
      if (format === 'html') return c.html(compareHtml(plan.title, comparison), 200);
      const bytes = await compareDocx(plan.title, comparison);
      return c.body(new Uint8Array(bytes), 200, {
        'content-type': DOCX,
        'content-disposition': attachment(`${plan.title}_新旧対照表.docx`, 'comparison.docx'),
      });
    })
    .openapi(auditRoute, async (c) => {
      const user = requireUser(c);
      const plan = await loadVisiblePlan(workspaces, user.id, c.req.valid('param').id);
      if (!can(plan.role, 'members.read')) throw forbidden('The record is for the council and its secretariat.');
      const [entries, verdict] = await Promise.all([audit.listForPlan(plan.id, plan.workspaceId, 500), audit.verify()]);
      return c.json(
        {
          entries: entries.map((e) => ({
            seq: e.seq,
            at: new Date(e.at).toISOString(),
            kind: e.kind,
            actor: e.actorId ? { id: e.actorId, name: e.actorName ?? '' } : null,
            planId: e.planId,
            details: e.details,
            hash: e.hash,
            prevHash: e.prevHash,
          })),
          intact: verdict.firstBroken === null,
          firstBroken: verdict.firstBroken,
        },
        200,
      );
    });
}
