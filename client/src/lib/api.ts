import {
  ApiErrorBody,
  bytesToBase64,
  MeResponse,
  OkResponse,
  PlanResponse,
  PlansResponse,
  SignInResponse,
  SpreadsheetRowsResponse,
  type MeasureExportQuery,
  type RecordActualRequest,
  type SignInRequest,
} from '@sakutei/shared';

/** Anything that can vouch for the shape of a response body; the shared zod schemas fit. */
export interface Schema<T> {
  parse(data: unknown): T;
}

/** A failed API call: the HTTP status plus the server's stable code and sentence. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Whether the server turned the request away for load (429 rate_limited, 503 server_busy) or
 * stopped work that took too long on a busy machine (503 work_timeout): a retry soon will do.
 */
export function isBusy(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'rate_limited' || error.code === 'server_busy' || error.code === 'work_timeout');
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function errorFrom(response: Response, body: unknown): ApiError {
  const parsed = ApiErrorBody.safeParse(body);
  // Proxies and crashes answer without our error body; keep the status so callers can still branch.
  return parsed.success
    ? new ApiError(response.status, parsed.data.error.code, parsed.data.error.message)
    : new ApiError(response.status, 'http_error', `${response.status} ${response.statusText}`);
}

/** One JSON call to our API; the response body is checked against `schema`. */
export async function request<T>(path: string, schema: Schema<T>, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';

  const response = await fetch(path, {
    method: options.method ?? 'GET',
    credentials: 'same-origin',
    headers,
    body: options.body === undefined ? null : JSON.stringify(options.body),
    signal: options.signal ?? null,
  });
  const body = await readJson(response);
  if (!response.ok) throw errorFrom(response, body);
  return schema.parse(body);
}

export function signIn(credentials: SignInRequest): Promise<SignInResponse> {
  return request('/api/auth/sign-in', SignInResponse, { method: 'POST', body: credentials });
}

export function signOut(): Promise<OkResponse> {
  return request('/api/auth/sign-out', OkResponse, { method: 'POST' });
}

export function getMe(signal?: AbortSignal): Promise<MeResponse> {
  return request('/api/me', MeResponse, { signal });
}

export function listPlans(signal?: AbortSignal): Promise<PlansResponse> {
  return request('/api/plans', PlansResponse, { signal });
}

export function getPlan(planId: string, signal?: AbortSignal): Promise<PlanResponse> {
  return request(`/api/plans/${encodeURIComponent(planId)}`, PlanResponse, { signal });
}

function planPath(planId: string): string {
  return `/api/plans/${encodeURIComponent(planId)}`;
}

/** Records one fiscal year's actual of a KPI on the server's copy (staff hold no edit access). */
export function recordActual(
  planId: string,
  kpiId: string,
  fiscalYear: number,
  value: RecordActualRequest['value'],
): Promise<OkResponse> {
  return request(`${planPath(planId)}/kpis/${encodeURIComponent(kpiId)}/actuals/${fiscalYear}`, OkResponse, {
    method: 'PUT',
    body: { value },
  });
}

/** Reads the first sheet of an XLSX file into rows of cell text (the server parses it). */
export async function readSpreadsheet(planId: string, file: File): Promise<SpreadsheetRowsResponse> {
  const contentBase64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
  return request(`${planPath(planId)}/spreadsheets/rows`, SpreadsheetRowsResponse, {
    method: 'POST',
    body: { fileName: file.name, contentBase64 },
  });
}

/** Where the browser downloads the KPI list or the measure table as CSV or XLSX. */
/** The download address of a measure-table export; dates in 和暦 unless `calendar` says otherwise. */
export function measureExportUrl(planId: string, query: Omit<MeasureExportQuery, 'calendar'> & Partial<Pick<MeasureExportQuery, 'calendar'>>): string {
  const calendar = query.calendar && query.calendar !== 'wareki' ? `&calendar=${query.calendar}` : '';
  return `${planPath(planId)}/measures/export?table=${query.table}&format=${query.format}${calendar}`;
}
