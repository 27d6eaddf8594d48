import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/*
 * The client's rooms: features depend on the plan kernel (features/plan), on shared/, and on
 * the app shell (app/, lib/, i18n/); never on a sibling feature and never on the pages that
 * compose them (routes/). The kernel depends on no feature. A feature that needs another's
 * work gets it through the kernel's ports and slots, plugged in by routes/.
 */

const SRC = path.dirname(fileURLToPath(import.meta.url));
const SHELL = ['app', 'lib', 'i18n', 'test'];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

/** Every relative import of a file (static, dynamic and side-effect ones such as CSS). */
export function relativeImports(source: string): string[] {
  const specs: string[] = [];
  const pattern = /(?:from\s+|import\s*\(\s*|import\s+)(['"])(\.{1,2}\/[^'"]+)\1/g;
  for (const match of source.matchAll(pattern)) specs.push(match[2]!);
  return specs;
}

/** `features/comments` for a file in it; `app`, `routes`… for the other top-level rooms. */
function roomOf(file: string): string {
  const parts = path.relative(SRC, file).split(path.sep);
  return parts[0] === 'features' && parts.length > 2 ? `features/${parts[1]}` : parts[0]!;
}

function mayImport(from: string, to: string): boolean {
  if (from === to) return true;
  if (SHELL.includes(to)) return true;
  if (!from.startsWith('features/')) return true;
  if (from === 'features/plan') return false;
  return to === 'features/plan';
}

function violations(): string[] {
  const found: string[] = [];
  for (const file of sourceFiles(SRC)) {
    if (/\.test\.tsx?$/.test(file)) continue;
    const from = roomOf(file);
    for (const spec of relativeImports(fs.readFileSync(file, 'utf8'))) {
      const to = roomOf(path.resolve(path.dirname(file), spec));
      if (!mayImport(from, to)) found.push(`${path.relative(SRC, file)} → ${spec}`);
    }
  }
  return found;
}

describe('client import graph', () => {
  it('finds the relative imports of a module, CSS and dynamic ones included', () => {
    const source = `import a from './a';\nimport type { B } from "../b/c";\nimport './x.css';\nconst d = import('../d');\nimport e from 'react';`;
    expect(relativeImports(source)).toEqual(['./a', '../b/c', './x.css', '../d']);
  });

  it('keeps every feature on the kernel, shared/ and the app shell, and the kernel on no feature', () => {
    expect(violations()).toEqual([]);
  });
});
