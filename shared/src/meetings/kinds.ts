/**
 * What a council's meeting is (定例 臨時 部会 書面開催), where it stands (予定 開催済み 議事録確定
 * 公開済み), and how each person attended (出席 オンライン 代理 欠席). Data, so that screens,
 * schemas and storage checks list them from one place (their types are in schemas/meetings.ts).
 */
export const MEETING_KINDS = ['regular', 'extraordinary', 'subcommittee', 'written'] as const;

export const MEETING_STATUSES = ['scheduled', 'held', 'minutesConfirmed', 'published'] as const;

export const ATTENDANCE = ['present', 'online', 'proxy', 'absent'] as const;

/** The Japanese words for each kind, status and attendance value (exports and labels use them). */
export const MEETING_KIND_JA: Readonly<Record<(typeof MEETING_KINDS)[number], string>> = {
  regular: '定例',
  extraordinary: '臨時',
  subcommittee: '部会',
  written: '書面開催',
};
