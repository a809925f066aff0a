import type { ApplicationDetail, ApplicationPage, PublicArticle, PublicArticlePage } from '@sw/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocale } from '../../../hooks/use-locale';
import { apiClient } from '../../../lib/api-client';

/** 常见问题 (content module) and 意见反馈 (the hub-feedback service, through the generic application routes). */
export const FEEDBACK_SERVICE = 'hub-feedback';

export function useFaqs(category?: string) {
  const locale = useLocale();
  return useQuery({
    queryKey: ['hub', 'faqs', category ?? 'all', locale],
    queryFn: () =>
      apiClient.get<PublicArticlePage>('/api/content', {
        query: { kind: 'faq', limit: 50, ...(category ? { category } : {}) },
      }),
    staleTime: 5 * 60_000,
  });
}

export function useFaqAnswer(id: string, enabled: boolean) {
  const locale = useLocale();
  return useQuery({
    queryKey: ['hub', 'faq', id, locale],
    queryFn: () => apiClient.get<PublicArticle>(`/api/content/${encodeURIComponent(id)}`),
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function useMyFeedback(enabled: boolean) {
  return useQuery({
    queryKey: ['hub', 'feedback', 'mine'],
    queryFn: () =>
      apiClient.get<ApplicationPage>('/api/applications', {
        query: { service: FEEDBACK_SERVICE, limit: 20 },
      }),
    enabled,
  });
}

/** One feedback with its events (the answer is the reply step's reason). */
export function useFeedbackDetail(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['hub', 'feedback', id],
    queryFn: () => apiClient.get<ApplicationDetail>(`/api/applications/${encodeURIComponent(id)}`),
    enabled,
  });
}

/** 留言反馈: a draft and its submission, one after the other. */
export function useSendFeedback() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (form: { topic: string; content: string; city: string }) => {
      const draft = await apiClient.post<ApplicationDetail>('/api/applications', {
        serviceCode: FEEDBACK_SERVICE,
        form,
      });
      return apiClient.post<ApplicationDetail>(`/api/applications/${draft.id}/submit`, {
        version: draft.version,
      });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['hub', 'feedback'] }),
  });
}
