import type { PlatformSettings, SiteIdentity, UpdatePlatformSettingsBody } from '@sw/contracts';
import { eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { platformSettings } from '../../db/schema/platform.ts';
import { recordAudit } from '../audit/index.ts';
import type { AccountRow, RequestMeta } from '../identity/index.ts';

/**
 * Platform settings changed in the console. Each setting is one row of `platform_settings`
 * under its key; a key without a row has its default (a switch) or is not set (a site identity
 * text, which the footer then leaves out). Read per request (one indexed query), so a change
 * holds on every instance at once.
 */
const KEYS = {
  /** 「注册需审核」: off = enterprises register at once (seed 004); on = with review (seed 001) */
  registrationReview: 'registration.review',
  /** 主办单位 */
  hostedBy: 'site.hosted_by',
  /** 承办单位 */
  operatedBy: 'site.operated_by',
  /** ICP 备案号 */
  icpNumber: 'site.icp_number',
  /** 公安备案号 */
  psbNumber: 'site.psb_number',
  /** 服务热线 */
  hotline: 'site.hotline',
  /** 网站标识码 */
  siteCode: 'site.site_code',
} as const satisfies Record<keyof PlatformSettings, string>;

type SettingName = keyof PlatformSettings;
type SiteName = keyof SiteIdentity;
const NAMES = Object.keys(KEYS) as SettingName[];

/** The type each setting's stored value must have; a row of another type is ignored. */
const TYPES: Record<SettingName, 'boolean' | 'string'> = {
  registrationReview: 'boolean',
  hostedBy: 'string',
  operatedBy: 'string',
  icpNumber: 'string',
  psbNumber: 'string',
  hotline: 'string',
  siteCode: 'string',
};

const DEFAULTS: PlatformSettings = { registrationReview: false };

function fromRows(rows: { key: string; value: unknown }[]): PlatformSettings {
  const settings: PlatformSettings = { ...DEFAULTS };
  for (const name of NAMES) {
    const row = rows.find((r) => r.key === KEYS[name]);
    if (row && typeof row.value === TYPES[name]) settings[name] = row.value as never;
  }
  return settings;
}

/**
 * The stored JSON as text, parsed here: drivers disagree on jsonb (drizzle parses again what
 * PGlite already parsed, so the string "12345" came back as the number 12345).
 */
const valueJson = sql<string>`${platformSettings.value}::text`;

function parse(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

export async function getPlatformSettings(db: Db): Promise<PlatformSettings> {
  const rows = await db
    .select({ key: platformSettings.key, json: valueJson })
    .from(platformSettings)
    .where(inArray(platformSettings.key, Object.values(KEYS)));
  return fromRows(rows.map((r) => ({ key: r.key, value: parse(r.json) })));
}

/** Whether enterprises register with review (seed 001) rather than at once (seed 004). */
export async function isRegistrationReviewOn(db: Db): Promise<boolean> {
  return (await getPlatformSettings(db)).registrationReview;
}

const SITE_NAMES: readonly SiteName[] = [
  'hostedBy',
  'operatedBy',
  'icpNumber',
  'psbNumber',
  'hotline',
  'siteCode',
];

/** The site identity the footer shows (public): only what is set. */
export function siteIdentityOf(settings: PlatformSettings): SiteIdentity {
  const site: SiteIdentity = {};
  for (const name of SITE_NAMES) {
    const value = settings[name];
    if (value !== undefined) site[name] = value;
  }
  return site;
}

/**
 * Changes the settings named in `changes` (platform admins only — the route checks the role);
 * each change that differs is audited with its old and new value in the same transaction. A
 * site identity text sent empty or null is cleared (its row removed; the audit shows `to: null`).
 */
export async function updatePlatformSettings(
  ctx: AppContext,
  actor: AccountRow,
  changes: z.output<typeof UpdatePlatformSettingsBody>,
  meta: RequestMeta,
): Promise<PlatformSettings> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    for (const name of NAMES) {
      const sent = changes[name];
      if (sent === undefined) continue;
      // '' and null clear a text; booleans are never empty
      const value = sent === '' ? null : sent;
      const key = KEYS[name];
      const [current] = await tx
        .select({ json: valueJson })
        .from(platformSettings)
        .where(eq(platformSettings.key, key))
        .for('update');
      const before = current ? parse(current.json) : (DEFAULTS[name] ?? null);
      if (value === null) {
        if (!current) continue;
        await tx.delete(platformSettings).where(eq(platformSettings.key, key));
      } else {
        if (current && before === value) continue;
        // a text is made a JSON string in SQL, the same way on every driver
        const stored = typeof value === 'string' ? sql`to_jsonb(${value}::text)` : value;
        await tx
          .insert(platformSettings)
          .values({ key, value: stored, updatedBy: actor.id, updatedAt: now })
          .onConflictDoUpdate({
            target: platformSettings.key,
            set: { value: stored, updatedBy: actor.id, updatedAt: now },
          });
      }
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
