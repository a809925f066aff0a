import type {
  BookHubAppointmentBody,
  HubAppointmentKind,
  HubAppointmentView,
  HubOfficeDays,
} from '@sw/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

/** The hub's 预约: an office's days and places, booking, my bookings, cancelling. */
const KEY = ['hub', 'appointments'] as const;

export function useOfficeDays(kind: HubAppointmentKind, office: string | null) {
  return useQuery({
    queryKey: [...KEY, kind, 'office', office],
    queryFn: () => apiClient.get<HubOfficeDays>(`/api/hub/appointments/${kind}/offices/${office}`),
    enabled: Boolean(office),
  });
}

export function useMyAppointments(enabled: boolean) {
  return useQuery({
    queryKey: [...KEY, 'mine'],
    queryFn: () => apiClient.get<HubAppointmentView[]>('/api/hub/appointments'),
    enabled,
  });
}

export function useBookAppointment(kind: HubAppointmentKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BookHubAppointmentBody) =>
      apiClient.post<HubAppointmentView>(`/api/hub/appointments/${kind}`, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useCancelAppointment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiClient.delete<HubAppointmentView>(`/api/hub/appointments/${encodeURIComponent(id)}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}
