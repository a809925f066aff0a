import type {
  CardProof,
  RealNameBankCardBody,
  RealNameBankUkeyBody,
  RealNameEnterpriseBody,
  RealNameFaceBody,
  RealNameLegalRepStep,
  RealNameLegalRepStepBody,
  RealNamePersonStepBody,
  RealNameView,
} from '@sw/contracts';
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

export const useVerifyByCard = () => useRaise<CardProof>('/api/account/real-name/card');
export const useVerifyBankUkey = () => useRaise<RealNameBankUkeyBody>('/api/account/real-name/bank-ukey');
export const useVerifyAdministrator = () =>
  useRaise<RealNamePersonStepBody>('/api/account/real-name/legal-rep/administrator');

/** 法人身份认证 第一步 核验企业信息 */
export function useCheckEnterprise() {
  return useMutation({
    mutationFn: (body: RealNameEnterpriseBody) =>
      apiClient.post<RealNameLegalRepStep>('/api/account/real-name/legal-rep/enterprise', body),
  });
}

/** 法人身份认证 第二步 核验法人身份信息 */
export function useCheckLegalRep() {
  return useMutation({
    mutationFn: (body: RealNameLegalRepStepBody) =>
      apiClient.post<RealNameLegalRepStep>('/api/account/real-name/legal-rep/legal-rep', body),
  });
}
