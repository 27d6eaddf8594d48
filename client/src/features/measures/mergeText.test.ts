import { describe, expect, it } from 'vitest';
import { mergeText } from './mergeText';

describe('mergeText', () => {
  it('keeps mine when nobody else changed the cell, and theirs when I did not', () => {
    expect(mergeText('相談', '経営相談', '相談')).toBe('経営相談');
    expect(mergeText('相談', '相談', '相談支援')).toBe('相談支援');
  });

  it('keeps both edits when they touch separate parts of the text', () => {
    expect(mergeText('相談支援事業', '経営相談支援事業', '相談支援事業（拡充）')).toBe('経営相談支援事業（拡充）');
    expect(mergeText('相談支援事業', '相談支援事業（拡充）', '経営相談支援事業')).toBe('経営相談支援事業（拡充）');
  });

  it('resolves overlapping edits to mine, as the last writer', () => {
    expect(mergeText('相談支援', '創業支援', '経営支援')).toBe('創業支援');
  });
});
