import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorResponse } from '../../errors';
import { chooseEncoding } from './encoding';
import { NOT_BUILT_MESSAGE, resolveInside, routePreloads, staticClient } from './index';

const SCRIPT = `console.log(${JSON.stringify('策定 '.repeat(400))});\n`;
const PAGE = '<!doctype html><html><head><title>Sakutei</title><script type="module" src="/assets/index-abc123.js"></script></head><body></body></html>';

let base: string;
let root: string;

beforeAll(() => {
  // root/ is the built client; secret.txt sits beside it and must never be served.
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'sakutei-static-'));
  root = path.join(base, 'dist');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.mkdirSync(path.join(root, '.vite'));
  fs.writeFileSync(path.join(base, 'secret.txt'), 'top secret');
  fs.writeFileSync(path.join(root, 'index.html'), PAGE);
  fs.writeFileSync(path.join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  // As Vite writes it: the entry, a chunk both share, and the plan page's lazy chunk.
  const manifest = {
    'index.html': { file: 'assets/index-abc123.js', isEntry: true, imports: ['_shared-111.js'], dynamicImports: ['src/routes/PlanPage.tsx'] },
    '_shared-111.js': { file: 'assets/shared-111.js' },
    '_editor-222.js': { file: 'assets/editor-222.js' },
    'src/routes/PlanPage.tsx': { file: 'assets/PlanPage-333.js', name: 'PlanPage', isDynamicEntry: true, imports: ['_shared-111.js', '_editor-222.js', 'index.html'] },
  };
  fs.writeFileSync(path.join(root, '.vite/manifest.json'), JSON.stringify(manifest));
  const script = path.join(root, 'assets/index-abc123.js');
  fs.writeFileSync(script, SCRIPT);
  fs.writeFileSync(`${script}.br`, zlib.brotliCompressSync(SCRIPT));
  fs.writeFileSync(`${script}.gz`, zlib.gzipSync(SCRIPT));
  fs.writeFileSync(path.join(root, 'assets/plain-def456.css'), 'body{margin:0}');
});

afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

function app(dir = root) {
  const a = new Hono();
  a.onError(errorResponse);
  a.use('*', secureHeaders({ contentSecurityPolicy: { defaultSrc: ["'self'"] } }));
  a.get('/api/ping', (c) => c.json({ ok: true }));
  const headFor = routePreloads(dir, [{ path: /^\/plans\/[^/]+$/, chunk: 'PlanPage' }]);
  a.use('*', staticClient({ root: dir, headFor }));
  return a;
}

function get(url: string, headers: Record<string, string> = {}, method = 'GET') {
  return app().request(`http://127.0.0.1${url}`, { method, headers });
}

describe('staticClient: hashed assets', () => {
  it('sends brotli to a browser that accepts it, with the headers a cache needs', async () => {
    const res = await get('/assets/index-abc123.js', { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const body = Buffer.from(await res.arrayBuffer());
    expect(res.headers.get('content-length')).toBe(String(body.byteLength));
    expect(body.byteLength).toBeLessThan(Buffer.byteLength(SCRIPT) / 5);
    expect(zlib.brotliDecompressSync(body).toString()).toBe(SCRIPT);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('sends gzip when brotli is not accepted, or refused with q=0', async () => {
    for (const acceptEncoding of ['gzip, deflate', 'br;q=0, gzip']) {
      const res = await get('/assets/index-abc123.js', { 'accept-encoding': acceptEncoding });
      expect(res.headers.get('content-encoding')).toBe('gzip');
      expect(res.headers.get('vary')).toBe('Accept-Encoding');
      const body = Buffer.from(await res.arrayBuffer());
      expect(res.headers.get('content-length')).toBe(String(body.byteLength));
      expect(zlib.gunzipSync(body).toString()).toBe(SCRIPT);
    }
  });

  it('sends the file as it is to a client that accepts no compression', async () => {
    const res = await get('/assets/index-abc123.js');
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
    expect(res.headers.get('content-length')).toBe(String(Buffer.byteLength(SCRIPT)));
    expect(await res.text()).toBe(SCRIPT);
  });

  it('gives each encoding its own ETag and answers a matching If-None-Match with 304', async () => {
    const br = await get('/assets/index-abc123.js', { 'accept-encoding': 'br' });
    const gzip = await get('/assets/index-abc123.js', { 'accept-encoding': 'gzip' });
    const brTag = br.headers.get('etag')!;
    expect(brTag).toMatch(/^".+"$/);
    expect(gzip.headers.get('etag')).not.toBe(brTag);
    const again = await get('/assets/index-abc123.js', { 'accept-encoding': 'br', 'if-none-match': `W/${brTag}` });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(brTag);
  });

  it('leaves out Vary for an asset without compressed twins (too small to compress)', async () => {
    const res = await get('/assets/plain-def456.css', { 'accept-encoding': 'br, gzip' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(res.headers.get('vary')).toBeNull();
    expect(await res.text()).toBe('body{margin:0}');
  });

  it('answers HEAD with the headers and no body', async () => {
    const res = await get('/assets/index-abc123.js', { 'accept-encoding': 'br' }, 'HEAD');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(Number(res.headers.get('content-length'))).toBeGreaterThan(0);
    expect(await res.text()).toBe('');
  });

  it('answers an unknown asset with a JSON 404, not the page', async () => {
    const res = await get('/assets/index-old999.js', { 'accept-encoding': 'br' });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
  });

  it('does not serve the compressed twins by name', async () => {
    const res = await get('/assets/index-abc123.js.br');
    expect(res.status).toBe(404);
  });
});

describe('staticClient: the page and the other files', () => {
  it('serves index.html with no-cache and an ETag, and 304 on revalidation', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toBe(PAGE);
    const etag = res.headers.get('etag')!;
    expect(etag).toBeTruthy();
    const revalidated = await get('/', { 'if-none-match': etag });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get('cache-control')).toBe('no-cache');
    expect(revalidated.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it("names a plan page's lazy chunks in its head, with an ETag of its own", async () => {
    const planPage = await get('/plans/some-plan', { 'accept-encoding': 'br' });
    expect(planPage.status).toBe(200);
    expect(planPage.headers.get('cache-control')).toBe('no-cache');
    expect(planPage.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await planPage.text();
    // The plan page's chunk and the chunk only it imports; not what the entry loads anyway.
    const tags =
      '<link rel="modulepreload" crossorigin href="/assets/PlanPage-333.js">' +
      '<link rel="modulepreload" crossorigin href="/assets/editor-222.js">';
    expect(html).toBe(PAGE.replace('</head>', `${tags}</head>`));
    expect(planPage.headers.get('content-length')).toBe(String(Buffer.byteLength(html)));

    const etag = planPage.headers.get('etag')!;
    const list = await get('/plans');
    expect(await list.text()).toBe(PAGE);
    expect(list.headers.get('etag')).not.toBe(etag);
    const revalidated = await get('/plans/another-plan', { 'if-none-match': etag });
    expect(revalidated.status).toBe(304);
  });

  it('answers client-side routes with the same page and ETag', async () => {
    const page = await get('/index.html');
    const route = await get('/plans/some-plan/opinions');
    expect(route.status).toBe(200);
    expect(route.headers.get('cache-control')).toBe('no-cache');
    expect(route.headers.get('etag')).toBe(page.headers.get('etag'));
    expect(await route.text()).toBe(PAGE);
    const revalidated = await get('/plans/other-plan/opinions', { 'if-none-match': page.headers.get('etag')! });
    expect(revalidated.status).toBe(304);
  });

  it('serves other top-level files with revalidation', async () => {
    const res = await get('/favicon.svg');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('image/svg+xml');
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });

  it('leaves other methods and earlier routes alone', async () => {
    expect((await get('/api/ping')).status).toBe(200);
    expect((await get('/plans', {}, 'POST')).status).toBe(404);
  });

  it('never serves a file outside the client folder, nor the build manifest', async () => {
    for (const url of [
      '/assets/..%2f..%2fsecret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets/..%5c..%5csecret.txt',
      '/.vite/manifest.json',
      '/assets/%00.js',
    ]) {
      const res = await get(url);
      expect(await res.text(), url).not.toContain('top secret');
      expect([200, 404], url).toContain(res.status);
      if (res.status === 200) expect(res.headers.get('content-type'), url).toContain('text/html');
    }
    const decoded = await get('/assets/..%2f..%2fsecret.txt');
    expect(decoded.status).toBe(404);
  });

  it('says the client is not built when there is no page', async () => {
    const res = await app(path.join(base, 'missing')).request('http://127.0.0.1/plans');
    expect(res.status).toBe(503);
    expect(await res.text()).toBe(NOT_BUILT_MESSAGE);
  });
});

describe('resolveInside', () => {
  it('maps a path inside the root and refuses ones that leave it', () => {
    expect(resolveInside('/srv/dist', 'http://h/assets/a.js')).toBe(path.join('/srv/dist', 'assets/a.js'));
    expect(resolveInside('/srv/dist', 'http://h/assets/..%2f..%2fetc/passwd')).toBeNull();
    expect(resolveInside('/srv/dist', 'http://h/%E0%A4%A')).toBeNull();
    expect(resolveInside('/srv/dist', 'http://h/')).toBeNull();
  });
});

describe('chooseEncoding', () => {
  const both = new Set(['br', 'gzip']);
  it('prefers brotli, honours q-values and falls back to identity', () => {
    expect(chooseEncoding('gzip, deflate, br', both)).toBe('br');
    expect(chooseEncoding('br;q=0.5, gzip;q=0.8', both)).toBe('gzip');
    expect(chooseEncoding('*', both)).toBe('br');
    expect(chooseEncoding('*;q=0', both)).toBe('identity');
    expect(chooseEncoding('identity', both)).toBe('identity');
    expect(chooseEncoding('gzip;q=0.5, identity', both)).toBe('identity');
    expect(chooseEncoding('br', new Set(['gzip']))).toBe('identity');
    expect(chooseEncoding(undefined, both)).toBe('identity');
    expect(chooseEncoding('x-gzip', both)).toBe('gzip');
  });
});
