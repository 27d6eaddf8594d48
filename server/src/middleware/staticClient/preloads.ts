import fs from 'node:fs';
import path from 'node:path';

type ManifestChunk = { file: string; name?: string; isEntry?: boolean; isDynamicEntry?: boolean; imports?: string[] };
type Manifest = Record<string, ManifestChunk>;

/** A client route whose lazily loaded chunk (by its name in Vite's manifest) the page should fetch at once. */
export type RoutePreload = { path: RegExp; chunk: string };

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * `<link rel="modulepreload">` tags for the lazy chunks of the route a page is served at,
 * read from the build's manifest (.vite/manifest.json). Without them the browser learns of
 * the plan page's chunk only once the entry has downloaded and run, and fetches it after;
 * with them both download at once. Files the entry imports anyway are left out (the page
 * names them already). The manifest is re-read when a new build replaces it.
 */
export function routePreloads(root: string, routes: readonly RoutePreload[]): (urlPath: string) => string {
  const manifestFile = path.join(root, '.vite/manifest.json');
  let cached: { mtimeMs: number; manifest: Manifest } | null = null;

  function manifest(): Manifest | null {
    try {
      const { mtimeMs } = fs.statSync(manifestFile);
      if (cached?.mtimeMs !== mtimeMs) cached = { mtimeMs, manifest: JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Manifest };
      return cached.manifest;
    } catch {
      return null;
    }
  }

  return function headTagsFor(urlPath: string): string {
    const route = routes.find((r) => r.path.test(urlPath));
    const chunks = route ? manifest() : null;
    if (!route || !chunks) return '';
    const closure = (key: string, seen: Set<string>): Set<string> => {
      if (seen.has(key) || !chunks[key]) return seen;
      seen.add(key);
      for (const next of chunks[key].imports ?? []) closure(next, seen);
      return seen;
    };
    const entryKey = Object.keys(chunks).find((key) => chunks[key]!.isEntry);
    const lazyKey = Object.keys(chunks).find((key) => chunks[key]!.isDynamicEntry && chunks[key]!.name === route.chunk);
    if (!entryKey || !lazyKey) return '';
    const loaded = closure(entryKey, new Set());
    return [...closure(lazyKey, new Set())]
      .filter((key) => !loaded.has(key))
      .map((key) => `<link rel="modulepreload" crossorigin href="/${escapeAttribute(chunks[key]!.file)}">`)
      .join('');
  };
}
