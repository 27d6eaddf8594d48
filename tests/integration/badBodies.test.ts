import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, signedIn } from '../support/http';
import { type TestServer, startServer } from '../support/server';

/**
 * Issue 15 item 8: a body that cannot be read (malformed JSON, a wrong content type, nothing
 * at all) is the caller's mistake on every route, sign-in included: a 400 with the usual
 * `{error:{code,message}}`, no stack trace, and one line in the log. The routes come from the
 * OpenAPI document, so a route added later is covered without editing this list.
 */

type BodyRoute = { method: string; path: string; required: boolean };

const BAD_BODIES = [
  { kind: 'malformed JSON', contentType: 'application/json', body: '{"email": "a@b.jp",' },
  { kind: 'JSON that is not an object', contentType: 'application/json', body: 'nul' },
  { kind: 'a wrong content type', contentType: 'text/plain', body: '{"email":"a@b.jp"}' },
  { kind: 'a form instead of JSON', contentType: 'application/x-www-form-urlencoded', body: 'email=a%40b.jp' },
  { kind: 'an empty JSON body', contentType: 'application/json', body: '' },
  { kind: 'no body and no content type', contentType: null, body: null },
] as const;

let server: TestServer;
let api: ApiClient;
let routes: BodyRoute[];

beforeAll(async () => {
  server = await startServer();
  api = await signedIn(server.url, 'chair@example.jp');
  const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as {
    paths: Record<string, Record<string, { requestBody?: { required?: boolean } }>>;
  };
  routes = Object.entries(doc.paths).flatMap(([path, operations]) =>
    Object.entries(operations)
      .filter(([, operation]) => operation.requestBody)
      .map(([method, operation]) => ({ method: method.toUpperCase(), path, required: operation.requestBody!.required === true })),
  );
});
afterAll(async () => {
  await server?.stop();
  if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
});

/** Path parameters filled with values that pass their own checks, so only the body is wrong. */
function concrete(path: string): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'fiscalYear' ? '2024' : `x-${name}`));
}

describe('unreadable request bodies (issue 15 item 8)', () => {
  it('finds the routes that take a body in the OpenAPI document, sign-in among them', () => {
    expect(routes.length).toBeGreaterThan(20);
    expect(routes).toContainEqual({ method: 'POST', path: '/api/auth/sign-in', required: true });
  });

  it('answers every bad body on every route with a 400 JSON error, no stack, one log line each', async () => {
    const failures: string[] = [];
    const outputBefore = server.output().length;
    let requests = 0;
    for (const route of routes) {
      for (const bad of BAD_BODIES) {
        // An optional body may be left out; anything sent must still be readable.
        if (!route.required && bad.body === null) continue;
        const logBefore = server.output().length;
        const headers: Record<string, string> = { cookie: api.cookie };
        if (bad.contentType) headers['content-type'] = bad.contentType;
        const res = await fetch(server.url + concrete(route.path), { method: route.method, headers, body: bad.body ?? undefined });
        const text = await res.text();
        let body: { error?: { code?: unknown; message?: unknown } } | null = null;
        try {
          body = JSON.parse(text);
        } catch {
          body = null;
        }
        const where = `${route.method} ${route.path} with ${bad.kind}`;
        if (res.status !== 400) failures.push(`${where}: ${res.status} ${text.slice(0, 120)}`);
        else if (typeof body?.error?.code !== 'string' || typeof body.error.message !== 'string') failures.push(`${where}: body ${text.slice(0, 120)}`);
        else if (/\bat\s+\S+\s+\(|node_modules|Error:/.test(text)) failures.push(`${where}: stack in the response`);
        // The log line comes through a pipe: wait for it, then look at what this request wrote
        // (one `refused` line; no stack), leaving aside anything else the server happens to log.
        // The line names the request (no request id is logged), and a slow pipe gets 10 s.
        const since = () => server.output().slice(logBefore);
        const mine = `refused ${route.method} ${concrete(route.path).split('?')[0]}:`;
        for (const deadline = Date.now() + 10_000; Date.now() < deadline && !since().includes(mine); ) await new Promise((resolve) => setTimeout(resolve, 10));
        requests++;
        const logged = since().split('\n').filter((line) => line.trim() !== '');
        const refused = logged.filter((line) => line.startsWith('refused '));
        if (refused.length !== 1 || logged.some((line) => /^\s+at |unhandled error/.test(line))) {
          failures.push(`${where}: ${refused.length} refusal lines in ${logged.length} (${logged[0]?.slice(0, 80)} …)`);
        }
      }
    }
    // A duplicate line may come after the next request's: once a last refusal has been logged
    // (one pipe, in order), every line before it is in, and there is exactly one per request.
    const sentinelFrom = server.output().length;
    await fetch(`${server.url}/api/auth/sign-in`, { method: 'POST', headers: { cookie: api.cookie, 'content-type': 'application/json' }, body: '{' });
    for (const deadline = Date.now() + 10_000; Date.now() < deadline && !server.output().slice(sentinelFrom).includes('refused '); ) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const all = server.output().slice(outputBefore);
    const sentinel = all.lastIndexOf('refused ');
    expect(all.slice(0, sentinel).split('\n').filter((line) => line.startsWith('refused ')).length).toBe(requests);
    expect(failures).toEqual([]);
  });

  it('still signs in and reads a well-formed body afterwards', async () => {
    const again = await signedIn(server.url, 'member@example.jp');
    expect((await again.request('GET', '/api/me')).status).toBe(200);
  });
});
