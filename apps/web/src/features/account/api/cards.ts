import type {
  AccountView,
  ActivateAccountBody,
  BindCardBody,
  CardView,
  UnbindCardsBody,
} from '@sw/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { SESSION_QUERY_KEY } from '../../../hooks/use-session';
import { apiClient } from '../../../lib/api-client';

const KEY = ['account', 'cards'] as const;

/** GET /api/account/cards — 我的IC卡. */
export function useMyCards() {
  return useQuery({ queryKey: KEY, queryFn: () => apiClient.get<CardView[]>('/api/account/cards') });
}

/** POST /api/account/cards/bind — 绑卡 with a signed challenge. */
export function useBindCard() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BindCardBody) => apiClient.post<CardView>('/api/account/cards/bind', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

/** POST /api/account/cards/unbind — 解绑 the selected rows. */
export function useUnbindCards() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UnbindCardsBody) =>
      apiClient.post<{ unbound: number }>('/api/account/cards/unbind', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

/** POST /api/account/activate — 账号激活 while signed in with the card. */
export function useActivateAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ActivateAccountBody) => apiClient.post<AccountView>('/api/account/activate', body),
    onSuccess: async (account) => {
      queryClient.setQueryData(['me'], account);
      await queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY });
    },
  });
}
