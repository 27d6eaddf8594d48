import type { DerivedRow, DerivedTable, RoleMark } from '@sakutei/shared/measures';

export type RoleGroup = { parent: DerivedRow | null; rows: DerivedRow[] };

/** The rows at `level`, grouped under their parent rows in plan order (相関表's 重点施策 under 目指すべき姿). */
export function roleGroups(derived: DerivedTable, level: number): RoleGroup[] {
  const groups: RoleGroup[] = [];
  for (const row of derived.rows) {
    if (row.depth !== level) continue;
    const parent = row.parentId === null ? null : (derived.rowById.get(row.parentId) ?? null);
    const last = groups.at(-1);
    if (last && last.parent?.node.id === parent?.node.id) last.rows.push(row);
    else groups.push({ parent, rows: [row] });
  }
  return groups;
}

/** Click order of a cell: empty → ◎ → ○ → empty. */
export function nextMark(mark: RoleMark | null): RoleMark | null {
  return mark === null ? '◎' : mark === '◎' ? '○' : null;
}

/**
 * What a key typed on a cell sets it to, `undefined` when the key is not a mark key. Full-width
 * digits count too: a Japanese IME left in full-width mode sends １ rather than 1.
 */
export function markForKey(key: string): RoleMark | null | undefined {
  switch (key) {
    case '1':
    case '１':
    case '◎':
      return '◎';
    case '2':
    case '２':
    case '○':
    case '〇':
      return '○';
    case '0':
    case '０':
    case 'Delete':
    case 'Backspace':
      return null;
    default:
      return undefined;
  }
}
