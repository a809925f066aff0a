import type { CalendarDayEdited, CalendarYearView, SetCalendarDayBody } from '@sw/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { caseworkKeys } from './keys';

/** GET /api/console/calendar/:year — holidays and make-up workdays; other days follow the weekday rule. */
export function useCalendarYear(year: number) {
  return useQuery({
    queryKey: caseworkKeys.calendar(year),
    queryFn: ({ signal }) => apiClient.get<CalendarYearView>(`/api/console/calendar/${year}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** PUT /api/console/calendar/days/:date — holiday, make-up workday or normal (platform admins). */
export function useSetCalendarDay() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ date, body }: { date: string; body: SetCalendarDayBody }) =>
      apiClient.put<CalendarDayEdited>(`/api/console/calendar/days/${date}`, body),
    onSuccess: (_day, { date }) =>
      queryClient.invalidateQueries({ queryKey: caseworkKeys.calendar(Number(date.slice(0, 4))) }),
  });
}
