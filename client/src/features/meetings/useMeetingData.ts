import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { apiQueryKey, useApiResource, type ApiResourceOptions } from '../../app/useApiResource';
import type { Meeting, MeetingDetailResponse, MeetingListResponse } from '@sakutei/shared';
import { getMeeting, listMeetings } from './meetingsApi';

/*
 * Meetings have no event stream of their own: an open page reads again every 15 s and when
 * its window regains focus, so what another staff member changed shows up; a save made on a
 * stale copy is refused (409 version_conflict) and the page then shows the fresh one.
 */
const POLL: ApiResourceOptions = { refetchInterval: 15_000, refetchOnWindowFocus: true };

const meetingsParts = (workspaceId: string) => ['meetings', workspaceId] as const;
const meetingParts = (workspaceId: string, meetingId: string) => ['meetings', workspaceId, meetingId] as const;
export const meetingsKey = (workspaceId: string) => apiQueryKey(meetingsParts(workspaceId));
export const meetingKey = (workspaceId: string, meetingId: string) => apiQueryKey(meetingParts(workspaceId, meetingId));

export function useMeetingsList(workspaceId: string) {
  return useApiResource<MeetingListResponse>(meetingsParts(workspaceId), (signal) => listMeetings(workspaceId, signal), POLL);
}

export function useMeeting(workspaceId: string, meetingId: string) {
  const queryClient = useQueryClient();
  const { resource, reload } = useApiResource<MeetingDetailResponse>(
    meetingParts(workspaceId, meetingId),
    (signal) => getMeeting(workspaceId, meetingId, signal),
    // Opened again from the list, a meeting is read afresh: the copy in the cache may predate a
    // change made elsewhere on the list page (the quorum rule) or by someone else.
    { ...POLL, refetchOnMount: 'always' },
  );
  /** Shows what a save returned at once, without waiting for the next read. */
  const show = useCallback(
    (meeting: Meeting) => {
      queryClient.setQueryData<MeetingDetailResponse>(meetingKey(workspaceId, meetingId), (old) => ({ meeting, mayManage: old?.mayManage ?? false }));
      // The list shows the same meeting's facts: read it again when it is next opened.
      void queryClient.invalidateQueries({ queryKey: meetingsKey(workspaceId), exact: true });
    },
    [queryClient, workspaceId, meetingId],
  );
  return { resource, reload, show };
}
