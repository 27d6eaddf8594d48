import { type AnyExtension, getSchema } from '@tiptap/core';
import { TableKit } from '@tiptap/extension-table';
import type { Schema } from '@tiptap/pm/model';
import StarterKit from '@tiptap/starter-kit';
import type { ProseRules } from '../collab/shape';
import { SuggestionDeleteMark, SuggestionFormatMark, SuggestionInsertMark, SuggestionStructureMark } from './suggestions/marks';

/**
 * Heading levels the schema accepts. The demo and the plans written so far use H1 for a
 * chapter (第1章) and H2 for its sections (1. …); the editor offers 見出し1–4 = H1–H4. Levels
 * 5 and 6 stay in the schema because the old editor's `#####` shortcut could make them, and a
 * level outside this list would be rendered as H1: existing documents must read as written.
 */
export const HEADING_LEVELS = [1, 2, 3, 4, 5, 6] as const;
export type HeadingLevel = (typeof HEADING_LEVELS)[number];

/**
 * The prose schema, shared by the browser editor and the server (demo seeding, freezing and
 * restoring revisions, exports), so both read the same document shape. History is off: with
 * Yjs, undo comes from the collaboration extension and is per user.
 *
 * Tables are part of the schema (table, tableRow, tableHeader, tableCell). Column resizing
 * stays off: widths dragged in one browser would be pixel widths meaningless to the DOCX
 * export and to a phone; the wrapper lets a wide table scroll instead of widening the page.
 */
export function proseExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({ undoRedo: false, link: { openOnClick: false }, heading: { levels: [...HEADING_LEVELS] } }),
    TableKit.configure({ table: { resizable: false, renderWrapper: true } }),
    // Proposed wording (見え消し, suggestions/): part of the document, so it is co-edited,
    // frozen with a revision and exported like any other text.
    SuggestionInsertMark,
    SuggestionDeleteMark,
    SuggestionFormatMark,
    SuggestionStructureMark,
  ];
}

/**
 * The extensions whose typing shortcuts (input rules) the editor keeps. A Word user expects
 * 「7. 計画の推進体制」, 「(1) …」, 「① …」, 「# …」 or 「> …」 typed at the start of a line to
 * stay text, so numbered lists, headings, quotes, code blocks and rules are made from the
 * toolbar or a key (Ctrl+Shift+7, Ctrl+Alt+1 …) only. Kept: "- " / "* " for a bulleted list,
 * as Word's own AutoFormat does (no Japanese sentence starts with a hyphen and a space, and
 * Backspace right after it gives the text back), and the inline marks (`**太字**`). 「・」 is
 * not a shortcut: plans type it as text (・ 項目) and it must stay what was typed.
 */
export const PROSE_INPUT_RULES: readonly string[] = ['bulletList', 'bold', 'italic', 'strike', 'code', 'underline'];

/** The ProseMirror schema of plan prose, for code that has no editor (the server). */
export function proseSchema(): Schema {
  return getSchema(proseExtensions());
}

/**
 * The prose schema reduced to names, for the document shape check (collab/shape.ts): each
 * element with the attributes it may carry, each mark with its attributes. `doc` and `text`
 * are not elements of the Y.Doc (the fragment is the doc, text is Y.XmlText).
 */
export function proseShapeRules(schema: Schema = proseSchema()): ProseRules {
  const nodes = new Map<string, ReadonlySet<string>>();
  for (const [name, type] of Object.entries(schema.nodes)) {
    if (name !== schema.topNodeType.name && !type.isText) nodes.set(name, new Set(Object.keys(type.spec.attrs ?? {})));
  }
  const marks = new Map<string, ReadonlySet<string>>();
  for (const [name, type] of Object.entries(schema.marks)) marks.set(name, new Set(Object.keys(type.spec.attrs ?? {})));
  return { nodes, marks };
}

let planRules: ProseRules | null = null;

/** The plan prose schema's rules, built once: the schema does not change while a process runs. */
export function planProseShapeRules(): ProseRules {
  return (planRules ??= proseShapeRules());
}

export * from './suggestions';
