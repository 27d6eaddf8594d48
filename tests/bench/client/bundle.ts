import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** Packages that make up the editor; none of them may reach the sign-in page or the plan list. */
export const EDITOR_PACKAGE = /^(yjs|lib0|y-prosemirror|y-protocols|y-websocket|y-indexeddb|prosemirror-[a-z-]+|@tiptap\/[a-z-]+)$/;

type ManifestChunk = { file: string; isEntry?: boolean; isDynamicEntry?: boolean; imports?: string[]; dynamicImports?: string[]; css?: string[] };
type ChunkModules = Record<string, { packages: string[] }>;

export type Sizes = { raw: number; gzip: number; brotli: number };
export type RouteBundle = { name: string; files: string[]; js: Sizes; css: Sizes; editorPackages: string[] | null };
export type BundleReport = { files: Array<{ file: string } & Sizes>; routes: RouteBundle[]; total: Sizes; precompressed: boolean };

const add = (a: Sizes, b: Sizes): Sizes => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli });
const ZERO: Sizes = { raw: 0, gzip: 0, brotli: 0 };

/** A file's size as sent: its .gz / .br twins when the build wrote them, else compressed here alike. */
function sizesOf(dir: string, file: string): Sizes {
  const full = path.join(dir, file);
  const raw = fs.readFileSync(full);
  const twin = (suffix: string, make: () => Buffer) => (fs.existsSync(full + suffix) ? fs.statSync(full + suffix).size : make().byteLength);
  return {
    raw: raw.byteLength,
    gzip: twin('.gz', () => zlib.gzipSync(raw, { level: 9 })),
    brotli: twin('.br', () => zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } })),
  };
}

/**
 * What each route downloads before it can render, from Vite's manifest: the entry and its
 * static imports for the sign-in page and the plan list, plus a lazy page's chunk and its
 * static imports for that page. With `.vite/chunk-modules.json` (written by client/vite.config.ts)
 * it also names the editor packages each route pulls in.
 */
export function bundleReport(dir: string): BundleReport {
  const manifestFile = path.join(dir, '.vite/manifest.json');
  if (!fs.existsSync(manifestFile)) throw new Error(`${manifestFile} is missing: build the client with build.manifest on`);
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Record<string, ManifestChunk>;
  const modulesFile = path.join(dir, '.vite/chunk-modules.json');
  const modules = fs.existsSync(modulesFile) ? (JSON.parse(fs.readFileSync(modulesFile, 'utf8')) as ChunkModules) : null;

  function closure(key: string, seen = new Set<string>()): Set<string> {
    if (seen.has(key)) return seen;
    seen.add(key);
    for (const next of manifest[key]?.imports ?? []) closure(next, seen);
    return seen;
  }
  function route(name: string, keys: Set<string>): RouteBundle {
    const js = [...keys].map((key) => manifest[key]!.file);
    const css = [...new Set([...keys].flatMap((key) => manifest[key]!.css ?? []))];
    const packages = modules ? js.flatMap((file) => modules[file]?.packages ?? []) : null;
    return {
      name,
      files: [...js, ...css],
      js: js.map((file) => sizesOf(dir, file)).reduce(add, ZERO),
      css: css.map((file) => sizesOf(dir, file)).reduce(add, ZERO),
      // Unknown for a build without the module list (one made before it existed).
      editorPackages: packages && [...new Set(packages.filter((p) => EDITOR_PACKAGE.test(p)))].sort(),
    };
  }

  const entryKey = Object.keys(manifest).find((key) => manifest[key]!.isEntry);
  if (!entryKey) throw new Error('the manifest has no entry chunk');
  const entry = closure(entryKey);
  const routes = [route('sign-in, plan list (entry)', entry)];
  for (const key of manifest[entryKey]!.dynamicImports ?? []) {
    const lazy = closure(key, new Set(entry));
    routes.push(route(`+ ${path.basename(key).replace(/\.[jt]sx?$/, '')}`, new Set([...lazy].filter((k) => !entry.has(k)))));
  }
  const assets = fs.readdirSync(path.join(dir, 'assets')).filter((f) => /\.(js|css)$/.test(f));
  const files = assets.map((f) => ({ file: `assets/${f}`, ...sizesOf(dir, `assets/${f}`) })).sort((a, b) => b.raw - a.raw);
  return {
    files,
    routes,
    total: files.reduce<Sizes>((sum, f) => add(sum, f), ZERO),
    precompressed: assets.some((f) => fs.existsSync(path.join(dir, 'assets', `${f}.br`))),
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export function renderBundleReport(report: BundleReport): string {
  const lines = [
    `${'what the browser loads'.padEnd(34)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)} ${'brotli'.padStart(10)}  editor packages`,
    `${'-'.repeat(34)} ${'-'.repeat(10)} ${'-'.repeat(10)} ${'-'.repeat(10)}  ${'-'.repeat(15)}`,
  ];
  for (const r of report.routes) {
    const s = add(r.js, r.css);
    const editor =
      r.editorPackages === null ? '—' : r.editorPackages.length === 0 ? 'none' : `${r.editorPackages.length} (${r.editorPackages.slice(0, 3).join(', ')}…)`;
    lines.push(`${r.name.padEnd(34)} ${kb(s.raw).padStart(10)} ${kb(s.gzip).padStart(10)} ${kb(s.brotli).padStart(10)}  ${editor}`);
  }
  const t = report.total;
  lines.push(`${'all JS and CSS'.padEnd(34)} ${kb(t.raw).padStart(10)} ${kb(t.gzip).padStart(10)} ${kb(t.brotli).padStart(10)}`);
  return lines.join('\n');
}
