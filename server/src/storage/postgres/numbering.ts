import type { PoolClient } from './database';

const NEXT = {
  threads: 'SELECT COALESCE(MAX(number), 0) + 1 AS next FROM threads WHERE plan_id = $1',
  revisions: 'SELECT COALESCE(MAX(number), 0) + 1 AS next FROM revisions WHERE plan_id = $1',
} as const;

/**
 * The next number in one of a plan's series, with the plan's row locked until the caller's
 * transaction ends: creators in every process take turns per plan, and each one's MAX (a new
 * statement, so a fresh snapshot) sees the number the one before it committed. Numbers stay
 * unique and gapless; a rolled-back creation never used its number. NO KEY UPDATE, so rows
 * referencing the plan can still be inserted meanwhile.
 */
export async function nextNumber(client: PoolClient, series: keyof typeof NEXT, planId: string): Promise<number> {
  await client.query('SELECT 1 FROM plans WHERE id = $1 FOR NO KEY UPDATE', [planId]);
  const { rows } = await client.query<{ next: number }>(NEXT[series], [planId]);
  return rows[0]!.next;
}
