import {
  AcceptInvitationResponse,
  AccountResponse,
  InvitationLinkResponse,
  InvitationPreview,
  InvitationsResponse,
  Member,
  MembersResponse,
  OkResponse,
  ResetLinkResponse,
  type AcceptInvitationRequest,
  type CreateInvitationRequest,
  type SecretariatRole,
  type MemberAttributes,
} from '@sakutei/shared';
import { z } from 'zod';
import { request } from './api';

const council = (workspaceId: string) => `/api/workspaces/${encodeURIComponent(workspaceId)}`;
const memberPath = (workspaceId: string, userId: string) => `${council(workspaceId)}/members/${encodeURIComponent(userId)}`;
const MemberResponse = z.object({ member: Member });

export const listCouncilMembers = (workspaceId: string, signal?: AbortSignal) =>
  request(`${council(workspaceId)}/members`, MembersResponse, { signal });

export const setMemberRole = (workspaceId: string, userId: string, role: SecretariatRole) =>
  request(memberPath(workspaceId, userId), MemberResponse, { method: 'PUT', body: { role } });

export const setMemberAttributes = (workspaceId: string, userId: string, attributes: MemberAttributes) =>
  request(`${memberPath(workspaceId, userId)}/attributes`, MemberResponse, { method: 'PUT', body: attributes });

export const removeMember = (workspaceId: string, userId: string) =>
  request(memberPath(workspaceId, userId), OkResponse, { method: 'DELETE' });

export const issueResetLink = (workspaceId: string, userId: string) =>
  request(`${memberPath(workspaceId, userId)}/reset-link`, ResetLinkResponse, { method: 'POST' });

export const listInvitations = (workspaceId: string, signal?: AbortSignal) =>
  request(`${council(workspaceId)}/invitations`, InvitationsResponse, { signal });

export const createInvitation = (workspaceId: string, body: CreateInvitationRequest) =>
  request(`${council(workspaceId)}/invitations`, InvitationLinkResponse, { method: 'POST', body });

export const resendInvitation = (workspaceId: string, invitationId: string) =>
  request(`${council(workspaceId)}/invitations/${encodeURIComponent(invitationId)}/resend`, InvitationLinkResponse, { method: 'POST' });

export const revokeInvitation = (workspaceId: string, invitationId: string) =>
  request(`${council(workspaceId)}/invitations/${encodeURIComponent(invitationId)}`, OkResponse, { method: 'DELETE' });

export const previewInvitation = (token: string) => request('/api/invitations/preview', InvitationPreview, { method: 'POST', body: { token } });

export const acceptInvitation = (body: AcceptInvitationRequest) =>
  request('/api/invitations/accept', AcceptInvitationResponse, { method: 'POST', body });

export const updateProfile = (name: string) => request('/api/account/profile', AccountResponse, { method: 'PATCH', body: { name } });

export const changeEmail = (currentPassword: string, email: string) =>
  request('/api/account/email', AccountResponse, { method: 'POST', body: { currentPassword, email } });

export const changePassword = (currentPassword: string, newPassword: string) =>
  request('/api/account/password', OkResponse, { method: 'POST', body: { currentPassword, newPassword } });

export const checkResetLink = (token: string) => request('/api/password-reset/check', OkResponse, { method: 'POST', body: { token } });

export const resetPassword = (token: string, newPassword: string) =>
  request('/api/password-reset', OkResponse, { method: 'POST', body: { token, newPassword } });

/** The token of a one-time link, from the page's `#token=…` (never sent to the server in the address). */
export function tokenFromFragment(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token && /^[a-z2-7]{16,128}$/.test(token) ? token : null;
}
