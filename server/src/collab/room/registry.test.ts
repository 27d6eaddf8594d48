import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DocStore } from '../../storage';
import { createMemoryDocStore } from '../../storage/memory/docStore';
import { RoomRegistry } from './registry';
import type { Peer, RoomSocket } from './room';

const peer: Peer = { id: 'u', name: 'u', color: '#000000', access: 'edit', workspaceId: 'w', sessionId: null, ceiling: 'edit' };
const socket = (): RoomSocket => ({ send() {}, close() {} });

const registries: RoomRegistry[] = [];
afterEach(async () => {
  for (const r of registries.splice(0)) await r.closeAll(1001, 'test over');
  vi.restoreAllMocks();
});

describe('RoomRegistry', () => {
  it('keeps one room per document when an unload fails while someone joins', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const inner = createMemoryDocStore();
    let failCompaction = true;
    const store: DocStore = {
      ...inner,
      compact: async (...args) => {
        if (failCompaction) throw new Error('disk full');
        return inner.compact(...args);
      },
    };
    const registry = new RoomRegistry(store, { idleMs: 0, awarenessBatchMs: 0 });
    registries.push(registry);
    await registry.use('doc', (room) => room.doc.getText('t').insert(0, '施策'));
    // Idle at once: the unload starts, its compaction fails, and a join arrives meanwhile.
    await new Promise((r) => setTimeout(r, 5));
    const [a, b] = await Promise.all([registry.join('doc', socket(), peer), registry.join('doc', socket(), peer)]);
    expect(a.room).toBe(b.room);
    expect([...registry.loaded()]).toEqual([a.room]);
    expect([...registry.connections()]).toHaveLength(2);
    expect(a.room.doc.getText('t').toString()).toBe('施策');
    failCompaction = false;
  });

  it('refuses to acknowledge a server change the store could not take', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const store: DocStore = { ...createMemoryDocStore(), append: async () => Promise.reject(new Error('disk full')) };
    const registry = new RoomRegistry(store, { idleMs: 60_000, awarenessBatchMs: 0 });
    registries.push(registry);
    await expect(registry.use('doc', (room) => room.doc.getText('t').insert(0, '実績値'))).rejects.toThrow('could not be stored');
  });
});
