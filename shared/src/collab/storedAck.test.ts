import { describe, expect, it } from 'vitest';
import { STORED_ACK_MESSAGE, decodeStoredQuery, decodeStoredReply, encodeStoredQuery, encodeStoredReply } from './storedAck';

describe('stored acknowledgement frames', () => {
  it('round-trips queries and replies, large numbers included', () => {
    for (const id of [0, 1, 127, 128, 300, 2 ** 21, 2 ** 28 - 1]) {
      const query = encodeStoredQuery(id);
      expect(query[0]).toBe(STORED_ACK_MESSAGE);
      expect(decodeStoredQuery(query.subarray(1))).toBe(id);
      expect(decodeStoredReply(encodeStoredReply(id, 3).subarray(1))).toEqual({ id, lost: 3 });
    }
  });

  it('wraps query ids instead of growing without bound', () => {
    expect(decodeStoredQuery(encodeStoredQuery(2 ** 28).subarray(1))).toBe(0);
  });

  it('refuses frames of the other kind, truncated, overlong or with trailing bytes', () => {
    expect(decodeStoredQuery(encodeStoredReply(1, 0).subarray(1))).toBeNull();
    expect(decodeStoredReply(encodeStoredQuery(1).subarray(1))).toBeNull();
    expect(decodeStoredQuery(Uint8Array.from([0, 0x80]))).toBeNull();
    expect(decodeStoredQuery(Uint8Array.from([0, 0x80, 0x80, 0x80, 0x80, 0x01]))).toBeNull();
    expect(decodeStoredQuery(Uint8Array.from([0, 1, 2]))).toBeNull();
    expect(decodeStoredReply(Uint8Array.from([]))).toBeNull();
  });
});
