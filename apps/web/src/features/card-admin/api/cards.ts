import type {
  CardListResponse,
  CardStatus,
  IssueCardBody,
  RevokeCardBody,
  StaffCardView,
} from '@sw/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

const KEY = ['console', 'cards'] as const;

/** GET /api/console/cards — 卡介质管理: issued cards, searched and paged on the server. */
export function useIssuedCards(query: { q?: string; status?: CardStatus; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...KEY, query],
    queryFn: () => apiClient.get<CardListResponse>('/api/console/cards', { query }),
    placeholderData: keepPreviousData,
  });
}

/** POST /api/console/cards — 发卡. */
export function useIssueCard() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: IssueCardBody) => apiClient.post<StaffCardView>('/api/console/cards', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

/** POST /api/console/cards/:id/revoke — 注销. */
export function useRevokeCard() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: RevokeCardBody & { id: string }) =>
      apiClient.post<StaffCardView>(`/api/console/cards/${id}/revoke`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

/** Where the browser downloads a card's .p12 (a plain link: the session cookie goes along). */
export function cardFileUrl(id: string): string {
  return `/api/console/cards/${id}/pkcs12`;
}
