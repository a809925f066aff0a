import { LONG_TERM_DATE } from '@sw/contracts';
import dayjs, { type Dayjs } from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';

dayjs.extend(customParseFormat);

/** An ISO timestamp as local `YYYY-MM-DD HH:mm:ss`; `fallback` when missing or invalid. */
export function formatDateTime(iso: string | null | undefined, fallback = '—'): string {
  if (!iso) return fallback;
  const d = dayjs(iso);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm:ss') : fallback;
}

/** A YYYYMMDD date as `YYYY-MM-DD`; '00000000' is shown as `longTermLabel` (长期). */
export function formatYmd(ymd: string | null | undefined, longTermLabel: string, fallback = '—'): string {
  if (!ymd) return fallback;
  if (ymd === LONG_TERM_DATE) return longTermLabel;
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(ymd);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : ymd;
}

/** `next` from a query string, when it is a same-site path (never `//evil.example` or a full URL). */
export function safeNextPath(next: string | null, fallback: string): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}

/** A strict YYYYMMDD string as a dayjs date (for DatePicker values); null for anything else. */
export function parseYmd(ymd: unknown): Dayjs | null {
  if (typeof ymd !== 'string' || ymd === LONG_TERM_DATE) return null;
  const d = dayjs(ymd, 'YYYYMMDD', true);
  return d.isValid() ? d : null;
}

const chinaDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The China day (Asia/Shanghai, `YYYY-MM-DD`) of an ISO timestamp: due dates are the end of a
 * working day in China, which is the day to show wherever the browser happens to be.
 */
export function formatChinaDate(iso: string | null | undefined, fallback = '—'): string {
  if (!iso) return fallback;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? fallback : chinaDay.format(date);
}

/** A byte count as `12.3 KB` / `4.5 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
