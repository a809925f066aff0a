import type { RealNameBankCardBody, RealNameFaceBody, RealNameView } from '@sw/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { SESSION_QUERY_KEY } from '../../../hooks/use-session';
import { apiClient } from '../../../lib/api-client';

const KEY = ['account', 'real-name'] as const;

/** GET /api/account/real-name — the level and the methods of this account (实名认证). */
export function useRealName() {
  return useQuery({ queryKey: KEY, queryFn: () => apiClient.get<RealNameView>('/api/account/real-name') });
}

function useRaise<B>(path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => apiClient.post<RealNameView>(path, body),
    onSuccess: (view) => {
      queryClient.setQueryData(KEY, view);
      // the level shows in the session (header, 「在线办理」 checks) and 账号信息
      void queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY });
      void queryClient.invalidateQueries({ queryKey: ['me'] });
    },
  });
}

export const useVerifyIdentity = () => useRaise<undefined>('/api/account/real-name/identity');
export const useVerifyBankCard = () => useRaise<RealNameBankCardBody>('/api/account/real-name/bank-card');
export const useVerifyFace = () => useRaise<RealNameFaceBody>('/api/account/real-name/face');
