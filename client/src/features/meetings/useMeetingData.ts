import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import { useSession } from '../../app/session';
import type { Resource } from '../../app/useApiResource';
import { ApiError } from '../../lib/api';
import type { Meeting, MeetingDetailResponse, MeetingListResponse } from '@sakutei/shared';
import { getMeeting, listMeetings } from './meetingsApi';

/*
 * Meetings have no event stream of their own: an open page reads again every 15 s and when
 * its window regains focus, so what another staff member changed shows up; a save made on a
 * stale copy is refused (409 version_conflict) and the page then shows the fresh one.
 */
const POLL_MS = 15_000;

function toResource<T>(data: T | undefined, isError: boolean, error: unknown): Resource<T> {
  if (data !== undefined) return { status: 'loaded', data };
  return isError ? { status: 'failed', error } : { status: 'loading' };
}

function useExpireOn401(error: unknown) {
  const { expire } = useSession();
  useEffect(() => {
    if (error instanceof ApiError && error.status === 401) expire();
  }, [error, expire]);
}

export const meetingsKey = (workspaceId: string) => ['api', 'meetings', workspaceId] as const;
export const meetingKey = (workspaceId: string, meetingId: string) => ['api', 'meetings', workspaceId, meetingId] as const;

export function useMeetingsList(workspaceId: string) {
  const query = useQuery({
    queryKey: meetingsKey(workspaceId),
    queryFn: ({ signal }) => listMeetings(workspaceId, signal),
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: true,
  });
  useExpireOn401(query.error);
  const { refetch } = query;
  const reload = useCallback(() => void refetch(), [refetch]);
  const resource: Resource<MeetingListResponse> = toResource(query.data, query.isError, query.error);
  return { resource, reload };
}

export function useMeeting(workspaceId: string, meetingId: string) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: meetingKey(workspaceId, meetingId),
    queryFn: ({ signal }) => getMeeting(workspaceId, meetingId, signal),
    // Opened again from the list, a meeting is read afresh: the copy in the cache may predate a
    // change made elsewhere on the list page (the quorum rule) or by someone else.
    refetchOnMount: 'always',
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: true,
  });
  useExpireOn401(query.error);
  const { refetch } = query;
  const reload = useCallback(() => void refetch(), [refetch]);
  /** Shows what a save returned at once, without waiting for the next read. */
  const show = useCallback(
    (meeting: Meeting) => {
      queryClient.setQueryData<MeetingDetailResponse>(meetingKey(workspaceId, meetingId), (old) => ({ meeting, mayManage: old?.mayManage ?? false }));
      // The list shows the same meeting's facts: read it again when it is next opened.
      void queryClient.invalidateQueries({ queryKey: meetingsKey(workspaceId), exact: true });
    },
    [queryClient, workspaceId, meetingId],
  );
  const resource: Resource<MeetingDetailResponse> = toResource(query.data, query.isError, query.error);
  return { resource, reload, show };
}
