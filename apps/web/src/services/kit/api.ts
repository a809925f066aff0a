import type { ApplicationAttachments, ApplicationDetail } from '@sw/contracts';
import { apiClient } from '../../lib/api-client';

/**
 * The generic application routes a service's apply page uses (the apply kit): a server-side
 * draft, saved as it is typed, its attachment slots, and the submission.
 */
export const applications = {
  get: (id: string) => apiClient.get<ApplicationDetail>(`/api/applications/${id}`),
  create: (serviceCode: string, form: Record<string, unknown>) =>
    apiClient.post<ApplicationDetail>('/api/applications', { serviceCode, form }),
  save: (id: string, version: number, form: Record<string, unknown>) =>
    apiClient.put<ApplicationDetail>(`/api/applications/${id}/form`, { version, form }),
  submit: (id: string, version: number) =>
    apiClient.post<ApplicationDetail>(`/api/applications/${id}/submit`, { version }),
  attachments: (id: string) => apiClient.get<ApplicationAttachments>(`/api/applications/${id}/attachments`),
  attach: (id: string, slot: string, fileId: string) =>
    apiClient.post<ApplicationAttachments>(`/api/applications/${id}/attachments`, { slot, fileId }),
  detach: (id: string, fileId: string) =>
    apiClient.delete<void>(`/api/applications/${id}/attachments/${fileId}`),
};
