import { useQuery } from '@tanstack/react-query';
import type {
  BookingView,
  CenterView,
  ConsoleRecord,
  NorthboundDaySlots,
  PolicyLookup,
  VehicleDetail,
} from '../../../../server/src/modules/services/northbound/contract.ts';
import type {
  TagRequestBody,
  TagRequestView,
  TagVehicle,
} from '../../../../server/src/modules/services/northbound-tags/contract.ts';
import { apiClient } from '../../lib/api-client';

/** 港车北上's own routes (the server's contract.ts lists them). */
const base = '/api/services/northbound';

export const northboundKeys = {
  center: ['northbound', 'center'] as const,
  bookings: ['northbound', 'bookings'] as const,
};

export function useCenter(enabled = true) {
  return useQuery({
    queryKey: northboundKeys.center,
    queryFn: () => apiClient.get<CenterView>(`${base}/center`),
    enabled,
    retry: false,
  });
}

export function useVehicleDetail(recordId: string | undefined) {
  return useQuery({
    queryKey: ['northbound', 'record', recordId],
    queryFn: () => apiClient.get<VehicleDetail>(`${base}/records/${recordId}`),
    enabled: Boolean(recordId),
  });
}

export function useSlots(day: string | undefined) {
  return useQuery({
    queryKey: ['northbound', 'slots', day],
    queryFn: () => apiClient.get<NorthboundDaySlots>(`${base}/slots?day=${day}`),
    enabled: Boolean(day),
  });
}

export function useBookings() {
  return useQuery({
    queryKey: northboundKeys.bookings,
    queryFn: () => apiClient.get<BookingView[]>(`${base}/bookings`),
  });
}

export function useConsoleRecord(applicationId: string) {
  return useQuery({
    queryKey: ['northbound', 'console-record', applicationId],
    queryFn: () =>
      apiClient.get<ConsoleRecord>(`/api/console/services/northbound/applications/${applicationId}/record`),
  });
}

export const northbound = {
  register: (body: Record<string, unknown>) => apiClient.post<{ username: string }>(`${base}/register`, body),
  sendBindCode: (body: { hkid: string; channel: 'sms' | 'email' }) =>
    apiClient.post<{ targetMasked: string; resendAfter: number }>(`${base}/binding/code`, body),
  bind: (body: { hkid: string; channel: 'sms' | 'email'; code: string }) =>
    apiClient.post<CenterView>(`${base}/binding`, body),
  lookupPolicy: (recordId: string, policyNo: string) =>
    apiClient.get<PolicyLookup>(
      `${base}/insurance/lookup?recordId=${recordId}&policyNo=${encodeURIComponent(policyNo)}`,
    ),
  submitInsurance: (recordId: string, body: Record<string, unknown>) =>
    apiClient.post<CenterView>(`${base}/records/${recordId}/insurance`, body),
  book: (recordId: string, slotId: string) =>
    apiClient.post<BookingView>(`${base}/bookings`, { recordId, slotId }),
  cancel: (bookingId: string) => apiClient.post<BookingView>(`${base}/bookings/${bookingId}/cancel`),
};

/** 补办车卡 / 补办驾驶人标识: the northbound-tags service's routes (its contract.ts lists them). */
const tagsBase = '/api/services/northbound-tags';

export const tagKeys = {
  vehicles: ['northbound-tags', 'vehicles'] as const,
  requests: ['northbound-tags', 'requests'] as const,
};

export function useTagVehicles() {
  return useQuery({
    queryKey: tagKeys.vehicles,
    queryFn: () => apiClient.get<TagVehicle[]>(`${tagsBase}/vehicles`),
  });
}

export function useTagRequests() {
  return useQuery({
    queryKey: tagKeys.requests,
    queryFn: () => apiClient.get<TagRequestView[]>(`${tagsBase}/requests`),
  });
}

export const submitTagRequest = (body: TagRequestBody) =>
  apiClient.post<TagRequestView>(`${tagsBase}/requests`, body);
