import type { Locale, QueueExportQuery } from '@sw/contracts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import type { AccountRow, StaffGrants } from '../identity/index.ts';
import { shanghaiDay } from './calendar/working-days.ts';
import { isOverdue, stateName } from './casework.presenter.ts';
import { queueFilter } from './casework.views.ts';
import { findQueuePage, type QueueRow } from './queue.repo.ts';
import { findCaseworkService } from './service-definition.ts';

/** An export holds at most this many rows; narrow the filters for more. */
export const EXPORT_MAX_ROWS = 50_000;
const PAGE = 1_000;

const HEADERS: Record<Locale, string[]> = {
  'zh-CN': [
    '申请编号',
    '办理事项',
    '申请人',
    '申请人代码',
    '状态',
    '提交时间',
    '办理时限',
    '是否超期',
    '办理人',
  ],
  'zh-HK': [
    '申請編號',
    '辦理事項',
    '申請人',
    '申請人代碼',
    '狀態',
    '提交時間',
    '辦理時限',
    '是否逾期',
    '辦理人',
  ],
  en: [
    'Number',
    'Service',
    'Applicant',
    'Applicant code',
    'Status',
    'Submitted',
    'Due',
    'Overdue',
    'Assignee',
  ],
};
const YES_NO: Record<Locale, [string, string]> = {
  'zh-CN': ['是', '否'],
  'zh-HK': ['是', '否'],
  en: ['yes', 'no'],
};

/** `2026-03-02 09:15` in Shanghai time. */
function shanghaiDateTime(d: Date | null): string {
  if (!d) return '';
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

function toCells(row: QueueRow, locale: Locale, now: Date): string[] {
  const definition = findCaseworkService(row.serviceCode);
  return [
    row.number ?? '',
    definition?.name[locale] ?? row.serviceCode,
    row.applicantName,
    row.applicantCode ?? '',
    definition ? stateName(definition, row.status)[locale] : row.status,
    shanghaiDateTime(row.submittedAt),
    row.dueAt ? shanghaiDay(row.dueAt) : '',
    YES_NO[locale][isOverdue(row, now) ? 0 : 1],
    row.assigneeName ?? '',
  ];
}

/** RFC 4180 field; a leading = + - @ is defused so a spreadsheet never runs it as a formula. */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The queue as filtered, in pages through the keyset, up to EXPORT_MAX_ROWS rows. */
async function collectRows(ctx: AppContext, staff: AccountRow, grants: StaffGrants, query: QueueExportQuery) {
  const filter = queueFilter(ctx, staff, grants, query);
  const out: QueueRow[] = [];
  let after: { at: string; id: string } | undefined;
  for (;;) {
    const rows = await findQueuePage(ctx.db, filter, after, PAGE);
    out.push(...rows.slice(0, PAGE));
    if (out.length > EXPORT_MAX_ROWS) throw new AppError('casework.export_too_large', { status: 422 });
    if (rows.length <= PAGE) return out;
    const last = rows[PAGE - 1]!;
    after = { at: last.at, id: last.id };
  }
}

export async function exportQueue(
  ctx: AppContext,
  staff: AccountRow,
  grants: StaffGrants,
  query: QueueExportQuery,
  locale: Locale,
): Promise<{ body: Buffer; contentType: string; fileName: string }> {
  const rows = await collectRows(ctx, staff, grants, query);
  const now = ctx.clock.now();
  const stamp = shanghaiDateTime(now).replace(/[- :]/g, '').slice(0, 12);
  if (query.format === 'csv') {
    const lines = [HEADERS[locale], ...rows.map((r) => toCells(r, locale, now))].map((cells) =>
      cells.map(csvField).join(','),
    );
    // the BOM makes Excel read UTF-8 Chinese correctly
    return {
      body: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8'),
      contentType: 'text/csv; charset=utf-8',
      fileName: `applications-${stamp}.csv`,
    };
  }
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.created = now;
  const sheet = workbook.addWorksheet(locale === 'en' ? 'Applications' : '申请列表');
  sheet.addRow(HEADERS[locale]).font = { bold: true };
  for (const r of rows) sheet.addRow(toCells(r, locale, now));
  sheet.columns.forEach((column, i) => {
    column.width = [22, 18, 30, 22, 12, 18, 12, 8, 12][i] ?? 14;
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const body = Buffer.from(await workbook.xlsx.writeBuffer());
  return {
    body,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    fileName: `applications-${stamp}.xlsx`,
  };
}
