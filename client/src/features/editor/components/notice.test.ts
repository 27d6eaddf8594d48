import { describe, expect, it } from 'vitest';
import { nextNotice } from './notice';

describe('nextNotice', () => {
  it('says a refusal once per burst, and a different message at once', () => {
    const first = nextNotice(null, 'editor.suggest.refused');
    expect(nextNotice(first, 'editor.suggest.refused')).toBe(first);
    const switched = nextNotice(first, 'editor.suggest.nowEditing');
    expect(switched).toEqual({ key: 'editor.suggest.nowEditing', seq: first!.seq + 1 });
    expect(nextNotice(null, 'editor.suggest.refused')).toEqual({ key: 'editor.suggest.refused', seq: 1 });
  });
});
