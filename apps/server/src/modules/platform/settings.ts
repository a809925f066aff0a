import type { PlatformSettings } from '@sw/contracts';
import { eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { platformSettings } from '../../db/schema/platform.ts';
import { recordAudit } from '../audit/index.ts';
import type { AccountRow, RequestMeta } from '../identity/index.ts';

/**
 * Platform settings changed in the console. Each setting is one row of `platform_settings`
 * under its key; a key without a row has its default. Read per request (one indexed query), so
 * a change holds on every instance at once.
 */
const KEYS = {
  /** 「注册需审核」: off = enterprises register at once (seed 004); on = with review (seed 001) */
  registrationReview: 'registration.review',
} as const satisfies Record<keyof PlatformSettings, string>;

const DEFAULTS: PlatformSettings = { registrationReview: false };

type SettingName = keyof PlatformSettings;
const NAMES = Object.keys(KEYS) as SettingName[];

function fromRows(rows: { key: string; value: unknown }[]): PlatformSettings {
  const settings: PlatformSettings = { ...DEFAULTS };
  for (const name of NAMES) {
    const row = rows.find((r) => r.key === KEYS[name]);
    if (row && typeof row.value === typeof DEFAULTS[name]) settings[name] = row.value as never;
  }
  return settings;
}

export async function getPlatformSettings(db: Db): Promise<PlatformSettings> {
  const rows = await db
    .select({ key: platformSettings.key, value: platformSettings.value })
    .from(platformSettings)
    .where(inArray(platformSettings.key, Object.values(KEYS)));
  return fromRows(rows);
}

/** Whether enterprises register with review (seed 001) rather than at once (seed 004). */
export async function isRegistrationReviewOn(db: Db): Promise<boolean> {
  return (await getPlatformSettings(db)).registrationReview;
}

/**
 * Changes the settings named in `changes` (platform admins only — the route checks the role);
 * each change that differs is audited with its old and new value in the same transaction.
 */
export async function updatePlatformSettings(
  ctx: AppContext,
  actor: AccountRow,
  changes: Partial<PlatformSettings>,
  meta: RequestMeta,
): Promise<PlatformSettings> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    for (const name of NAMES) {
      const value = changes[name];
      if (value === undefined) continue;
      const key = KEYS[name];
      const [current] = await tx
        .select({ value: platformSettings.value })
        .from(platformSettings)
        .where(eq(platformSettings.key, key))
        .for('update');
      const before = current ? current.value : DEFAULTS[name];
      if (current && before === value) continue;
      await tx
        .insert(platformSettings)
        .values({ key, value, updatedBy: actor.id, updatedAt: now })
        .onConflictDoUpdate({
          target: platformSettings.key,
          set: { value, updatedBy: actor.id, updatedAt: now },
        });
      if (before !== value) {
        await recordAudit(tx, {
          actorId: actor.id,
          action: 'platform.setting_change',
          targetType: 'platform_setting',
          targetId: key,
          detail: { from: before, to: value },
          ip: meta.ip,
          at: now,
        });
      }
    }
    return getPlatformSettings(tx);
  });
}
