import type {
  EnterpriseFact,
  RecoveryIdentity,
  UsernameRecoveryBankCardBody,
  UsernameRecoveryEnterpriseBankBody,
  UsernameRecoveryEnterpriseBody,
  UsernameRecoveryIdentityBody,
  UsernameRecoveryMobileBody,
  UsernameRecoveryStep,
} from '@sw/contracts';
import { and, asc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { accounts } from '../../db/schema/identity.ts';
import { AppError, fieldError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/index.ts';
import { callAgency } from './agency-call.ts';
import { type AccountRow, findOrganizationAdmin } from './identity.repo.ts';
import { findOrganizationByOrgCode, getOrganizationById } from './organizations/organization.repo.ts';
import { checkOneTimeCode, consumeCheckedCode, spendCodeTry } from './otp.service.ts';
import {
  countVerification,
  type FlowClaims,
  readFlow,
  sameText,
  signFlow,
  verificationFailed,
} from './recovery-flow.ts';
import type { RequestMeta } from './sessions.ts';

/*
 * 找回用户名 (seed 004 §2.3): 账号信息认证 for an enterprise administrator and 可验证绑定的手机号 for
 * operators and individuals. Step 1 proves a mobile by its code; step 2 names the person; an
 * administrator's recovery may need step 3, the enterprise's other facts (法人信息, 管理员信息,
 * 两操作员手机号): one when the mobile proven is the administrator's bound one and the person is an
 * 经办人, two when it is not. The state between steps is a signed flow (recovery-flow.ts).
 */

const FLOW = 'forgot-username';
const FLOW_TTL_MS = 30 * 60_000;
const PER_HOUR = 10;

type UsernameFlow = FlowClaims & {
  k: UsernameRecoveryMobileBody['kind'];
  /** the blind index of the mobile proven in step 1 */
  m: string;
  /** administrator: the organization, and whether the mobile is the administrator's bound one */
  o?: string;
  b?: boolean;
  /** administrator, step 3: how many enterprise facts are still needed */
  n?: number;
};

const ORGANIZATION_ADMINS = ['enterprise_admin', 'institution_admin'] as const;

type IdentityRow = {
  name: string | null;
  idType: string | null;
  idNumberBidx: string | null;
  idValidFrom: string | null;
  idValidTo: string | null;
};

/** Name, document, number and validity as recorded (004: 证件类型必须与注册信息一致). */
function sameIdentity(ctx: AppContext, row: IdentityRow | undefined, id: RecoveryIdentity): boolean {
  return (
    !!row?.idNumberBidx &&
    sameText(row.name, id.name) &&
    row.idType === id.idType &&
    row.idNumberBidx === ctx.crypto.blindIndex(`id:${id.idType}`, id.idNumber) &&
    // validity where the account recorded it (some registrations did not ask for it)
    (row.idValidFrom === null || row.idValidFrom === id.idValidFrom) &&
    (row.idValidTo === null || row.idValidTo === id.idValidTo)
  );
}

function flowOf(ctx: AppContext, token: string): UsernameFlow {
  const claims = readFlow<UsernameFlow>(ctx, FLOW, token);
  if (typeof claims.m !== 'string' || typeof claims.k !== 'string') throw verificationFailed();
  return claims;
}

function nextFlow(ctx: AppContext, claims: Omit<UsernameFlow, 'exp'>): string {
  return signFlow<UsernameFlow>(ctx, FLOW, { ...claims, exp: ctx.clock.now().getTime() + FLOW_TTL_MS });
}

/** Operators' names for 两操作员手机号: only the last character shown (「操作员（**英）手机号」). */
function maskedOperatorName(name: string) {
  const chars = [...name];
  return `${'*'.repeat(Math.max(chars.length - 1, 1))}${chars.at(-1) ?? ''}`;
}

async function operatorsWithMobile(ctx: AppContext, organizationId: string) {
  return ctx.db
    .select()
    .from(accounts)
    .where(
      and(
        eq(accounts.organizationId, organizationId),
        eq(accounts.kind, 'enterprise_operator'),
        eq(accounts.status, 'active'),
        isNotNull(accounts.mobileBidx),
      ),
    )
    .orderBy(asc(accounts.createdAt), asc(accounts.username));
}

async function done(
  ctx: AppContext,
  found: AccountRow[],
  meta: RequestMeta,
  method: string,
): Promise<UsernameRecoveryStep> {
  if (found.length === 0) throw verificationFailed();
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    for (const account of found) {
      await recordAudit(tx, {
        actorId: account.id,
        action: 'account.username_recovered',
        targetType: 'account',
        targetId: account.id,
        ip: meta.ip,
        detail: { method },
        at: now,
      });
    }
  });
  return { step: 'done', usernames: found.map((a) => a.username).sort() };
}

/** Step 1: the mobile, proven by its code; an administrator also names the enterprise. */
export async function proveRecoveryMobile(
  ctx: AppContext,
  body: UsernameRecoveryMobileBody,
): Promise<UsernameRecoveryStep> {
  const mobileBidx = ctx.crypto.blindIndex('mobile', body.mobile);
  await countVerification(ctx, `username:${mobileBidx}`, PER_HOUR);
  const codeId = await checkOneTimeCode(
    ctx,
    { channel: 'sms', target: body.mobile, purpose: 'recover' },
    body.smsCode,
    'smsCode',
  );
  await consumeCheckedCode(ctx, ctx.db, codeId, 'smsCode');
  if (body.kind !== 'enterprise_admin') {
    return { step: 'identity', flow: nextFlow(ctx, { k: body.kind, m: mobileBidx }) };
  }
  const organization = await findOrganizationByOrgCode(ctx.db, body.orgCode);
  const admin = organization ? await findOrganizationAdmin(ctx.db, organization.id) : undefined;
  if (
    !organization ||
    !sameText(organization.name, body.enterpriseName) ||
    !admin ||
    !(ORGANIZATION_ADMINS as readonly string[]).includes(admin.kind) ||
    admin.status !== 'active'
  ) {
    throw verificationFailed();
  }
  const boundMobile = admin.mobileBidx === mobileBidx;
  return {
    step: 'identity',
    flow: nextFlow(ctx, { k: body.kind, m: mobileBidx, o: organization.id, b: boundMobile }),
    boundMobile,
  };
}

/** Step 2: 本人 (individual, operator) or 经办人 (administrator's recovery) identity. */
export async function proveRecoveryIdentity(
  ctx: AppContext,
  body: UsernameRecoveryIdentityBody,
  meta: RequestMeta,
): Promise<UsernameRecoveryStep> {
  const flow = flowOf(ctx, body.flow);
  if (flow.n !== undefined) throw verificationFailed();
  await countVerification(ctx, `username:${flow.m}`, PER_HOUR);
  if (flow.k === 'individual') {
    const rows = await ctx.db
      .select()
      .from(accounts)
      .where(
        and(eq(accounts.kind, 'individual'), eq(accounts.status, 'active'), eq(accounts.mobileBidx, flow.m)),
      );
    return done(
      ctx,
      rows.filter((a) => sameIdentity(ctx, a, body)),
      meta,
      'bound_mobile',
    );
  }
  if (flow.k === 'enterprise_operator') {
    if (!body.orgCode) throw fieldError('orgCode', 'field.required');
    if (!body.enterpriseName) throw fieldError('enterpriseName', 'field.required');
    const organization = await findOrganizationByOrgCode(ctx.db, body.orgCode);
    if (!organization || !sameText(organization.name, body.enterpriseName)) throw verificationFailed();
    const rows = await ctx.db
      .select()
      .from(accounts)
      .where(
        and(
          eq(accounts.organizationId, organization.id),
          eq(accounts.kind, 'enterprise_operator'),
          eq(accounts.status, 'active'),
          eq(accounts.mobileBidx, flow.m),
        ),
      );
    return done(
      ctx,
      rows.filter((a) => sameIdentity(ctx, a, body)),
      meta,
      'bound_mobile',
    );
  }
  // the administrator's recovery
  const organization = flow.o ? await getOrganizationById(ctx.db, flow.o) : undefined;
  const admin = organization ? await findOrganizationAdmin(ctx.db, organization.id) : undefined;
  if (!organization || !admin) throw verificationFailed();
  const legalRep: IdentityRow = {
    name: organization.legalRepName,
    idType: organization.legalRepIdType,
    idNumberBidx: organization.legalRepIdNumberBidx,
    idValidFrom: organization.legalRepIdValidFrom,
    idValidTo: organization.legalRepIdValidTo,
  };
  const isPrincipal = sameIdentity(ctx, legalRep, body) || sameIdentity(ctx, admin, body);
  // the bound mobile and the legal representative's or the administrator's own identity: done
  if (flow.b && isPrincipal) return done(ctx, [admin], meta, 'account_info');
  const factsNeeded = flow.b ? 1 : 2;
  const operators = await operatorsWithMobile(ctx, organization.id);
  return {
    step: 'enterprise',
    flow: nextFlow(ctx, { k: flow.k, m: flow.m, o: organization.id, b: !!flow.b, n: factsNeeded }),
    factsNeeded,
    operators: operators.length >= 2 ? operators.slice(0, 2).map((o) => maskedOperatorName(o.name)) : [],
  };
}

/** Step 3 (administrator): 法人信息, 管理员信息 and/or 两操作员手机号, as many as the flow needs. */
export async function proveEnterpriseFacts(
  ctx: AppContext,
  body: UsernameRecoveryEnterpriseBody,
  meta: RequestMeta,
): Promise<UsernameRecoveryStep> {
  const flow = flowOf(ctx, body.flow);
  if (flow.k !== 'enterprise_admin' || flow.n === undefined || !flow.o) throw verificationFailed();
  const given: EnterpriseFact[] = [];
  if (body.legalRep) given.push('legal_rep');
  if (body.administrator) given.push('administrator');
  if (body.operators) given.push('operators');
  if (given.length < flow.n) throw new AppError('recovery.facts_needed', { status: 422 });
  await countVerification(ctx, `username:${flow.m}`, PER_HOUR);
  const organization = await getOrganizationById(ctx.db, flow.o);
  const admin = organization ? await findOrganizationAdmin(ctx.db, organization.id) : undefined;
  if (!organization || !admin) throw verificationFailed();

  // each fact verified names who it proves; the same person twice is one fact
  const facts = new Set<string>();
  if (body.legalRep) {
    const row: IdentityRow = {
      name: organization.legalRepName,
      idType: organization.legalRepIdType,
      idNumberBidx: organization.legalRepIdNumberBidx,
      idValidFrom: organization.legalRepIdValidFrom,
      idValidTo: organization.legalRepIdValidTo,
    };
    if (!sameIdentity(ctx, row, body.legalRep)) throw verificationFailed();
    facts.add(`person:${row.idNumberBidx}`);
  }
  if (body.administrator) {
    if (!sameIdentity(ctx, admin, body.administrator)) throw verificationFailed();
    facts.add(`person:${admin.idNumberBidx}`);
  }
  const codeIds: string[] = [];
  if (body.operators) {
    const operators = await operatorsWithMobile(ctx, organization.id);
    if (operators.length < 2) throw new AppError('recovery.no_two_operators', { status: 422 });
    const [first, second] = body.operators;
    if (!first || !second) throw new AppError('recovery.two_operators', { status: 422 });
    if (first.mobile === second.mobile) throw new AppError('recovery.same_fact', { status: 422 });
    const matched = new Set<string>();
    for (const [i, entry] of body.operators.entries()) {
      const bidx = ctx.crypto.blindIndex('mobile', entry.mobile);
      const operator = operators.find((o) => o.mobileBidx === bidx && !matched.has(o.id));
      codeIds.push(
        await checkOneTimeCode(
          ctx,
          { channel: 'sms', target: entry.mobile, purpose: 'recover' },
          entry.smsCode,
          `operators.${i}.smsCode`,
        ),
      );
      if (!operator) throw verificationFailed();
      matched.add(operator.id);
    }
    facts.add('operators');
  }
  if (facts.size < flow.n) throw new AppError('recovery.same_fact', { status: 422 });
  await ctx.db.transaction(async (tx) => {
    for (const [i, id] of codeIds.entries()) await consumeCheckedCode(ctx, tx, id, `operators.${i}.smsCode`);
  });
  return done(ctx, [admin], meta, 'account_info');
}

/**
 * 个人实名认证 / 操作员实名认证 (§2.3.3.2, §2.3.2.2): the person's identity and bank card checked with
 * the bank (four elements; the bank-reserved mobile proven by its code) → the usernames of the
 * accounts held under that identity (an operator's within the enterprise named). The agency's
 * answer is audited on the accounts found.
 */
export async function recoverByBankCard(
  ctx: AppContext,
  body: UsernameRecoveryBankCardBody,
  meta: RequestMeta,
): Promise<UsernameRecoveryStep> {
  const idBidx = ctx.crypto.blindIndex(`id:${body.idType}`, body.idNumber);
  await countVerification(ctx, `username-bank:${idBidx}`, PER_HOUR);
  const codeId = await checkOneTimeCode(
    ctx,
    { channel: 'sms', target: body.mobile, purpose: 'recover' },
    body.smsCode,
    'smsCode',
  );
  let organizationId: string | undefined;
  if (body.kind === 'enterprise_operator') {
    if (!body.orgCode) throw fieldError('orgCode', 'field.required');
    if (!body.enterpriseName) throw fieldError('enterpriseName', 'field.required');
    const organization = await findOrganizationByOrgCode(ctx.db, body.orgCode);
    if (!organization || !sameText(organization.name, body.enterpriseName)) throw verificationFailed();
    organizationId = organization.id;
  }
  const result = await callAgency(
    ctx,
    {
      adapter: ctx.identityAgencies.name,
      operation: 'bank_card',
      actorId: null,
      target: { type: 'person', id: null },
      meta,
    },
    () =>
      ctx.identityAgencies.checkBankCard({
        name: body.name,
        idType: body.idType,
        idNumber: body.idNumber,
        cardNumber: body.cardNumber,
        mobile: body.mobile,
      }),
  );
  if (result !== 'match') {
    // a refused check spends one of the code's tries: one code buys few bank checks
    await spendCodeTry(ctx, codeId);
    if (result === 'card_invalid') throw fieldError('cardNumber', 'realname.card_invalid', 422);
    throw verificationFailed();
  }
  const rows = await ctx.db
    .select()
    .from(accounts)
    .where(
      and(
        eq(accounts.kind, body.kind),
        eq(accounts.status, 'active'),
        eq(accounts.idType, body.idType),
        eq(accounts.idNumberBidx, idBidx),
        ...(organizationId ? [eq(accounts.organizationId, organizationId)] : []),
      ),
    );
  const found = rows.filter((a) => sameIdentity(ctx, a, body));
  if (found.length === 0) throw verificationFailed();
  await consumeCheckedCode(ctx, ctx.db, codeId, 'smsCode');
  return done(ctx, found, meta, 'bank_card');
}

/**
 * 企业实名认证 (§2.3.1.2): a mobile proven by its code (any mobile: it names who asked in the audit),
 * the enterprise by name and organization code, and its corporate account confirmed by the bank →
 * 「已通过企业实名认证！」 and every username of the enterprise (administrator and operators).
 */
export async function recoverByEnterpriseBank(
  ctx: AppContext,
  body: UsernameRecoveryEnterpriseBankBody,
  meta: RequestMeta,
): Promise<UsernameRecoveryStep> {
  await countVerification(ctx, `username-enterprise-bank:${body.orgCode}`, PER_HOUR);
  const codeId = await checkOneTimeCode(
    ctx,
    { channel: 'sms', target: body.mobile, purpose: 'recover' },
    body.smsCode,
    'smsCode',
  );
  const organization = await findOrganizationByOrgCode(ctx.db, body.orgCode);
  const named = !!organization && sameText(organization.name, body.enterpriseName);
  // the bank is asked about the enterprise as typed, registered here or not: neither its answer nor
  // the time it takes tells whether the enterprise has accounts here
  const result = await callAgency(
    ctx,
    {
      adapter: ctx.identityAgencies.name,
      operation: 'corporate_account',
      actorId: null,
      target: { type: 'organization', id: named ? organization.id : null },
      meta,
    },
    () =>
      ctx.identityAgencies.checkCorporateAccount({
        bank: body.bank,
        enterpriseName: body.enterpriseName,
        enterpriseCode: named
          ? (organization.creditCode ?? organization.orgCode ?? body.orgCode)
          : body.orgCode,
        accountNumber: body.accountNumber,
      }),
  );
  if (result !== 'match' || !organization || !named) {
    // a refused check spends one of the code's tries: one code buys few bank checks
    await spendCodeTry(ctx, codeId);
    if (result === 'account_invalid') throw fieldError('accountNumber', 'realname.account_invalid', 422);
    throw verificationFailed();
  }
  const found = await ctx.db
    .select()
    .from(accounts)
    .where(
      and(
        eq(accounts.organizationId, organization.id),
        inArray(accounts.kind, [...ORGANIZATION_ADMINS, 'enterprise_operator']),
        inArray(accounts.status, ['active', 'inactive']),
        isNull(accounts.deletedAt),
      ),
    );
  await consumeCheckedCode(ctx, ctx.db, codeId, 'smsCode');
  return done(ctx, found, meta, 'enterprise_bank');
}
