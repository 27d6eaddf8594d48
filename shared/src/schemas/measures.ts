import { z } from 'zod';
import { CALENDARS } from '../format/dates';
import { measuredSchema, measureTableSchema } from '../measures/model';

/** Staff record a KPI actual through the API: their document access is comment-only. */
export const RecordActualRequest = z.object({ value: measuredSchema });
export type RecordActualRequest = z.infer<typeof RecordActualRequest>;

/** An XLSX file is at most this large (before base64). */
export const MAX_SPREADSHEET_BYTES = 2 * 1024 * 1024;

export const SpreadsheetRowsRequest = z.object({
  fileName: z.string().min(1).max(200),
  contentBase64: z
    .string()
    .max(Math.ceil((MAX_SPREADSHEET_BYTES * 4) / 3) + 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64'),
});
export type SpreadsheetRowsRequest = z.infer<typeof SpreadsheetRowsRequest>;

export const SpreadsheetRowsResponse = z.object({
  sheetName: z.string(),
  rows: z.array(z.array(z.string())),
});
export type SpreadsheetRowsResponse = z.infer<typeof SpreadsheetRowsResponse>;

export const MEASURE_EXPORT_TABLES = ['kpis', 'measures'] as const;
export const MEASURE_EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export const MeasureExportQuery = z.object({
  table: z.enum(MEASURE_EXPORT_TABLES),
  format: z.enum(MEASURE_EXPORT_FORMATS),
  /** Fiscal years and dates in 和暦 (the default) or 西暦. */
  calendar: z.enum(CALENDARS).default('wareki'),
});
export type MeasureExportQuery = z.infer<typeof MeasureExportQuery>;

export const MeasureTableResponse = z.object({ table: measureTableSchema });
export type MeasureTableResponse = z.infer<typeof MeasureTableResponse>;
