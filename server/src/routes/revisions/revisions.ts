import type { OpenAPIHono } from '@hono/zod-openapi';
import { can } from '@sakutei/shared';
import type { AppDeps, AppEnv } from '../../env';
import { forbidden } from '../../errors';
import { compareDocx, compareHtml, revisionDocx, revisionHtml } from '../../services/documentExport';
import { revisionService } from '../../services/revisions';
import { cellSuggestionAuthorIds } from '../../services/export/cellSuggestionSection';
import { namesOf, suggestionAuthors } from '../../services/suggestionAuthors';
import { loadVisiblePlan } from '../../services/visiblePlan';
import { iso } from '../../presenters/time';
import { entryHolds } from '../../storage/auditChain';
import { docxDownload } from '../downloads';
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
      const { planTitle, revision, snapshot } = await service.forExport(requireUser(c), c.req.valid('param').revisionId);
      const { format, calendar, suggestions } = c.req.valid('query');
      // Suggestion marks name users by id: the paper names them.
      const authors = suggestions === 'markup' ? await suggestionAuthors(deps.storage.accounts, snapshot.prose) : [];
      // Pending cell proposals are listed after the prose (表の変更提案), under their authors' names.
      const cellAuthors = suggestions === 'markup' ? await namesOf(deps.storage.accounts, cellSuggestionAuthorIds(snapshot)) : [];
      // The audit chain's head, printed on the paper: kept outside the database, it shows later whether entries were removed.
      const options = { calendar, auditHead: await audit.head(), suggestions: { view: suggestions, authors, cellAuthors } };
      if (format === 'html') return c.html(revisionHtml(planTitle, revision, snapshot, options), 200);
      const bytes = await revisionDocx(planTitle, revision, snapshot, options);
      const marked = authors.length > 0 || cellAuthors.length > 0 ? '_見え消し' : '';
      const { body, headers } = docxDownload(bytes, `${planTitle}_第${revision.number}版${marked}.docx`, `revision-${revision.number}${marked ? '-markup' : ''}.docx`);
      return c.body(body, 200, headers);
    })
    .openapi(compareRoute, async (c) => {
      const { from, to, suggestions } = c.req.valid('query');
      const { planTitle: _title, ...comparison } = await service.compare(requireUser(c), c.req.valid('param').id, from, to, suggestions);
      return c.json(comparison, 200);
    })
    .openapi(exportCompareRoute, async (c) => {
      const { from, to, format, calendar, order, suggestions } = c.req.valid('query');
      const comparison = await service.compare(requireUser(c), c.req.valid('param').id, from, to, suggestions);
      if (format === 'html') return c.html(compareHtml(comparison.planTitle, comparison, { calendar, order }), 200);
      const bytes = await compareDocx(comparison.planTitle, comparison, { calendar, order });
      const { body, headers } = docxDownload(bytes, `${comparison.planTitle}_新旧対照表.docx`, 'comparison.docx');
      return c.body(body, 200, headers);
    })
    .openapi(auditRoute, async (c) => {
      const user = requireUser(c);
      const plan = await loadVisiblePlan(workspaces, user.id, c.req.valid('param').id);
      if (!can(plan.role, 'members.read')) throw forbidden('The record is for the council and its secretariat.');
      const { limit, before } = c.req.valid('query');
      // One more than asked shows whether an older page follows. The chain is verified from
      // the last checkpoint (the new tail), and each entry shown is checked on its own.
      const [page, verdict, head] = await Promise.all([audit.listForPlan(plan.id, plan.workspaceId, limit + 1, before), audit.verifyRecent(), audit.head()]);
      const entries = page.slice(0, limit);
      const firstBroken = [verdict.firstBroken, ...entries.filter((e) => !entryHolds(e)).map((e) => e.seq)]
        .filter((seq): seq is number => seq !== null)
        .reduce<number | null>((min, seq) => (min === null || seq < min ? seq : min), null);
      return c.json(
        {
          entries: entries.map((e) => ({
            seq: e.seq,
            at: iso(e.at),
            kind: e.kind,
            actor: e.actorId ? { id: e.actorId, name: e.actorName ?? '' } : null,
            planId: e.planId,
            details: e.details,
            hash: e.hash,
            prevHash: e.prevHash,
          })),
          next: page.length > limit ? entries.at(-1)!.seq : null,
          intact: firstBroken === null,
          firstBroken,
          head,
        },
        200,
      );
    });
}
