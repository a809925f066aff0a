import { maskName } from '@sw/contracts';
import { eq } from 'drizzle-orm';
import type { AppContext } from '../../../context.ts';
import type { Db } from '../../../db/client.ts';
import { fieldError } from '../../../http/app-error.ts';
import { recordAudit } from '../../audit/index.ts';
import { findApplicationById } from '../../casework/index.ts';
import { readData, recordsOfAccount } from './records.ts';
import { northboundRecords } from './schema.ts';

/*
 * What 补办车卡 and 补办驾驶人标识 (000 §4.7, the northbound-tags service) need of 港车北上: the owner's
 * vehicles that hold a 车卡 (issued at 发牌, clearance not revoked) with their drivers' 驾驶人标识, and
 * the new number written when the site has fitted the replacement.
 */

export type TagKind = 'vehicle_tag' | 'driver_tag';

export type ReplaceableVehicle = {
  recordId: string;
  hkPlate: string;
  tempPlate: string;
  tagNo: string;
  drivers: { index: number; name: string; tagNo: string }[];
};

/** States in which tags are in use: cleared to travel, or suspended (the tag outlives a suspension). */
const TAGGED_STATES = ['active', 'suspended'];

/** The owner's vehicles whose tags may be replaced, names masked. */
export async function replaceableOf(ctx: AppContext, accountId: string): Promise<ReplaceableVehicle[]> {
  const out: ReplaceableVehicle[] = [];
  for (const row of await recordsOfAccount(ctx.db, accountId)) {
    if (!row.tagNo || !row.tempPlate) continue;
    const application = await findApplicationById(ctx.db, row.applicationId);
    if (!application || !TAGGED_STATES.includes(application.status)) continue;
    const data = readData(ctx, row);
    const tags = row.driverTags ? (JSON.parse(row.driverTags) as string[]) : [];
    out.push({
      recordId: row.id,
      hkPlate: row.hkPlate,
      tempPlate: row.tempPlate,
      tagNo: row.tagNo,
      drivers: data.drivers.flatMap((driver, index) =>
        tags[index] ? [{ index, name: maskName(driver.name), tagNo: tags[index]! }] : [],
      ),
    });
  }
  return out;
}

/** `GCBS…` → `GCBS…-R1`, `…-R1` → `…-R2`: a replacement's number, traceable to the first. */
export function nextTagNumber(current: string): string {
  const m = /^(.*)-R(\d+)$/.exec(current);
  return m ? `${m[1]}-R${Number(m[2]) + 1}` : `${current}-R1`;
}

/**
 * The site fitted the replacement (the request's completion, in its transaction): the vehicle's
 * 车卡 or one driver's 驾驶人标识 gets its new number; the old one is no longer valid. Audited.
 */
export async function reissueTag(
  ctx: AppContext,
  tx: Db,
  input: { recordId: string; kind: TagKind; driverIndex: number | null; actorId: string | null },
): Promise<{ oldNo: string; newNo: string }> {
  const [row] = await tx
    .select()
    .from(northboundRecords)
    .where(eq(northboundRecords.id, input.recordId))
    .for('update');
  if (!row?.tagNo) throw fieldError('recordId', 'northbound.record_not_found', 404);
  let oldNo: string;
  let newNo: string;
  if (input.kind === 'vehicle_tag') {
    oldNo = row.tagNo;
    newNo = nextTagNumber(oldNo);
    await tx
      .update(northboundRecords)
      .set({ tagNo: newNo, updatedAt: ctx.clock.now() })
      .where(eq(northboundRecords.id, row.id));
  } else {
    const tags = row.driverTags ? (JSON.parse(row.driverTags) as string[]) : [];
    const index = input.driverIndex ?? -1;
    if (!tags[index]) throw fieldError('driverIndex', 'northbound.record_not_found', 404);
    oldNo = tags[index]!;
    newNo = nextTagNumber(oldNo);
    tags[index] = newNo;
    await tx
      .update(northboundRecords)
      .set({ driverTags: JSON.stringify(tags), updatedAt: ctx.clock.now() })
      .where(eq(northboundRecords.id, row.id));
  }
  await recordAudit(tx, {
    actorId: input.actorId,
    action: 'northbound.tag_reissued',
    targetType: 'application',
    targetId: row.applicationId,
    detail: { kind: input.kind, oldNo, newNo },
    at: ctx.clock.now(),
  });
  return { oldNo, newNo };
}
