import { describe, expect, it } from 'vitest';
import { samePeople } from './useSuggestionPaint';

const person = (id: string, name: string) => ({ id, name, color: '#123456' });

describe('samePeople', () => {
  it('keeps the previous list when only carets moved, so the editor host does not re-render', () => {
    const previous = [person('u-a', '山田'), person('u-b', '高橋')];
    expect(samePeople(previous, [person('u-a', '山田'), person('u-b', '高橋')])).toBe(previous);
    const renamed = [person('u-a', '山田'), person('u-b', '高橋 一郎')];
    expect(samePeople(previous, renamed)).toBe(renamed);
    const left = [person('u-a', '山田')];
    expect(samePeople(previous, left)).toBe(left);
  });
});
