import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { apiQueryKey, useApiResource } from '../../app/useApiResource';
import type { MinutesResponse } from '@sakutei/shared';
import { getMinutes } from './minutesApi';

const minutesParts = (workspaceId: string, meetingId: string) => ['minutes', workspaceId, meetingId] as const;

/**
 * A meeting's minutes: their state, corrections and what the caller may do. Like the meeting,
 * read again every 15 s and on focus (no event stream), so a member sees the draft arrive and
 * staff see corrections filed; the text itself is live over its own document.
 */
export function useMinutes(workspaceId: string, meetingId: string) {
  const queryClient = useQueryClient();
  const { resource, reload } = useApiResource<MinutesResponse>(
    minutesParts(workspaceId, meetingId),
    (signal) => getMinutes(workspaceId, meetingId, signal),
    { refetchInterval: 15_000, refetchOnWindowFocus: true, refetchOnMount: 'always' },
  );
  /** Shows what a write returned at once, without waiting for the next read. */
  const show = useCallback(
    (answer: MinutesResponse) => queryClient.setQueryData(apiQueryKey(minutesParts(workspaceId, meetingId)), answer),
    [queryClient, workspaceId, meetingId],
  );
  return { resource, reload, show };
}
