import { createHash, randomBytes } from 'node:crypto';
import {
  birthCertificateLinkableFrom,
  LICENCE_TYPE_INFO,
  type LicenceDetail,
  type LicenceFieldKind,
  type LicenceSummary,
  type LicenceType,
  type LinkLicenceBody,
  maskIdNumber,
  maskName,
  maskNumber,
} from '@sw/contracts';
import { encodeLicenceCode, LICENCE_CODE_ISSUER, LICENCE_CODE_TTL_SECONDS } from '@sw/contracts/licences';
import { and, asc, eq, isNull } from 'drizzle-orm';
import QRCode from 'qrcode';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { licenceLinks } from '../../db/schema/licences.ts';
import { AppError, fieldError } from '../../http/app-error.ts';
import { withAgencyTimeout } from '../../integrations/identity-check.ts';
import type { LicenceRecord } from '../../integrations/licence-authorities.ts';
import { isUniqueViolation } from '../../lib/pg-errors.ts';
import { recordAudit } from '../audit/index.ts';
import { type Auth, type RequestMeta, requireStepUp } from '../identity/index.ts';

import { activeSigner } from './keys.ts';

/*
 * 我的证照 (seed 003 「关联个人证照」, issue 13 §2). A licence is linked from its issuing authority
 * (ctx.licenceAuthorities) with the manual's FAQ rules, or issued here by a service (居住证); its
 * record is kept encrypted. Linking, opening and 亮证 need a face check in the last five minutes.
 * 亮证 signs a 60-second code (contracts' licence-qr.ts) with the active key (keys.ts).
 */

type LinkRow = typeof licenceLinks.$inferSelect;
/** What is stored (encrypted) of a licence. */
type StoredRecord = Pick<LicenceRecord, 'number' | 'holder' | 'validFrom' | 'validUntil' | 'fields'>;

function summary(row: LinkRow): LicenceSummary {
  return {
    id: row.id,
    type: row.type as LicenceType,
    city: row.city,
    linkedAt: row.linkedAt.toISOString(),
    issuedHere: row.source === 'platform',
  };
}

function masked(kind: LicenceFieldKind, value: string): string {
  switch (kind) {
    case 'name':
      return maskName(value);
    case 'id_number':
      return maskIdNumber(value);
    case 'number':
      return maskNumber(value);
    case 'date':
    case 'plain':
      return value;
  }
}

function recordOf(ctx: AppContext, row: LinkRow): StoredRecord {
  return JSON.parse(ctx.crypto.decrypt(row.recordEnc)) as StoredRecord;
}

function detail(ctx: AppContext, row: LinkRow): LicenceDetail {
  const record = recordOf(ctx, row);
  const info = LICENCE_TYPE_INFO[row.type as LicenceType];
  const values: Record<string, string | null> = {
    ...record.fields,
    name: record.holder,
    idNumber: record.number,
    number: record.number,
    validFrom: record.validFrom,
    validUntil: record.validUntil ?? (info.fields.some((f) => f.key === 'validUntil') ? '长期' : null),
  };
  return {
    ...summary(row),
    fields: info.fields
      .filter((f) => values[f.key])
      .map((f) => ({ key: f.key, value: masked(f.kind, values[f.key] as string) })),
  };
}

export async function listLicences(db: Db, accountId: string): Promise<LicenceSummary[]> {
  const rows = await db
    .select()
    .from(licenceLinks)
    .where(and(eq(licenceLinks.accountId, accountId), isNull(licenceLinks.unlinkedAt)))
    .orderBy(asc(licenceLinks.linkedAt));
  return rows.map(summary);
}

async function ownLink(db: Db, accountId: string, id: string): Promise<LinkRow> {
  const [row] = await db
    .select()
    .from(licenceLinks)
    .where(
      and(eq(licenceLinks.id, id), eq(licenceLinks.accountId, accountId), isNull(licenceLinks.unlinkedAt)),
    )
    .limit(1);
  if (!row) throw new AppError('licences.not_found', { status: 404 });
  return row;
}

/** The manual's FAQ refusals for a record the authority returned, checked against the city switch. */
function faqRefusal(type: LicenceType, record: LicenceRecord, city: string): AppError | null {
  switch (type) {
    case 'social_security_card':
      if (record.generation !== 2) return fieldError('type', 'licences.ssc_first_generation', 422);
      if (record.city !== city) return fieldError('city', 'licences.ssc_other_city', 422);
      return null;
    case 'housing_fund':
      if (record.city !== city) return fieldError('city', 'licences.housing_fund_other_city', 422);
      return null;
    case 'birth_certificate':
      if (record.born && record.born < birthCertificateLinkableFrom(record.city ?? city))
        return fieldError('type', 'licences.birth_date_unsupported', 422);
      return null;
    default:
      return null;
  }
}

function numberIndex(ctx: AppContext, type: string, number: string) {
  return ctx.crypto.blindIndex(`licence:${type}`, number);
}

/** 授权关联: asks the authority for the person's licence of `type` and links it. */
export async function linkLicence(
  ctx: AppContext,
  auth: Auth,
  body: LinkLicenceBody,
  meta: RequestMeta,
): Promise<LicenceDetail> {
  requireStepUp(ctx, auth);
  const account = auth.account;
  if (!account.idType || !account.idNumberEnc)
    throw new AppError('realname.identity_incomplete', { status: 422 });
  const info = LICENCE_TYPE_INFO[body.type];
  if (info.unsupportedCities?.includes(body.city))
    throw fieldError('city', 'licences.housing_fund_city_unsupported', 422);
  const now = ctx.clock.now();
  const record = await withAgencyTimeout(
    ctx.licenceAuthorities.lookup({
      type: body.type,
      name: account.name,
      idType: account.idType,
      idNumber: ctx.crypto.decrypt(account.idNumberEnc),
      idValidFrom: account.idValidFrom,
      idValidTo: account.idValidTo,
      now,
    }),
  );
  if (!record) throw fieldError('type', 'licences.not_held', 422);
  const refusal = faqRefusal(body.type, record, body.city);
  if (refusal) throw refusal;
  const row = await storeLink(ctx, ctx.db, {
    accountId: account.id,
    type: body.type,
    city: info.perCity ? body.city : null,
    source: ctx.licenceAuthorities.name,
    record,
    now,
    ip: meta.ip,
  });
  return detail(ctx, row);
}

async function storeLink(
  ctx: AppContext,
  db: Db,
  input: {
    accountId: string;
    type: LicenceType;
    city: string | null;
    source: string;
    record: StoredRecord;
    now: Date;
    ip?: string | null;
  },
): Promise<LinkRow> {
  const { record } = input;
  const stored: StoredRecord = {
    number: record.number,
    holder: record.holder,
    validFrom: record.validFrom,
    validUntil: record.validUntil,
    fields: record.fields,
  };
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(licenceLinks)
        .values({
          accountId: input.accountId,
          type: input.type,
          city: input.city,
          source: input.source,
          recordEnc: ctx.crypto.encrypt(JSON.stringify(stored)),
          numberBidx: numberIndex(ctx, input.type, record.number),
          linkedAt: input.now,
        })
        .returning();
      await recordAudit(tx, {
        actorId: input.source === 'platform' ? null : input.accountId,
        action: 'licence.linked',
        targetType: 'licence',
        targetId: row!.id,
        detail: { type: input.type, source: input.source },
        ip: input.ip ?? null,
        at: input.now,
      });
      return row!;
    });
  } catch (err) {
    if (isUniqueViolation(err) === 'licence_links_live_uq')
      throw fieldError('type', 'licences.already_linked', 409);
    throw err;
  }
}

/**
 * A licence issued on this platform (居住证 by its casework service) goes into the holder's wallet,
 * replacing a live one of the same type. Called in the issuing step's transaction.
 */
export async function issueLicence(
  ctx: AppContext,
  tx: Db,
  input: { accountId: string; type: LicenceType; city: string | null; record: StoredRecord },
): Promise<void> {
  const now = ctx.clock.now();
  await tx
    .update(licenceLinks)
    .set({ unlinkedAt: now })
    .where(
      and(
        eq(licenceLinks.accountId, input.accountId),
        eq(licenceLinks.type, input.type),
        isNull(licenceLinks.unlinkedAt),
      ),
    );
  await storeLink(ctx, tx, { ...input, source: 'platform', now });
}

/** A linked licence's fields (masked), after a recent face check; the opening is audited. */
export async function openLicence(ctx: AppContext, auth: Auth, id: string, meta: RequestMeta) {
  requireStepUp(ctx, auth);
  const row = await ownLink(ctx.db, auth.account.id, id);
  await recordAudit(ctx.db, {
    actorId: auth.account.id,
    action: 'licence.opened',
    targetType: 'licence',
    targetId: row.id,
    detail: { type: row.type },
    ip: meta.ip,
    at: ctx.clock.now(),
  });
  return detail(ctx, row);
}

/** 取消关联. */
export async function unlinkLicence(ctx: AppContext, auth: Auth, id: string, meta: RequestMeta) {
  const row = await ownLink(ctx.db, auth.account.id, id);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(licenceLinks)
      .set({ unlinkedAt: now })
      .where(and(eq(licenceLinks.id, row.id), isNull(licenceLinks.unlinkedAt)));
    await recordAudit(tx, {
      actorId: auth.account.id,
      action: 'licence.unlinked',
      targetType: 'licence',
      targetId: row.id,
      detail: { type: row.type },
      ip: meta.ip,
      at: now,
    });
  });
}

/** The code's claims for a licence record, at `now` (pure but for the code's random id). */
export function codeClaims(type: LicenceType, record: StoredRecord, now: Date) {
  const iat = Math.floor(now.getTime() / 1000);
  return {
    iss: LICENCE_CODE_ISSUER,
    iat,
    exp: iat + LICENCE_CODE_TTL_SECONDS,
    cti: randomBytes(8).toString('hex'),
    licence: {
      type,
      holderMasked: maskName(record.holder),
      numberMasked: type === 'eid' ? maskIdNumber(record.number) : maskNumber(record.number),
      numberHash: createHash('sha256').update(`${type}:${record.number}`).digest('hex').slice(0, 32),
      validFrom: record.validFrom,
      validUntil: record.validUntil,
    },
  };
}

const QUIET_ZONE = 4;

/**
 * The code's QR symbol as SVG: alphanumeric mode, error correction Q, the four-module quiet zone,
 * one path of dark runs per row. The mask is fixed (pattern 0) rather than chosen by the penalty
 * rules: every decoder reads any of the eight, the code's bytes (CBOR, a signature, Base45) look
 * random whatever the mask, and scoring all eight is 94% of the work — 490 symbols/s instead of
 * 7,800 on this machine (bench/licence-codes.ts).
 */
export function qrSvg(code: string): { svg: string; version: number } {
  const qr = QRCode.create([{ data: code, mode: 'alphanumeric' }], {
    errorCorrectionLevel: 'Q',
    maskPattern: 0,
  });
  const { size, data } = qr.modules;
  const full = size + 2 * QUIET_ZONE;
  let path = '';
  for (let y = 0; y < size; y++) {
    let x = 0;
    while (x < size) {
      if (!data[y * size + x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < size && data[y * size + x]) x++;
      path += `M${start + QUIET_ZONE} ${y + QUIET_ZONE}h${x - start}v1h-${x - start}z`;
    }
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${full} ${full}" shape-rendering="crispEdges"><rect width="${full}" height="${full}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
  return { svg, version: qr.version };
}

/** 亮证: a signed code of 60 seconds and its QR (alphanumeric, level Q). */
export async function licenceCode(ctx: AppContext, auth: Auth, id: string) {
  requireStepUp(ctx, auth);
  const row = await ownLink(ctx.db, auth.account.id, id);
  const now = ctx.clock.now();
  const claims = codeClaims(row.type as LicenceType, recordOf(ctx, row), now);
  const signer = await activeSigner(ctx);
  const code = encodeLicenceCode(claims, signer.kid, signer.sign);
  const { svg, version } = qrSvg(code);
  return {
    code,
    svg,
    qrVersion: version,
    kid: signer.kid,
    issuedAt: new Date(claims.iat * 1000).toISOString(),
    expiresAt: new Date(claims.exp * 1000).toISOString(),
  };
}
