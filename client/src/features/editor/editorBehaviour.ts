import { PROSE_INPUT_RULES } from '@sakutei/shared/editor';
import type { EditorOptions } from '@tiptap/core';

/**
 * How the plan's editor behaves as one types, beyond the schema: which typing shortcuts
 * (input rules) stay on. The live editor and its tests both take it from here.
 */
export const EDITOR_BEHAVIOUR: Pick<EditorOptions, 'enableInputRules'> = {
  enableInputRules: [...PROSE_INPUT_RULES],
};
