import {
  AdminAccountResponse,
  AdminAccountsResponse,
  AdminCouncilResponse,
  AdminCouncilsResponse,
  SetupResponse,
  SetupStatusResponse,
  type AppointLeaderRequest,
  type SetupRequest,
  type UpdateAccountRequest,
  type UpdateCouncilRequest,
} from '@sakutei/shared';
import { request } from './api';

// The first-run setup page and the administration area (/api/setup, /api/admin/…).

export const getSetupStatus = (signal?: AbortSignal) => request('/api/setup', SetupStatusResponse, signal ? { signal } : {});
export const completeSetup = (body: SetupRequest) => request('/api/setup', SetupResponse, { method: 'POST', body });

export const listCouncils = (signal?: AbortSignal) => request('/api/admin/councils', AdminCouncilsResponse, signal ? { signal } : {});
export const createCouncil = (name: string) => request('/api/admin/councils', AdminCouncilResponse, { method: 'POST', body: { name } });

const councilPath = (id: string) => `/api/admin/councils/${encodeURIComponent(id)}`;
export const updateCouncil = (id: string, body: UpdateCouncilRequest) => request(councilPath(id), AdminCouncilResponse, { method: 'PATCH', body });
export const appointLeader = (id: string, body: AppointLeaderRequest) =>
  request(`${councilPath(id)}/leaders`, AdminCouncilResponse, { method: 'PUT', body });
export const removeLeader = (id: string, userId: string) =>
  request(`${councilPath(id)}/leaders/${encodeURIComponent(userId)}`, AdminCouncilResponse, { method: 'DELETE' });

export const listAccounts = (signal?: AbortSignal) => request('/api/admin/accounts', AdminAccountsResponse, signal ? { signal } : {});
export const updateAccount = (id: string, body: UpdateAccountRequest) =>
  request(`/api/admin/accounts/${encodeURIComponent(id)}`, AdminAccountResponse, { method: 'PATCH', body });
