import { randomBytes } from 'node:crypto';
import {
  type IdType,
  maskIdNumber,
  type RealNameBankUkeyBody,
  type RealNameEnterpriseBody,
  type RealNameLegalRepStep,
  type RealNameLegalRepStepBody,
  type RealNamePersonStepBody,
  type RealNameView,
} from '@sw/contracts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { safeEqual } from '../../lib/crypto.ts';
import { callAgency } from './agency-call.ts';
import type { Auth } from './auth.ts';
import type { AccountRow } from './identity.repo.ts';
import { getOrganizationById } from './organizations/organization.repo.ts';
import { checkOneTimeCode, consumeCheckedCode, spendCodeTry } from './otp.service.ts';
import { offersRealNameMethod, raiseRealNameIn, realNameAfterRaise } from './real-name.ts';
import { countVerification, type FlowClaims, readFlow, sameText, signFlow } from './recovery-flow.ts';
import type { RequestMeta } from './sessions.ts';

/*
 * 企业实名认证 (seed 004 §3.6.1) for an enterprise's administrator:
 *   法人身份认证 — 第一步 核验企业信息 (the enterprise and its legal representative against the market
 *   regulator's record), 第二步 核验法人身份信息 (the public-security identity source for a resident ID,
 *   otherwise the bank four-element check), 第三步 核验管理员身份信息 (the administrator's own recorded
 *   identity, the same way) → 高;
 *   银行UKEY认证 — the enterprise's corporate account confirmed by its bank → 高.
 * The steps in between are a signed flow (recovery-flow.ts) bound to the account, holding no personal
 * number in clear: the legal representative's document is carried as a keyed hash, and step 2 sends it
 * again. Every agency call is audited (agency-call.ts); checks are counted per account per hour.
 */

const FLOW = 'real-name-legal-rep';
const FLOW_TTL_MS = 20 * 60_000;
const PER_HOUR = 10;

type LegalRepFlow = FlowClaims & {
  /** the account it is for */
  a: string;
  /** 'legal_rep' until the legal representative is checked, then 'administrator' */
  s: 'legal_rep' | 'administrator';
  /** the legal representative's name and document type, and a keyed hash of name + number */
  n: string;
  t: IdType;
  h: string;
  /** a nonce: two flows never look alike */
  r: string;
};

function expired() {
  return new AppError('realname.flow_expired', { status: 422 });
}

function requireAdministrator(account: AccountRow) {
  if (!offersRealNameMethod(account, 'legal_rep')) throw new AppError('auth.forbidden', { status: 403 });
}

function legalRepHash(ctx: AppContext, name: string, idType: IdType, idNumber: string) {
  return ctx.crypto.hashSecret(
    'real-name-legal-rep',
    `${name.trim()}|${idType}|${idNumber.trim().toUpperCase()}`,
  );
}

function agencyCall(account: AccountRow, meta: RequestMeta, adapter: string, operation: string) {
  return { adapter, operation, actorId: account.id, target: { type: 'account', id: account.id }, meta };
}

function methodFor(idType: IdType | null): 'identity' | 'bank_card' {
  return idType === 'resident_id' ? 'identity' : 'bank_card';
}

/** 第一步 核验企业信息: the enterprise as registered here and as the market regulator files it. */
export async function checkEnterpriseForRealName(
  ctx: AppContext,
  auth: Auth,
  body: RealNameEnterpriseBody,
  meta: RequestMeta,
): Promise<RealNameLegalRepStep> {
  const account = auth.account;
  requireAdministrator(account);
  await countVerification(ctx, `real-name-enterprise:${account.id}`, PER_HOUR);
  const organization = account.organizationId
    ? await getOrganizationById(ctx.db, account.organizationId)
    : undefined;
  const ours =
    !!organization &&
    sameText(organization.name, body.enterpriseName) &&
    (organization.creditCode ?? '').toUpperCase() === body.creditCode;
  const record = ours
    ? await callAgency(ctx, agencyCall(account, meta, ctx.registries.name, 'market'), () =>
        ctx.registries.market(body.creditCode),
      )
    : null;
  const filed =
    !!record &&
    sameText(record.name, body.enterpriseName) &&
    sameText(record.legalRepName, body.legalRepName) &&
    record.legalRepIdType === body.legalRepIdType &&
    safeEqual(record.legalRepIdNumber.toUpperCase(), body.legalRepIdNumber);
  if (!filed) throw new AppError('realname.enterprise_mismatch', { status: 422 });
  const exp = ctx.clock.now().getTime() + FLOW_TTL_MS;
  const flow = signFlow<LegalRepFlow>(ctx, FLOW, {
    a: account.id,
    s: 'legal_rep',
    n: body.legalRepName,
    t: body.legalRepIdType,
    h: legalRepHash(ctx, body.legalRepName, body.legalRepIdType, body.legalRepIdNumber),
    r: randomBytes(6).toString('base64url'),
    exp,
  });
  return {
    flow,
    step: 'legal_rep',
    method: methodFor(body.legalRepIdType),
    person: {
      name: body.legalRepName,
      idType: body.legalRepIdType,
      idNumberMasked: maskIdNumber(body.legalRepIdNumber),
    },
  };
}

function readLegalRepFlow(ctx: AppContext, account: AccountRow, token: string, step: LegalRepFlow['s']) {
  let claims: LegalRepFlow;
  try {
    claims = readFlow<LegalRepFlow>(ctx, FLOW, token);
  } catch {
    throw expired();
  }
  if (claims.a !== account.id || claims.s !== step) throw expired();
  return claims;
}

type Person = {
  name: string;
  idType: IdType;
  idNumber: string;
  idValidFrom: string | null;
  idValidTo: string | null;
};

/**
 * One person checked the way the manual says for their document: 身份证认证 (resident ID: name,
 * number and the validity typed against the source) or 银行卡认证 (four elements, the reserved
 * mobile's code). Returns what commits with the step (the code's consumption).
 */
async function checkPerson(
  ctx: AppContext,
  account: AccountRow,
  person: Person,
  body: RealNamePersonStepBody,
  meta: RequestMeta,
): Promise<((tx: AppContext['db']) => Promise<void>) | undefined> {
  const expected = methodFor(person.idType);
  if (body.method !== expected)
    throw new AppError('request.validation_failed', {
      status: 400,
      fieldErrors: [{ path: 'method', code: 'field.invalid' }],
    });
  if (body.method === 'identity') {
    // the validity typed must be the document's (where the record has it)
    if (
      person.idValidFrom &&
      (person.idValidFrom !== body.idValidFrom || person.idValidTo !== body.idValidTo)
    )
      throw new AppError('realname.mismatch', { status: 422 });
    const result = await callAgency(
      ctx,
      agencyCall(account, meta, ctx.identityAgencies.name, 'identity'),
      () =>
        ctx.identityAgencies.checkIdentity({
          name: person.name,
          idType: person.idType,
          idNumber: person.idNumber,
        }),
    );
    if (result !== 'match')
      throw new AppError(result === 'mismatch' ? 'realname.mismatch' : 'realname.not_found', { status: 422 });
    return undefined;
  }
  const codeId = await checkOneTimeCode(
    ctx,
    { channel: 'sms', target: body.mobile, purpose: 'settings' },
    body.smsCode,
    'smsCode',
  );
  const result = await callAgency(
    ctx,
    agencyCall(account, meta, ctx.identityAgencies.name, 'bank_card'),
    () =>
      ctx.identityAgencies.checkBankCard({
        name: person.name,
        idType: person.idType,
        idNumber: person.idNumber,
        cardNumber: body.cardNumber,
        mobile: body.mobile,
      }),
  );
  if (result !== 'match') {
    await spendCodeTry(ctx, codeId);
    if (result === 'card_invalid')
      throw new AppError('realname.card_invalid', {
        status: 422,
        fieldErrors: [{ path: 'cardNumber', code: 'realname.card_invalid' }],
      });
    throw new AppError(result === 'mismatch' ? 'realname.mismatch' : 'realname.not_found', { status: 422 });
  }
  return (tx) => consumeCheckedCode(ctx, tx, codeId, 'smsCode');
}

/**
 * 第二步 核验法人身份信息. The legal representative's number comes again with the step (the flow
 * holds only its keyed hash); for 身份证认证 the body's validity is checked with the identity.
 */
export async function checkLegalRepForRealName(
  ctx: AppContext,
  auth: Auth,
  body: RealNameLegalRepStepBody,
  meta: RequestMeta,
): Promise<RealNameLegalRepStep> {
  const account = auth.account;
  requireAdministrator(account);
  const claims = readLegalRepFlow(ctx, account, body.flow, 'legal_rep');
  if (!safeEqual(legalRepHash(ctx, claims.n, claims.t, body.legalRepIdNumber), claims.h)) throw expired();
  await countVerification(ctx, `real-name-person:${account.id}`, PER_HOUR);
  // the validity typed must be the document's as the enterprise registered it (where it did)
  const organization = account.organizationId
    ? await getOrganizationById(ctx.db, account.organizationId)
    : undefined;
  const commit = await checkPerson(
    ctx,
    account,
    {
      name: claims.n,
      idType: claims.t,
      idNumber: body.legalRepIdNumber.trim().toUpperCase(),
      idValidFrom: organization?.legalRepIdValidFrom ?? null,
      idValidTo: organization?.legalRepIdValidTo ?? null,
    },
    body,
    meta,
  );
  if (commit) await ctx.db.transaction(commit);
  const flow = signFlow<LegalRepFlow>(ctx, FLOW, {
    ...claims,
    s: 'administrator',
    exp: ctx.clock.now().getTime() + FLOW_TTL_MS,
  });
  return {
    flow,
    step: 'administrator',
    method: methodFor(account.idType),
    person: {
      name: account.name,
      idType: account.idType,
      idNumberMasked: account.idNumberEnc ? maskIdNumber(ctx.crypto.decrypt(account.idNumberEnc)) : null,
    },
  };
}

/** 第三步 核验管理员身份信息: the administrator's recorded identity → 高. */
export async function checkAdministratorForRealName(
  ctx: AppContext,
  auth: Auth,
  body: RealNamePersonStepBody,
  meta: RequestMeta,
): Promise<RealNameView> {
  const account = auth.account;
  requireAdministrator(account);
  readLegalRepFlow(ctx, account, body.flow, 'administrator');
  if (!account.idType || !account.idNumberEnc)
    throw new AppError('realname.identity_incomplete', { status: 422 });
  await countVerification(ctx, `real-name-person:${account.id}`, PER_HOUR);
  const commit = await checkPerson(
    ctx,
    account,
    {
      name: account.name,
      idType: account.idType,
      idNumber: ctx.crypto.decrypt(account.idNumberEnc),
      idValidFrom: account.idValidFrom,
      idValidTo: account.idValidTo,
    },
    body,
    meta,
  );
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    if (commit) await commit(tx);
    await raiseRealNameIn(tx, account, 'legal_rep', meta, now);
  });
  return realNameAfterRaise(ctx, account);
}

/** 银行UKEY认证: the enterprise's corporate account, confirmed by its bank → 高. */
export async function verifyBankUkey(
  ctx: AppContext,
  auth: Auth,
  body: RealNameBankUkeyBody,
  meta: RequestMeta,
): Promise<RealNameView> {
  const account = auth.account;
  if (!offersRealNameMethod(account, 'bank_ukey')) throw new AppError('auth.forbidden', { status: 403 });
  await countVerification(ctx, `real-name-ukey:${account.id}`, PER_HOUR);
  const organization = account.organizationId
    ? await getOrganizationById(ctx.db, account.organizationId)
    : undefined;
  if (!organization) throw new AppError('realname.identity_incomplete', { status: 422 });
  const result = await callAgency(
    ctx,
    agencyCall(account, meta, ctx.identityAgencies.name, 'corporate_account'),
    () =>
      ctx.identityAgencies.checkCorporateAccount({
        bank: body.bank,
        enterpriseName: organization.name,
        enterpriseCode: organization.creditCode ?? organization.orgCode ?? '',
        accountNumber: body.accountNumber,
      }),
  );
  if (result === 'account_invalid')
    throw new AppError('realname.account_invalid', {
      status: 422,
      fieldErrors: [{ path: 'accountNumber', code: 'realname.account_invalid' }],
    });
  if (result === 'mismatch')
    throw new AppError('realname.account_mismatch', {
      status: 422,
      fieldErrors: [{ path: 'accountNumber', code: 'realname.account_mismatch' }],
    });
  const now = ctx.clock.now();
  await ctx.db.transaction((tx) => raiseRealNameIn(tx, account, 'bank_ukey', meta, now));
  return realNameAfterRaise(ctx, account);
}
