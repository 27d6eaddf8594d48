import type { Person } from '@sakutei/shared';
import { useCallback, useState } from 'react';
import { toMentionTokens } from './mentions';

/** Text being written in a comment box, and the people picked from its @-list. */
export function useMentionDraft(initialText = '', initialPicked: readonly Person[] = []) {
  const [text, setText] = useState(initialText);
  const [picked, setPicked] = useState<readonly Person[]>(initialPicked);
  const pick = useCallback((person: Person) => setPicked((list) => [...list, person]), []);
  const reset = useCallback(() => {
    setText('');
    setPicked([]);
  }, []);
  /** The body to send: every `@name` of a known person becomes a mention token. */
  const body = (people: readonly Person[]) => toMentionTokens(text.trim(), people, picked);
  return { text, setText, pick, reset, body, empty: text.trim() === '' };
}
