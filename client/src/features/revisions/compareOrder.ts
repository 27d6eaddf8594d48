/** Which side of the 新旧対照表 stands on the left: 改正後 (new), as 法令 tables print it, or 改正前 (old). */
export type CompareOrder = 'new-old' | 'old-new';

export const DEFAULT_COMPARE_ORDER: CompareOrder = 'new-old';

/** The two sides in reading order, left first. */
export function inOrder<T>(order: CompareOrder, sides: { old: T; new: T }): [T, T] {
  return order === 'new-old' ? [sides.new, sides.old] : [sides.old, sides.new];
}
