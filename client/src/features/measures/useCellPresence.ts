import { userColor } from '@sakutei/shared';
import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type { PresenceUser } from '../plan/presence';

/** The cell a collaborator is on, published in awareness as the field `cell`. */
export type CellRef = { kind: 'node' | 'kpi'; id: string; field: string };

export type CellPresenceMap = ReadonlyMap<string, readonly PresenceUser[]>;

export function cellKey(cell: CellRef): string {
  return `${cell.kind}|${cell.id}|${cell.field}`;
}

const HEX_COLOR = /^#[0-9a-f]{6}$/i;

// Awareness states are whatever peers sent: check every field before it reaches the screen.
function userIn(state: Record<string, unknown>): PresenceUser | null {
  const user: unknown = state['user'];
  if (typeof user !== 'object' || user === null) return null;
  const { id, name, color } = user as Record<string, unknown>;
  if (typeof id !== 'string' || typeof name !== 'string') return null;
  return { id, name, color: typeof color === 'string' && HEX_COLOR.test(color) ? color : userColor(id) };
}

function cellIn(state: Record<string, unknown>): CellRef | null {
  const cell: unknown = state['cell'];
  if (typeof cell !== 'object' || cell === null) return null;
  const { kind, id, field } = cell as Record<string, unknown>;
  if (kind !== 'node' && kind !== 'kpi') return null;
  if (typeof id !== 'string' || id.length > 100 || typeof field !== 'string' || field.length > 40) return null;
  return { kind, id, field };
}

function othersCells(awareness: Awareness): CellPresenceMap {
  const byCell = new Map<string, PresenceUser[]>();
  for (const [clientId, state] of awareness.getStates()) {
    if (clientId === awareness.clientID) continue;
    const user = userIn(state);
    const cell = cellIn(state);
    if (!user || !cell) continue;
    const key = cellKey(cell);
    const users = byCell.get(key) ?? [];
    users.push(user);
    byCell.set(key, users);
  }
  return byCell;
}

/** Who else is on which cell, keyed by `cellKey`; this client's own state is left out. */
export function useOthersCells(awareness: Awareness): CellPresenceMap {
  const [cells, setCells] = useState<CellPresenceMap>(() => othersCells(awareness));
  useEffect(() => {
    const refresh = () => setCells(othersCells(awareness));
    refresh();
    awareness.on('change', refresh);
    return () => awareness.off('change', refresh);
  }, [awareness]);
  return cells;
}

/** Publishes the cell this user is on; cleared when nothing is focused and on unmount. */
export function usePublishCell(awareness: Awareness, cell: CellRef | null): void {
  const kind = cell?.kind;
  const id = cell?.id;
  const field = cell?.field;
  useEffect(() => {
    const value = kind !== undefined && id !== undefined && field !== undefined ? { kind, id, field } : null;
    awareness.setLocalStateField('cell', value);
  }, [awareness, kind, id, field]);
  useEffect(() => () => awareness.setLocalStateField('cell', null), [awareness]);
}
