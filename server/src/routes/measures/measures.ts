import type { OpenAPIHono } from '@hono/zod-openapi';
import { MAX_SPREADSHEET_BYTES } from '@sakutei/shared';
import {
  actualRefusal,
  deriveTable,
  kpiListFigureColumns,
  kpiListRows,
  measureTableRows,
  readKpiRecord,
  readMeasureTable,
  readSettings,
  setActual,
  type ActualRefusal,
} from '@sakutei/shared/measures';
import type { AppDeps, AppEnv } from '../../env';
import { AppError, forbidden, notFound } from '../../errors';
import { canExportMeasures, canImportSpreadsheet, canRecordActuals } from '../../policies/measures';
import { canReadDraft } from '../../policies/plan';
import { readFirstSheet } from '../../services/spreadsheet';
import { planService } from '../../services/plans';
import { loadVisiblePlan } from '../../services/visiblePlan';
import { tableDownload } from '../downloads';
import { kpiRowsIn } from '../../services/export/kpiRows';
import { requireUser } from '../guards';
import { exportMeasuresRoute, getMeasuresRoute, recordActualRoute, spreadsheetRowsRoute } from './schema';

const EXPORTS = {
  kpis: { fileName: '成果指標一覧', asciiName: 'kpi-list', sheetName: '成果指標一覧', headerRows: 2 },
  measures: { fileName: '施策体系', asciiName: 'measure-table', sheetName: '施策体系', headerRows: 1 },
} as const;

export function measureRoutes(deps: AppDeps, app: OpenAPIHono<AppEnv>) {
  const { workspaces } = deps.storage;

  return app
    .openapi(getMeasuresRoute, async (c) => {
      const user = requireUser(c);
      const plan = await loadVisiblePlan(workspaces, user.id, c.req.valid('param').id);
      if (!canReadDraft(plan.role)) throw forbidden('Observers read approved revisions, not the live draft.');
      const table = await deps.rooms.use(plan.docName, (room) => readMeasureTable(room.doc));
      return c.json({ table }, 200);
    })
    .openapi(exportMeasuresRoute, async (c) => {
      const user = requireUser(c);
      const plan = await loadVisiblePlan(workspaces, user.id, c.req.valid('param').id);
      if (!canExportMeasures(plan.role)) throw forbidden();
      const query = c.req.valid('query');
      const table = await deps.rooms.use(plan.docName, (room) => readMeasureTable(room.doc));
      const derived = deriveTable(table);
      const rows = query.table === 'kpis' ? kpiRowsIn(kpiListRows(derived, table.settings), table.settings, query.calendar) : measureTableRows(derived);
      const file = { ...EXPORTS[query.table], figureColumns: query.table === 'kpis' ? kpiListFigureColumns(table.settings) : [] };
      const { body, headers } = await tableDownload(rows, file, query.format, { planTitle: plan.title, calendar: query.calendar });
      return c.body(body, 200, headers);
    })
    .openapi(recordActualRoute, async (c) => {
      const user = requireUser(c);
      const { id, kpiId, fiscalYear } = c.req.valid('param');
      const plan = await loadVisiblePlan(workspaces, user.id, id);
      if (!canRecordActuals(plan.role)) throw forbidden();
      await planService(deps).assertWritable(plan.id);
      const { value } = c.req.valid('json');
      // Checked against the KPI and the plan's columns as they stand, in the same turn as the write.
      const outcome = await deps.rooms.use(plan.docName, (room): 'missing' | ActualRefusal | null => {
        const kpi = readKpiRecord(room.doc, kpiId);
        if (!kpi) return 'missing';
        const refusal = actualRefusal(kpi, readSettings(room.doc).actualYears, fiscalYear, value);
        if (!refusal) setActual(room.doc, kpiId, fiscalYear, value);
        return refusal;
      });
      if (outcome === 'missing') throw notFound('KPI');
      if (outcome) throw new AppError(400, outcome.code, outcome.message);
      // Staff enter actuals here, not through an edit of their own: the record says who entered which figure.
      const kpi = await deps.rooms.use(plan.docName, (room) => readKpiRecord(room.doc, kpiId)?.name ?? '');
      const details = { kpiId, kpi, fiscalYear, value };
      await deps.storage.audit.append({ at: Date.now(), kind: 'kpi.actualRecorded', workspaceId: plan.workspaceId, planId: plan.id, actorId: user.id, details });
      return c.json({ ok: true as const }, 200);
    })
    .openapi(spreadsheetRowsRoute, async (c) => {
      const user = requireUser(c);
      const plan = await loadVisiblePlan(workspaces, user.id, c.req.valid('param').id);
      if (!canImportSpreadsheet(plan.role)) throw forbidden();
      const bytes = Buffer.from(c.req.valid('json').contentBase64, 'base64');
      if (bytes.length > MAX_SPREADSHEET_BYTES) {
        throw new AppError(413, 'payload_too_large', `Spreadsheets are limited to ${MAX_SPREADSHEET_BYTES} bytes.`);
      }
      return c.json(await readFirstSheet(bytes), 200);
    });
}
