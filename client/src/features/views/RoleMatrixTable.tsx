import { roleCellKey, type RoleActor, type RoleMark } from '@sakutei/shared/measures';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../../i18n';
import { markForKey, nextMark, type RoleGroup } from './roleMatrix';

type Props = {
  groups: readonly RoleGroup[];
  actors: readonly RoleActor[];
  cells: Readonly<Record<string, RoleMark>>;
  /** The name of the level listed (施策, 目標), heading the first column. */
  levelName: string;
  labelledBy: string;
  /** Null when read-only. */
  onSet: ((nodeId: string, actorId: string, mark: RoleMark | null) => void) | null;
};

type Position = { row: number; col: number };

function clamp(value: number, max: number): number {
  return Math.max(0, Math.min(value, max));
}

/**
 * 相関表: ◎ / ○ per row and actor. When editable it is a WAI-ARIA grid: one cell is in the
 * tab order (roving tabindex), arrow keys move, keys set marks directly.
 */
export function RoleMatrixTable({ groups, actors, cells, levelName, labelledBy, onSet }: Props) {
  const { t } = useI18n();
  const rows = groups.flatMap((group) => group.rows);
  const [active, setActive] = useState<Position>({ row: 0, col: 0 });
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  // Someone may remove rows or actors while this cell is active; stay inside the grid.
  const current = { row: clamp(active.row, rows.length - 1), col: clamp(active.col, actors.length - 1) };
  const editable = onSet !== null;

  const focusCell = (target: Position) => {
    const next = { row: clamp(target.row, rows.length - 1), col: clamp(target.col, actors.length - 1) };
    setActive(next);
    buttons.current.get(`${next.row}:${next.col}`)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, at: Position, nodeId: string, actorId: string) => {
    if (event.nativeEvent.isComposing || event.altKey || event.metaKey) return;
    const lastRow = rows.length - 1;
    const lastCol = actors.length - 1;
    const moves: Record<string, Position | undefined> = {
      ArrowUp: { row: at.row - 1, col: at.col },
      ArrowDown: { row: at.row + 1, col: at.col },
      ArrowLeft: { row: at.row, col: at.col - 1 },
      ArrowRight: { row: at.row, col: at.col + 1 },
      Home: event.ctrlKey ? { row: 0, col: 0 } : { row: at.row, col: 0 },
      End: event.ctrlKey ? { row: lastRow, col: lastCol } : { row: at.row, col: lastCol },
      PageUp: { row: 0, col: at.col },
      PageDown: { row: lastRow, col: at.col },
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      focusCell(move);
      return;
    }
    if (event.ctrlKey) return;
    const mark = markForKey(event.key);
    if (mark !== undefined && onSet) {
      event.preventDefault();
      onSet(nodeId, actorId, mark);
    }
  };

  const meaning = (mark: RoleMark) => (mark === '◎' ? t('views.roles.primary') : t('views.roles.support'));
  const markLabel = (mark: RoleMark | null) => (mark === null ? t('views.roles.none') : `${mark} ${meaning(mark)}`);

  // Each group's first row in the flat order the keyboard moves through.
  const groupStarts = groups.map((_, index) => groups.slice(0, index).reduce((sum, group) => sum + group.rows.length, 0));

  return (
    <div className="views-scroll">
      <table className="views-table role-matrix" role={editable ? 'grid' : undefined} aria-labelledby={labelledBy}>
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              {levelName}
            </th>
            <th scope="colgroup" colSpan={actors.length}>
              {t('views.roles.rolesHeading')}
            </th>
          </tr>
          <tr>
            {actors.map((actor) => (
              <th scope="col" key={actor.id} className="role-matrix__actor">
                {actor.name}
              </th>
            ))}
          </tr>
        </thead>
        {groups.map((group, groupIndex) => (
          <tbody key={group.parent?.node.id ?? `top-${groupIndex}`}>
            {group.parent && (
              <tr className="role-matrix__group">
                <th scope="rowgroup" colSpan={actors.length + 1}>
                  {[group.parent.number, group.parent.title].filter((part) => part !== '').join(' ')}
                </th>
              </tr>
            )}
            {group.rows.map((row, indexInGroup) => {
              const r = (groupStarts[groupIndex] ?? 0) + indexInGroup;
              return (
                <tr key={row.node.id} data-testid="role-row" data-row-id={row.node.id}>
                  <th scope="row" className="role-matrix__row">
                    {row.number !== '' && <span className="role-matrix__number">{row.number}</span>}
                    {row.title}
                    {row.reprintOf !== null && <span className="views-badge">{t('views.reprint')}</span>}
                  </th>
                  {actors.map((actor, c) => {
                    const mark = cells[roleCellKey(row.node.id, actor.id)] ?? null;
                    if (!onSet) {
                      return (
                        <td key={actor.id} className="role-matrix__cell" data-testid="role-cell" data-mark={mark ?? ''}>
                          {mark}
                          {mark !== null && <span className="visually-hidden"> {meaning(mark)}</span>}
                        </td>
                      );
                    }
                    const isActive = current.row === r && current.col === c;
                    return (
                      <td key={actor.id} className="role-matrix__cell">
                        <button
                          type="button"
                          className="role-cell"
                          data-testid="role-cell"
                          data-mark={mark ?? ''}
                          data-row={r}
                          data-col={c}
                          tabIndex={isActive ? 0 : -1}
                          aria-label={t('views.roles.cellLabel', { actor: actor.name, mark: markLabel(mark) })}
                          ref={(element) => {
                            const key = `${r}:${c}`;
                            if (element) buttons.current.set(key, element);
                            else buttons.current.delete(key);
                          }}
                          onFocus={() => setActive({ row: r, col: c })}
                          onClick={() => onSet(row.node.id, actor.id, nextMark(mark))}
                          onKeyDown={(event) => onKeyDown(event, { row: r, col: c }, row.node.id, actor.id)}
                        >
                          {mark}
                        </button>
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        ))}
      </table>
    </div>
  );
}
