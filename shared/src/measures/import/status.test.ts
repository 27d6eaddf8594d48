import { describe, expect, it } from 'vitest';
import { readStatus } from './status';

describe('readStatus', () => {
  it('reads 新規 / 充実 / 継続 as plans print them', () => {
    expect(['新規', '新', '（新規）', '新規事業', ' 新 規 '].map(readStatus)).toEqual(['new', 'new', 'new', 'new', 'new']);
    expect(['充実', '拡充', '充', '【拡充】'].map(readStatus)).toEqual(['enhanced', 'enhanced', 'enhanced', 'enhanced']);
    expect(['継続', '継', '継続事業'].map(readStatus)).toEqual(['continued', 'continued', 'continued']);
  });

  it('says none for an empty cell and nothing it knows for other words', () => {
    expect(readStatus('')).toBeNull();
    expect(readStatus('拡大')).toBeUndefined();
    expect(readStatus('事業')).toBeUndefined();
  });
});
