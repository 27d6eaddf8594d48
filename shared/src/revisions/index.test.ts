import { describe, expect, it, vi } from 'vitest';

// The package root re-exports this folder, and the client bundle imports the root: loading
// it must not pull in yjs or TipTap. Any import of them from here fails the test.
vi.mock('yjs', () => {
  throw new Error('revisions imported yjs');
});
vi.mock('@tiptap/core', () => {
  throw new Error('revisions imported @tiptap/core');
});
vi.mock('@tiptap/pm/model', () => {
  throw new Error('revisions imported @tiptap/pm');
});
vi.mock('@tiptap/starter-kit', () => {
  throw new Error('revisions imported @tiptap/starter-kit');
});

describe('revisions/index', () => {
  it('loads without yjs or TipTap and exports the four modules', async () => {
    const revisions = await import('./index');
    for (const name of ['transition', 'allowedEvents', 'canonicalJson', 'canonicalSnapshot', 'diffProse', 'inlineSegments', 'diffMeasures']) {
      expect(typeof (revisions as Record<string, unknown>)[name]).toBe('function');
    }
  });
});
