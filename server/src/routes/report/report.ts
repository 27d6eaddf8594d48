import type { OpenAPIHono } from '@hono/zod-openapi';
import { formatDate } from '@sakutei/shared';
import { fiscalYearText, type AnnualReport } from '@sakutei/shared/measures';
import type { AppDeps, AppEnv } from '../../env';
import { forbidden } from '../../errors';
import { canReadLiveReport } from '../../policies/report';
import { frozenAnnualReport, liveAnnualReport } from '../../services/annualReport';
import { auditHeadLine, reportDocx, reportHtml, revisionMeta } from '../../services/documentExport';
import type { ReportDocumentMeta } from '../../services/export/reportDocument';
import { revisionService } from '../../services/revisions';
import { loadVisiblePlan } from '../../services/visiblePlan';
import { docxDownload } from '../downloads';
import { requireUser } from '../guards';
import { planReportRoute, revisionReportRoute } from './schema';

/** The Word file, named after the plan (and revision) and the year. */
async function wordFile(report: AnnualReport, meta: ReportDocumentMeta, fileStem: string) {
  return docxDownload(await reportDocx(report, meta), `${fileStem}_進捗状況報告_${report.yearLabel}.docx`, `progress-report-${report.fiscalYear}.docx`);
}

export function reportRoutes(deps: AppDeps, app: OpenAPIHono<AppEnv>) {
  const { workspaces } = deps.storage;
  const revisions = revisionService(deps);

  return app
    .openapi(planReportRoute, async (c) => {
      const user = requireUser(c);
      const plan = await loadVisiblePlan(workspaces, user.id, c.req.valid('param').id);
      if (!canReadLiveReport(plan.role)) throw forbidden('Observers read the report of approved revisions, not of the live draft.');
      const { fiscalYear, format } = c.req.valid('query');
      const report = await liveAnnualReport(deps, plan.docName, fiscalYear);
      const source = `現在の案（${formatDate(new Date(), 'wareki')}時点）／ ${fiscalYearText(fiscalYear, 'era')}`;
      const meta = { planTitle: plan.title, source };
      if (format === 'html') return c.html(reportHtml(report, meta), 200);
      const file = await wordFile(report, meta, plan.title);
      return c.body(file.body, 200, file.headers);
    })
    .openapi(revisionReportRoute, async (c) => {
      const { planTitle, revision, snapshot } = await revisions.forExport(requireUser(c), c.req.valid('param').revisionId);
      const { fiscalYear, format } = c.req.valid('query');
      const report = frozenAnnualReport(snapshot, fiscalYear);
      // The audit chain's head on the published report too, as on the revision's own files.
      const head = auditHeadLine(await deps.storage.audit.head());
      const meta = { planTitle, source: head ? `${revisionMeta(revision, 'wareki')} ／ ${head}` : revisionMeta(revision, 'wareki') };
      if (format === 'html') return c.html(reportHtml(report, meta), 200);
      const file = await wordFile(report, meta, `${planTitle}_第${revision.number}版`);
      return c.body(file.body, 200, file.headers);
    });
}
