import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { errorResponse } from '../../errors';
import { originCheck } from './index';

function app() {
  const a = new Hono();
  a.onError(errorResponse);
  a.use(originCheck({ extraOrigins: ['http://localhost:5173'] }));
  a.post('/x', (c) => c.json({ ok: true }));
  a.get('/x', (c) => c.json({ ok: true }));
  return a;
}

describe('originCheck', () => {
  it('lets a same-origin POST through', async () => {
    const res = await app().request('http://127.0.0.1:8787/x', { method: 'POST', headers: { origin: 'http://127.0.0.1:8787', host: '127.0.0.1:8787' } });
    expect(res.status).toBe(200);
  });

  it('refuses a POST from another origin with a JSON error', async () => {
    const res = await app().request('http://127.0.0.1:8787/x', { method: 'POST', headers: { origin: 'https://evil.example', host: '127.0.0.1:8787' } });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: { code: 'origin_rejected', message: expect.any(String) } });
  });

  it('allows configured extra origins', async () => {
    const res = await app().request('http://127.0.0.1:8787/x', { method: 'POST', headers: { origin: 'http://localhost:5173' } });
    expect(res.status).toBe(200);
  });

  it('refuses a cross-site request without Origin but lets non-browser clients through', async () => {
    const crossSite = await app().request('http://127.0.0.1:8787/x', { method: 'POST', headers: { 'sec-fetch-site': 'cross-site' } });
    expect(crossSite.status).toBe(403);
    const curl = await app().request('http://127.0.0.1:8787/x', { method: 'POST' });
    expect(curl.status).toBe(200);
  });

  it('does not check safe methods', async () => {
    const res = await app().request('http://127.0.0.1:8787/x', { headers: { origin: 'https://evil.example' } });
    expect(res.status).toBe(200);
  });
});
