/**
 * Which side of the 新旧対照表 stands on the left: 改正後 (new), as 法令 tables print it, or
 * 改正前 (old). The screen, the exports and the API's `order` parameter all read this.
 */
export const COMPARE_ORDERS = ['new-old', 'old-new'] as const;
export type CompareOrder = (typeof COMPARE_ORDERS)[number];

export const DEFAULT_COMPARE_ORDER: CompareOrder = 'new-old';

/** The two sides in reading order, left first. */
export function inOrder<T>(order: CompareOrder, sides: { old: T; new: T }): [T, T] {
  return order === 'new-old' ? [sides.new, sides.old] : [sides.old, sides.new];
}
