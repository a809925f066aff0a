import type { OrganizationStep, RegisterOrganizationBody } from '@sw/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

export type RegisterOrganizationResponse = { id: string; username: string; organizationId: string };

/** POST /api/accounts/organization/check → 200, or 409 「组织机构代码已存在」 (seed 004 §1.2.2 step 1). */
export function checkOrganization(body: OrganizationStep): Promise<{ available: true }> {
  return apiClient.post<{ available: true }>('/api/accounts/organization/check', body);
}

/** POST /api/accounts/organization → 201: the organization and its administrator. */
export function registerOrganization(body: RegisterOrganizationBody): Promise<RegisterOrganizationResponse> {
  return apiClient.post<RegisterOrganizationResponse>('/api/accounts/organization', body);
}

export function useCheckOrganization() {
  return useMutation({ mutationFn: checkOrganization });
}

export function useRegisterOrganization() {
  return useMutation({ mutationFn: registerOrganization });
}

/** 电子营业执照快捷注册: open an authorization, poll it, and (simulator only) confirm it. */
