import type { StaffGrant } from '@sw/contracts';
import dayjs, { type Dayjs } from 'dayjs';
import type { QueueFilters } from '../api/queue';

/** A ready-made reason clicked into the reason field: fills it, or appends once with 「；」. */
export function addReasonTemplate(current: string | undefined, template: string, max = 1000): string {
  const text = current ?? '';
  if (!text.trim()) return template.slice(0, max);
  if (text.includes(template)) return text;
  return `${text.trimEnd().replace(/[；;。]$/, '')}；${template}`.slice(0, max);
}

/** The form value of one grant; the service is `*` for the platform-admin role. */
export type GrantValue = { role?: StaffGrant['role']; serviceCode?: string; duties?: string[] };

export const ALL_SERVICES = '*';

/**
 * Grant rows as the API takes them (platform admin → `*`), incomplete rows and duplicates dropped;
 * duties only on a reviewer's row (none chosen: every duty).
 */
export function toGrants(values: GrantValue[] | undefined): StaffGrant[] {
  const out: StaffGrant[] = [];
  for (const v of values ?? []) {
    if (!v.role) continue;
    const serviceCode = v.role === 'platform_admin' ? ALL_SERVICES : v.serviceCode;
    if (!serviceCode) continue;
    const duties = v.role === 'reviewer' && v.duties?.length ? { duties: v.duties } : {};
    if (!out.some((g) => g.role === v.role && g.serviceCode === serviceCode))
      out.push({ role: v.role, serviceCode, ...duties });
  }
  return out;
}

/** The queue's filter form. */
export type QueueFilterValues = {
  number?: string;
  service?: string;
  status?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
  applicant?: string;
};

/** The form's values as query filters: trimmed, blanks left out, dates as China days. */
export function toQueueFilters(values: QueueFilterValues): QueueFilters {
  const [from, to] = values.range ?? [];
  const number = values.number?.trim();
  const applicant = values.applicant?.trim();
  return {
    ...(number ? { number } : {}),
    ...(values.service ? { service: values.service } : {}),
    ...(values.status ? { status: values.status } : {}),
    ...(applicant ? { applicant } : {}),
    ...(from ? { from: from.format('YYYY-MM-DD') } : {}),
    ...(to ? { to: to.format('YYYY-MM-DD') } : {}),
  };
}

/** Query filters back into the form (when a queue is opened again). */
export function toQueueFilterValues(filters: QueueFilters): QueueFilterValues {
  return {
    number: filters.number,
    service: filters.service,
    status: filters.status,
    applicant: filters.applicant,
    range:
      filters.from || filters.to
        ? [filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]
        : null,
  };
}

/** Monday = 0 … Sunday = 6 (Chinese calendars start the week on Monday); `month` 0–11. */
export function weekdayOf(year: number, month: number, day: number): number {
  return (new Date(Date.UTC(year, month, day)).getUTCDay() + 6) % 7;
}

export type MonthCell = { key: string; day: number | null };

/** A month as weeks of seven cells, Monday first, blanks before the 1st and after the last day. */
export function monthWeeks(year: number, month: number): { key: string; cells: MonthCell[] }[] {
  const days = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const offset = weekdayOf(year, month, 1);
  const cells: MonthCell[] = [];
  for (let i = 0; i < offset; i++) cells.push({ key: `before-${i}`, day: null });
  for (let d = 1; d <= days; d++) cells.push({ key: `day-${d}`, day: d });
  for (let i = 0; cells.length % 7; i++) cells.push({ key: `after-${i}`, day: null });
  const weeks: { key: string; cells: MonthCell[] }[] = [];
  for (let i = 0; i < cells.length; i += 7)
    weeks.push({ key: `week-${i / 7}`, cells: cells.slice(i, i + 7) });
  return weeks;
}
