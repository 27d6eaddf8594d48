import { proseExtensions } from '@sakutei/shared/editor';
import { Editor } from '@tiptap/core';
import { act, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { competingDoc, docOf, paragraph } from './testDoc';
import { useSuggestionList } from './useSuggestionList';

let editor: Editor | null = null;
afterEach(() => editor?.destroy());

describe('useSuggestionList', () => {
  it('lists the editor’s suggestions, and lists them again when the text changes', async () => {
    editor = new Editor({ extensions: proseExtensions(), content: docOf(paragraph({ text: '本文' })).toJSON() });
    const { result } = renderHook(() => useSuggestionList(editor));
    expect(result.current.list).toHaveLength(0);
    act(() => {
      editor!.commands.setContent(competingDoc().toJSON());
    });
    await waitFor(() => expect(result.current.list.map((item) => item.id)).toEqual(['s-aya', 's-staff', 's-lone']));
  });
});
