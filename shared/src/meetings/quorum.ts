import type { AttendanceValue, QuorumRule } from '../schemas/meetings';

/** A council that never chose: more than half of its voting members, a proxy counting as present. */
export const DEFAULT_QUORUM: QuorumRule = { kind: 'moreThanHalf', proxyCounts: true };

/** How many must attend for `voters` voting members under `rule`; never less than 1. */
export function quorumRequired(rule: QuorumRule, voters: number): number {
  const n = Math.max(0, Math.floor(voters));
  const required = (() => {
    switch (rule.kind) {
      case 'moreThanHalf':
        return Math.floor(n / 2) + 1;
      case 'atLeastHalf':
        return Math.ceil(n / 2);
      case 'atLeastTwoThirds':
        return Math.ceil((2 * n) / 3);
      case 'atLeastCount':
        return rule.count;
    }
  })();
  return Math.max(1, required);
}

/** Whether one attendance value counts towards the quorum: present and online do; a proxy when the rule says so. */
export function attendanceCounts(rule: QuorumRule, value: AttendanceValue | null): boolean {
  return value === 'present' || value === 'online' || (value === 'proxy' && rule.proxyCounts);
}

/**
 * Whether a meeting has its quorum. `attendance` holds the recorded values of the council's
 * voting members only (chair, vice chair, members; staff and observers never count); a member
 * with no entry is not present. A council without voters never has a quorum.
 */
export function quorumOf(
  rule: QuorumRule,
  voters: number,
  attendance: ReadonlyArray<AttendanceValue | null>,
): { required: number; present: number; met: boolean } {
  const required = quorumRequired(rule, voters);
  const present = attendance.filter((a) => attendanceCounts(rule, a)).length;
  return { required, present, met: voters > 0 && present >= required };
}
