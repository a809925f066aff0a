import type { AppContext } from '../../../context.ts';
import { fieldError } from '../../../http/app-error.ts';
import {
  createDraft,
  definitionOf,
  findApplicationsOf,
  findLatestReason,
  readForm,
  submitInTransaction,
} from '../../casework/index.ts';
import type { AccountRow, RequestMeta } from '../../identity/index.ts';
import { replaceableOf } from '../northbound/index.ts';
import {
  NORTHBOUND_TAGS,
  type TagRequestBody,
  type TagRequestForm,
  type TagRequestView,
  type TagVehicle,
} from './contract.ts';

/** The owner's vehicles whose 车卡 or drivers' 驾驶人标识 may be replaced. */
export function vehiclesOf(ctx: AppContext, accountId: string): Promise<TagVehicle[]> {
  return replaceableOf(ctx, accountId);
}

type Status = TagRequestView['status'];

function present(ctx: AppContext, row: Awaited<ReturnType<typeof findApplicationsOf>>[number]) {
  const form = readForm(ctx, row) as TagRequestForm;
  const definition = definitionOf(NORTHBOUND_TAGS);
  const status = row.status as Status;
  return { form, status, statusName: definition.stateNames[status]!, row };
}

/** My requests, newest first, with their progress (a refusal with its reason). */
export async function requestsOf(ctx: AppContext, accountId: string): Promise<TagRequestView[]> {
  const rows = (await findApplicationsOf(ctx.db, accountId, NORTHBOUND_TAGS)).filter((r) => r.number);
  return Promise.all(
    rows.map(async (row) => {
      const { form, status, statusName } = present(ctx, row);
      return {
        id: row.id,
        number: row.number!,
        kind: form.kind,
        hkPlate: form.hkPlate,
        driverName: form.driverName,
        site: form.site,
        reason: form.reason,
        status,
        statusName,
        reasonText: status === 'rejected' ? await findLatestReason(ctx.db, row.id, 'reject') : null,
        submittedAt: (row.submittedAt ?? row.createdAt).toISOString(),
      };
    }),
  );
}

/**
 * 提交 (000 §4.7.1 / §4.7.2): the vehicle must be the owner's and hold its tags; a driver tag names
 * one of its drivers; one request at a time per tag. Draft and submission in one transaction.
 */
export async function submitRequest(
  ctx: AppContext,
  account: AccountRow,
  body: TagRequestBody,
  meta: RequestMeta,
): Promise<TagRequestView> {
  const vehicle = (await replaceableOf(ctx, account.id)).find((v) => v.recordId === body.recordId);
  if (!vehicle) throw fieldError('recordId', 'northbound-tags.not_replaceable', 409);
  const driver =
    body.kind === 'driver_tag' ? vehicle.drivers.find((d) => d.index === body.driverIndex) : undefined;
  if (body.kind === 'driver_tag' && !driver)
    throw fieldError('driverIndex', 'northbound-tags.driver_not_found', 422);
  const open = (await findApplicationsOf(ctx.db, account.id, NORTHBOUND_TAGS)).filter(
    (row) => row.status === 'submitted',
  );
  for (const row of open) {
    const form = readForm(ctx, row) as TagRequestForm;
    if (
      form.recordId === body.recordId &&
      form.kind === body.kind &&
      (body.kind === 'vehicle_tag' || form.driverIndex === body.driverIndex)
    )
      throw fieldError(
        body.kind === 'vehicle_tag' ? 'recordId' : 'driverIndex',
        'northbound-tags.already_requested',
        409,
      );
  }
  const form: TagRequestForm = {
    kind: body.kind,
    recordId: vehicle.recordId,
    hkPlate: vehicle.hkPlate,
    tempPlate: vehicle.tempPlate,
    currentTagNo: driver ? driver.tagNo : vehicle.tagNo,
    driverIndex: driver ? driver.index : null,
    driverName: driver ? driver.name : null,
    site: body.site,
    businessType: body.kind === 'driver_tag' ? (body.businessType ?? null) : null,
    reason: body.reason,
  };
  const now = ctx.clock.now();
  const application = await ctx.db.transaction(async (tx) => {
    const draft = await createDraft(ctx, {
      serviceCode: NORTHBOUND_TAGS,
      applicant: account,
      form,
      tx,
      at: now,
    });
    const submitted = await submitInTransaction(ctx, tx, {
      row: draft,
      definition: definitionOf(NORTHBOUND_TAGS),
      actorId: account.id,
      ip: meta.ip,
      now,
    });
    return submitted.application;
  });
  const { status, statusName } = present(ctx, application);
  return {
    id: application.id,
    number: application.number!,
    kind: form.kind,
    hkPlate: form.hkPlate,
    driverName: form.driverName,
    site: form.site,
    reason: form.reason,
    status,
    statusName,
    reasonText: null,
    submittedAt: now.toISOString(),
  };
}
