import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Context, MiddlewareHandler } from 'hono';
import { getMimeType } from 'hono/utils/mime';
import { AppError } from '../../errors';
import { chooseEncoding, PRECOMPRESSED } from './encoding';

export { type RoutePreload, routePreloads } from './preloads';

export type StaticClientOptions = {
  /** The built client (client/dist). */
  root: string;
  /** URL prefix of the content-hashed files the bundler writes: cached for a year, never revalidated. */
  immutablePrefix?: string;
  /** The page answered for every other GET, so that client-side routes survive a reload. */
  fallback?: string;
  /** How long a hashed file may be cached, in seconds. */
  immutableMaxAge?: number;
  /** Extra tags for the page's <head> when it is served at a client route (see routePreloads). */
  headFor?: (urlPath: string) => string;
};

type FoundFile = { full: string; stat: Stats };
type EtagEntry = { size: number; mtimeMs: number; etag: string };
type PageEntry = { size: number; mtimeMs: number; body: Buffer; etag: string };

export const NOT_BUILT_MESSAGE = 'The client is not built. Run `npm start` (or `pnpm build`) first.';

/** Compressed twins are picked by negotiation, and dotfiles (.vite/manifest.json) are the build's business. */
function isServable(segment: string): boolean {
  return segment !== '' && !segment.startsWith('.') && !PRECOMPRESSED.some(({ suffix }) => segment.endsWith(suffix));
}

/** The file a URL path names inside `root`, or null for anything that would leave it or is not servable. */
export function resolveInside(root: string, requestUrl: string): string | null {
  let decoded: string;
  try {
    // From the raw URL, decoded once: Hono's c.req.path has already undone part of the encoding.
    decoded = decodeURIComponent(new URL(requestUrl).pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').slice(1);
  if (segments.length === 0 || !segments.every(isServable)) return null;
  const full = path.join(root, ...segments);
  const relative = path.relative(root, full);
  return relative.startsWith('..') || path.isAbsolute(relative) ? null : full;
}

async function statFile(full: string | null): Promise<FoundFile | null> {
  if (!full) return null;
  try {
    const stat = await fsp.stat(full);
    return stat.isFile() ? { full, stat } : null;
  } catch {
    return null;
  }
}

/** Whether If-None-Match names this ETag (weak comparison, as RFC 9110 asks for GET). */
function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => bare(tag) === bare(etag));
}

/**
 * Serves the built client. Hashed assets go out pre-compressed (brotli or gzip, written at
 * build time, chosen by Accept-Encoding) and immutable; everything else, and index.html for
 * every path that is not a file, must be revalidated (no-cache + ETag → 304), so a new build
 * reaches the browser on its next load. An unknown hashed asset is a 404, never the page:
 * HTML handed to a script tag only makes a confusing error.
 */
export function staticClient(options: StaticClientOptions): MiddlewareHandler {
  const root = path.resolve(options.root);
  const immutablePrefix = options.immutablePrefix ?? '/assets/';
  const fallback = options.fallback ?? 'index.html';
  const immutableCache = `public, max-age=${options.immutableMaxAge ?? 31_536_000}, immutable`;
  // ETags are a hash of the bytes sent, remembered per file until it changes on disk.
  const etags = new Map<string, EtagEntry>();
  const hashOf = (bytes: Buffer) => `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`;

  async function etagOf(file: FoundFile, bytes: () => Promise<Buffer>): Promise<string> {
    const known = etags.get(file.full);
    if (known && known.size === file.stat.size && known.mtimeMs === file.stat.mtimeMs) return known.etag;
    const etag = hashOf(await bytes());
    etags.set(file.full, { size: file.stat.size, mtimeMs: file.stat.mtimeMs, etag });
    return etag;
  }

  /** 200 with the bytes, or 304 when the client holds them already. */
  function respond(c: Context, body: Buffer, etag: string, headers: Record<string, string>): Response {
    headers.ETag = etag;
    if (matchesEtag(c.req.header('if-none-match'), etag)) {
      delete headers['Content-Type'];
      delete headers['Content-Encoding'];
      return c.body(null, 304, headers);
    }
    headers['Content-Length'] = String(body.byteLength);
    // readFile's buffer is its own ArrayBuffer (never a SharedArrayBuffer); the view shares it.
    return c.body(new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength), 200, headers);
  }

  // The page with a route's extra head tags, built once per page version and route's tags.
  const pages = new Map<string, PageEntry>();
  async function sendPage(c: Context, page: FoundFile, extraHead: string): Promise<Response> {
    let entry = pages.get(extraHead);
    if (!entry || entry.size !== page.stat.size || entry.mtimeMs !== page.stat.mtimeMs) {
      const html = await fsp.readFile(page.full, 'utf8');
      const at = html.indexOf('</head>');
      const body = Buffer.from(at < 0 ? html : html.slice(0, at) + extraHead + html.slice(at));
      entry = { size: page.stat.size, mtimeMs: page.stat.mtimeMs, body, etag: hashOf(body) };
      pages.set(extraHead, entry);
    }
    return respond(c, entry.body, entry.etag, { 'Cache-Control': 'no-cache', 'Content-Type': 'text/html; charset=utf-8' });
  }

  async function send(c: Context, original: FoundFile, cacheControl: string): Promise<Response> {
    const twins = new Map<string, FoundFile>();
    for (const { encoding, suffix } of PRECOMPRESSED) {
      const twin = await statFile(original.full + suffix);
      // A twin older than its original is left over from an earlier build.
      if (twin && twin.stat.mtimeMs >= original.stat.mtimeMs) twins.set(encoding, twin);
    }
    const encoding = chooseEncoding(c.req.header('accept-encoding'), new Set(twins.keys()));
    const served = encoding === 'identity' ? original : twins.get(encoding)!;
    let content: Buffer | null = null;
    const read = async () => (content ??= await fsp.readFile(served.full));
    const etag = await etagOf(served, read);
    const headers: Record<string, string> = {
      'Cache-Control': cacheControl,
      'Content-Type': getMimeType(original.full) ?? 'application/octet-stream',
    };
    // Caches must keep one copy per encoding once any twin exists.
    if (twins.size > 0) headers.Vary = 'Accept-Encoding';
    if (encoding !== 'identity') headers['Content-Encoding'] = encoding;
    // A revalidation that will be answered 304 need not read the file.
    return respond(c, matchesEtag(c.req.header('if-none-match'), etag) ? Buffer.alloc(0) : await read(), etag, headers);
  }

  return async function staticClient(c, next) {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const file = await statFile(resolveInside(root, c.req.url));
    const immutable = c.req.path.startsWith(immutablePrefix);
    if (file) return send(c, file, immutable ? immutableCache : 'no-cache');
    if (immutable) throw new AppError(404, 'not_found', 'No such asset.');
    const page = await statFile(path.join(root, fallback));
    if (!page) return c.text(NOT_BUILT_MESSAGE, 503, { 'Cache-Control': 'no-store' });
    const extraHead = options.headFor?.(c.req.path) ?? '';
    return extraHead ? sendPage(c, page, extraHead) : send(c, page, 'no-cache');
  };
}
