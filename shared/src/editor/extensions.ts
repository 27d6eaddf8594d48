import { type AnyExtension, getSchema } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import StarterKit from '@tiptap/starter-kit';

/**
 * The prose schema, shared by the browser editor and the server (demo seeding, later
 * rendering of revisions), so both read the same document shape. History is off:
 * with Yjs, undo comes from the collaboration extension and is per user.
 */
export function proseExtensions(): AnyExtension[] {
  return [StarterKit.configure({ undoRedo: false, link: { openOnClick: false } })];
}

/** The ProseMirror schema of plan prose, for code that has no editor (the server). */
export function proseSchema(): Schema {
  return getSchema(proseExtensions());
}
