/** How big each workload is, per mode. Full is the issue's; quick and smoke keep the shape, smaller. */
export type Sizes = {
  /** Quiet time before a timed phase (connections made, handshakes done) and between readings. */
  settleMs: number;
  fanout: { observers: number[]; perSecond: number; seconds: number };
  rooms: { rooms: number; perRoom: number; totalPerSecond: number; seconds: number };
  /**
   * Memory readings: `steady` forces full GCs, then waits for RSS to level (several seconds
   * each); `gc` only forces the GCs; `plain` just reads.
   */
  idle: { rooms: number; connections: number; settleMs: number; memory: 'steady' | 'gc' | 'plain' };
  cold: { docs: Array<{ key: string; label: string; targetBytes: number }>; fresh: number; joiners: number };
  durability: { perSecond: number; seconds: number };
  awareness: { clients: number; perSecond: number; seconds: number; probes: number };
};

export type Mode = 'full' | 'quick' | 'smoke';

export const SIZES: Record<Mode, Sizes> = {
  full: {
    settleMs: 1000,
    // 50 updates/s from one writer: a fast typist's keystrokes, a quarter of Sakutei's per-connection limit.
    fanout: { observers: [10, 100, 500], perSecond: 50, seconds: 5 },
    rooms: { rooms: 200, perRoom: 5, totalPerSecond: 300, seconds: 20 },
    idle: { rooms: 200, connections: 2000, settleMs: 5000, memory: 'steady' },
    cold: {
      docs: [
        { key: 'cold-1mb', label: '1 MB', targetBytes: 1 << 20 },
        { key: 'cold-4mb', label: '4 MB', targetBytes: 4 << 20 },
      ],
      fresh: 20,
      joiners: 50,
    },
    durability: { perSecond: 20, seconds: 10 },
    awareness: { clients: 500, perSecond: 1, seconds: 10, probes: 10 },
  },
  quick: {
    settleMs: 600,
    fanout: { observers: [10, 100], perSecond: 50, seconds: 2 },
    rooms: { rooms: 50, perRoom: 5, totalPerSecond: 75, seconds: 4 },
    idle: { rooms: 50, connections: 500, settleMs: 1500, memory: 'gc' },
    cold: { docs: [{ key: 'cold-1mb', label: '1 MB', targetBytes: 1 << 20 }], fresh: 5, joiners: 20 },
    durability: { perSecond: 20, seconds: 2 },
    awareness: { clients: 100, perSecond: 1, seconds: 3, probes: 4 },
  },
  smoke: {
    settleMs: 150,
    fanout: { observers: [5], perSecond: 20, seconds: 1 },
    rooms: { rooms: 4, perRoom: 5, totalPerSecond: 10, seconds: 1.5 },
    idle: { rooms: 4, connections: 40, settleMs: 300, memory: 'plain' },
    cold: { docs: [{ key: 'cold-64kb', label: '64 KB', targetBytes: 64 << 10 }], fresh: 3, joiners: 4 },
    durability: { perSecond: 10, seconds: 1 },
    awareness: { clients: 10, perSecond: 2, seconds: 1, probes: 2 },
  },
};

export const WORKLOADS = ['fanout', 'rooms', 'idle', 'cold', 'durability', 'awareness'] as const;
export type WorkloadName = (typeof WORKLOADS)[number];

/** Every document a run's workloads open, by key (Sakutei needs a plan for each before it starts). */
export function documentKeys(sizes: Sizes, workloads: readonly WorkloadName[]): string[] {
  const keys: string[] = [];
  for (const w of workloads) {
    if (w === 'fanout') keys.push(...sizes.fanout.observers.map((n) => `fanout-${n}`));
    if (w === 'rooms') for (let r = 0; r < sizes.rooms.rooms; r++) keys.push(`rooms-${r}`);
    if (w === 'idle') for (let r = 0; r < sizes.idle.rooms; r++) keys.push(`idle-${r}`);
    if (w === 'cold') keys.push(...sizes.cold.docs.map((d) => d.key));
    if (w === 'durability') keys.push('durability');
    if (w === 'awareness') keys.push('awareness');
  }
  return keys;
}
