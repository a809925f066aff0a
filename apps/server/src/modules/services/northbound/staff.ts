import { Readable } from 'node:stream';
import { fieldErrorMessage, type Locale } from '@sw/contracts';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../../../context.ts';
import type { Db } from '../../../db/client.ts';
import { AppError, fieldError } from '../../../http/app-error.ts';
import { daySlots, hadBooking } from '../../appointments/index.ts';
import { recordAudit } from '../../audit/index.ts';
import { findApplicationById, shanghaiDay } from '../../casework/index.ts';
import { findServiceStaff } from '../../identity/index.ts';
import { notify } from '../../messaging/index.ts';
import {
  type ConsoleRecord,
  HkTdApplication,
  type ImportReport,
  NORTHBOUND,
  NORTHBOUND_PORTS,
  type NorthboundPort,
} from './contract.ts';
import {
  countCrossingsWithoutBooking,
  crossingsForStay,
  findRecordByApplication,
  findRecordByRef,
  insertCrossing,
  insurerOf,
  presentDetail,
  readInsurance,
  receiveHkTdApplication,
} from './records.ts';
import { northboundRecords } from './schema.ts';
import { stayTime } from './stay.ts';

/** 退回保险信息: the owner fills it in again. */
export async function clearInsurance(ctx: AppContext, tx: Db, applicationId: string) {
  await tx
    .update(northboundRecords)
    .set({ insuranceEnc: null, updatedAt: ctx.clock.now() })
    .where(eq(northboundRecords.applicationId, applicationId));
}

/** What the officer sees beside the application: the HK TD record, insurance, plate, stay time. */
export async function consoleRecordOf(ctx: AppContext, applicationId: string): Promise<ConsoleRecord> {
  const row = await findRecordByApplication(ctx.db, applicationId);
  if (!row) throw new AppError('casework.application_not_found', { status: 404 });
  const now = ctx.clock.now();
  return {
    detail: presentDetail(ctx, row),
    insurance: readInsurance(ctx, row),
    insuranceSimulated: insurerOf().isSimulator,
    tempPlate: row.tempPlate,
    tagNo: row.tagNo,
    permitValidFrom: row.permitValidFrom,
    permitValidTo: row.permitValidTo,
    stay: stayTime(await crossingsForStay(ctx.db, row.id, now), now),
    crossingsWithoutBooking: await countCrossingsWithoutBooking(ctx.db, row.id),
  };
}

// ——————————————————————————————— the HK TD data file (console import) ———————————————————————————————

/** The columns of the import file, in order (the first row holds these names). */
export const IMPORT_COLUMNS = [
  'hktdRef',
  'ownerName',
  'ownerNameEn',
  'ownerHkid',
  'ownerMobile',
  'ownerEmail',
  'hkPlate',
  'make',
  'model',
  'colour',
  'chassisNo',
  'permittedFrom',
  'permittedUntil',
  'driver1Name',
  'driver1Hkid',
  'driver1LicenceNo',
  'driver2Name',
  'driver2Hkid',
  'driver2LicenceNo',
  'driver3Name',
  'driver3Hkid',
  'driver3LicenceNo',
] as const;

type Cells = Record<string, string>;

const COLUMN_TO_PATH: Record<string, string> = {
  ownerName: 'owner.name',
  ownerNameEn: 'owner.nameEn',
  ownerHkid: 'owner.hkid',
  ownerMobile: 'owner.mobile',
  ownerEmail: 'owner.email',
  hkPlate: 'vehicle.hkPlate',
  make: 'vehicle.make',
  model: 'vehicle.model',
  colour: 'vehicle.colour',
  chassisNo: 'vehicle.chassisNo',
};

/** One row of cells as the HK TD application it describes (validated by the caller). */
export function applicationFromCells(cells: Cells): Record<string, unknown> {
  const opt = (v: string | undefined) => (v ? v : undefined);
  const drivers = [1, 2, 3]
    .map((n) => ({
      name: cells[`driver${n}Name`] ?? '',
      hkid: cells[`driver${n}Hkid`] ?? '',
      licenceNo: cells[`driver${n}LicenceNo`] ?? '',
    }))
    .filter((driver) => driver.name || driver.hkid || driver.licenceNo);
  return {
    hktdRef: cells.hktdRef ?? '',
    owner: {
      name: cells.ownerName ?? '',
      nameEn: opt(cells.ownerNameEn),
      hkid: cells.ownerHkid ?? '',
      mobile: cells.ownerMobile ?? '',
      email: opt(cells.ownerEmail),
    },
    vehicle: {
      hkPlate: cells.hkPlate ?? '',
      make: cells.make ?? '',
      model: cells.model ?? '',
      colour: cells.colour ?? '',
      chassisNo: cells.chassisNo ?? '',
    },
    drivers,
    permittedFrom: cells.permittedFrom ?? '',
    permittedUntil: cells.permittedUntil ?? '',
  };
}

/** A field's error path in the file's own column names (owner.hkid → ownerHkid, drivers.0.hkid → driver1Hkid). */
function columnOf(path: string): string {
  const driver = /^drivers\.(\d+)\.(\w+)$/.exec(path);
  if (driver) return `driver${Number(driver[1]) + 1}${driver[2]![0]!.toUpperCase()}${driver[2]!.slice(1)}`;
  if (path === 'drivers') return 'driver3Name';
  return Object.entries(COLUMN_TO_PATH).find(([, p]) => p === path)?.[0] ?? path;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object' && 'text' in (value as object))
    return String((value as { text: unknown }).text).trim();
  if (typeof value === 'object' && 'result' in (value as object))
    return cellText((value as { result: unknown }).result);
  return String(value).trim();
}

/** Reads the rows of a CSV or XLSX file: the header row names the columns. */
async function readRows(fileName: string, content: Buffer): Promise<Cells[]> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    if (/\.xlsx$/i.test(fileName)) await workbook.xlsx.load(content as unknown as ArrayBuffer);
    else
      await workbook.csv.read(Readable.from([content.toString('utf8').replace(/^\uFEFF/, '')]), {
        parserOptions: { delimiter: ',' },
      });
  } catch {
    throw fieldError('contentBase64', 'northbound.import_unreadable', 422);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw fieldError('contentBase64', 'northbound.import_unreadable', 422);
  const header: string[] = [];
  const rows: Cells[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = (row.values as unknown[]).slice(1).map(cellText);
    if (rowNumber === 1) {
      header.push(...values);
      return;
    }
    const cells: Cells = { __row: String(rowNumber) };
    header.forEach((name, i) => {
      cells[name] = values[i] ?? '';
    });
    rows.push(cells);
  });
  if (!header.includes('hktdRef')) throw fieldError('contentBase64', 'northbound.import_unreadable', 422);
  return rows;
}

/**
 * The console import of HK TD's data (CSV or XLSX, header row of IMPORT_COLUMNS): each valid row is
 * received like a feed record (new, updated or unchanged); each refused row is reported with its
 * line and the fields' errors in the officer's language. A refused row writes nothing.
 */
export async function importHkTdFile(
  ctx: AppContext,
  input: { fileName: string; content: Buffer; staffId: string; locale: Locale },
): Promise<ImportReport> {
  if (input.content.length > 2 * 1024 * 1024) throw new AppError('request.body_too_large', { status: 413 });
  const rows = await readRows(input.fileName, input.content);
  const report: ImportReport = { created: 0, updated: 0, unchanged: 0, errors: [] };
  for (const cells of rows) {
    const parsed = HkTdApplication.safeParse(applicationFromCells(cells));
    if (!parsed.success) {
      report.errors.push({
        row: Number(cells.__row),
        hktdRef: cells.hktdRef || null,
        fields: parsed.error.issues.map((issue: z.core.$ZodIssue) => {
          const code = issue.message.includes('.') ? issue.message : 'field.invalid';
          return {
            path: columnOf(issue.path.join('.')),
            code,
            message: fieldErrorMessage(code, input.locale) ?? code,
          };
        }),
      });
      continue;
    }
    report[await receiveHkTdApplication(ctx, parsed.data, input.staffId)]++;
  }
  await recordAudit(ctx.db, {
    actorId: input.staffId,
    action: 'northbound.hktd_imported',
    targetType: 'service',
    targetId: null,
    detail: {
      created: report.created,
      updated: report.updated,
      unchanged: report.unchanged,
      refused: report.errors.length,
    },
    at: ctx.clock.now(),
  });
  return report;
}

// ——————————————————————————————— border crossings (simulator's feed) ———————————————————————————————

/** Entries without a booking that bring a vehicle to its officers (grounds for 暂停, their decision). */
export const UNBOOKED_ENTRIES_ALERT = 3;

/**
 * A border port's record of a crossing: kept for the stay time. An entry on a day that needed a
 * booking and had none is marked, the owner is warned (站内信 and SMS), and from the
 * UNBOOKED_ENTRIES_ALERT-th on the service's reviewers are told, so that they decide on suspension.
 */
export async function recordCrossing(
  ctx: AppContext,
  input: { hktdRef: string; direction: 'entry' | 'exit'; port: NorthboundPort; at: Date },
): Promise<void> {
  const row = await findRecordByRef(ctx.db, input.hktdRef);
  if (!row) throw fieldError('hktdRef', 'northbound.record_not_found', 404);
  const day = shanghaiDay(input.at);
  const withoutBooking =
    input.direction === 'entry' &&
    !(await daySlots(ctx.db, NORTHBOUND, input.port, day)).freeOfBooking &&
    !(await hadBooking(ctx.db, NORTHBOUND, row.id, day));
  await ctx.db.transaction(async (tx) => {
    await insertCrossing(tx, {
      recordId: row.id,
      direction: input.direction,
      port: input.port,
      at: input.at,
      withoutBooking,
    });
    if (!withoutBooking) return;
    const count = await countCrossingsWithoutBooking(tx, row.id);
    const params = (locale: Locale) => ({
      hkPlate: row.hkPlate,
      day,
      port: NORTHBOUND_PORTS[input.port][locale],
      count: String(count),
    });
    if (row.accountId) {
      await notify(ctx, tx, {
        accountId: row.accountId,
        category: 'reminder',
        template: 'northbound.unbooked_entry',
        channels: ['inbox', 'sms'],
        fallbackLocale: 'zh-HK',
        applicationId: row.applicationId,
        params,
      });
    }
    if (count < UNBOOKED_ENTRIES_ALERT) return;
    const application = await findApplicationById(tx, row.applicationId);
    for (const reviewer of await findServiceStaff(tx, NORTHBOUND, 'reviewer')) {
      await notify(ctx, tx, {
        accountId: reviewer,
        category: 'application',
        template: 'northbound.unbooked_alert',
        channels: ['inbox'],
        applicationId: row.applicationId,
        params: (locale) => ({ ...params(locale), number: application?.number ?? '' }),
      });
    }
  });
}
