import {
  type ChangePasswordBody,
  type CreateOperatorBody,
  maskIdNumber,
  maskMobile,
  OPERATOR_DEFAULT_PASSWORD,
  type OperatorView,
} from '@sw/contracts';
import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { accounts } from '../../db/schema/identity.ts';
import { AppError, fieldError } from '../../http/app-error.ts';
import { isUniqueViolation } from '../../lib/pg-errors.ts';
import { recordAudit } from '../audit/index.ts';
import { callAgency } from './agency-call.ts';
import type { Auth } from './auth.ts';
import { verifyCaptcha } from './captcha.service.ts';
import { type AccountRow, findAccountByUsername, insertAccount } from './identity.repo.ts';
import { getOrganizationById } from './organizations/organization.repo.ts';
import { checkOneTimeCode, consumeCheckedCode, sendOneTimeCode } from './otp.service.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { type RequestMeta, refreshAccountSessions, signOutDevices } from './sessions.ts';

/**
 * 手机号登录开关 (seed 004 §3.1 账户设置). One mobile number signs in to at most one account; the
 * partial unique index `accounts_phone_login_uq` settles two accounts switching on at once.
 */
export async function setPhoneLogin(ctx: AppContext, auth: Auth, enabled: boolean, meta: RequestMeta) {
  const account = auth.account;
  if (enabled && (!account.mobileBidx || !account.mobileVerifiedAt)) {
    throw new AppError('account.mobile_missing', { status: 409 });
  }
  const now = ctx.clock.now();
  try {
    await ctx.db.transaction(async (tx) => {
      await tx
        .update(accounts)
        .set({ phoneLoginEnabled: enabled, updatedAt: now })
        .where(eq(accounts.id, account.id));
      await recordAudit(tx, {
        actorId: account.id,
        action: enabled ? 'account.phone_login_on' : 'account.phone_login_off',
        targetType: 'account',
        targetId: account.id,
        ip: meta.ip,
        at: now,
      });
    });
  } catch (err) {
    if (isUniqueViolation(err) === 'accounts_phone_login_uq') {
      throw new AppError('account.phone_login_taken', { status: 409 });
    }
    throw err;
  }
  await refreshAccountSessions(ctx, account.id);
  return { phoneLoginEnabled: enabled };
}

/**
 * 修改密码. After a forced change of an initial password every session ends and the person
 * signs in again with the new one (seed 004 §2.1); otherwise the other devices are signed out.
 */
export async function changePassword(
  ctx: AppContext,
  auth: Auth,
  body: ChangePasswordBody,
  meta: RequestMeta,
) {
  const account = auth.account;
  if (!(await verifyPassword(account.passwordHash, body.currentPassword))) {
    throw fieldError('currentPassword', 'auth.wrong_current_password');
  }
  if (body.newPassword === body.currentPassword) throw fieldError('newPassword', 'auth.password_reused');
  const passwordHash = await hashPassword(body.newPassword);
  const now = ctx.clock.now();
  const forced = account.mustChangePassword;
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(accounts)
      .set({ passwordHash, mustChangePassword: false, updatedAt: now })
      .where(eq(accounts.id, account.id));
    await recordAudit(tx, {
      actorId: account.id,
      action: forced ? 'account.initial_password_changed' : 'account.password_changed',
      targetType: 'account',
      targetId: account.id,
      ip: meta.ip,
      at: now,
    });
  });
  await signOutDevices(ctx, account.id, forced ? undefined : auth.session.tokenHash);
  return { signedOut: forced };
}

/** 操作员账号验证 (seed 004 §2.1): the code goes to the mobile number the administrator entered. */
export async function sendFirstSignInCode(
  ctx: AppContext,
  auth: Auth,
  captcha: { captchaId: string; captchaAnswer: string },
) {
  const account = auth.account;
  if (!account.mustVerifyMobile || !account.mobileEnc) throw new AppError('auth.forbidden', { status: 403 });
  await verifyCaptcha(ctx, captcha.captchaId, captcha.captchaAnswer);
  const mobile = ctx.crypto.decrypt(account.mobileEnc);
  const sent = await sendOneTimeCode(ctx, {
    channel: 'sms',
    target: mobile,
    purpose: 'first_sign_in',
    locale: auth.account.locale ?? 'zh-CN',
  });
  return { ...sent, mobileMasked: maskMobile(mobile) };
}

export async function verifyFirstSignInCode(ctx: AppContext, auth: Auth, code: string, meta: RequestMeta) {
  const account = auth.account;
  if (!account.mustVerifyMobile || !account.mobileEnc) throw new AppError('auth.forbidden', { status: 403 });
  const mobile = ctx.crypto.decrypt(account.mobileEnc);
  const codeId = await checkOneTimeCode(
    ctx,
    { channel: 'sms', target: mobile, purpose: 'first_sign_in' },
    code,
    'code',
  );
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await consumeCheckedCode(ctx, tx, codeId, 'code');
    await tx
      .update(accounts)
      .set({ mustVerifyMobile: false, mobileVerifiedAt: now, updatedAt: now })
      .where(eq(accounts.id, account.id));
    await recordAudit(tx, {
      actorId: account.id,
      action: 'account.first_sign_in_mobile_verified',
      targetType: 'account',
      targetId: account.id,
      ip: meta.ip,
      at: now,
    });
  });
  await refreshAccountSessions(ctx, account.id);
}

/** The administrator's organization; 403 for any other account (我的操作员, 我的资质). */
export function requireAdministrator(auth: Auth): string {
  const kind = auth.account.kind;
  if ((kind !== 'enterprise_admin' && kind !== 'institution_admin') || !auth.account.organizationId) {
    throw new AppError('account.not_operator_admin', { status: 403 });
  }
  return auth.account.organizationId;
}

type OperatorRow = typeof accounts.$inferSelect;

function presentOperator(ctx: AppContext, row: OperatorRow): OperatorView {
  return {
    id: row.id,
    username: row.username,
    name: row.name,
    idType: row.idType,
    idNumberMasked: row.idNumberEnc ? maskIdNumber(ctx.crypto.decrypt(row.idNumberEnc)) : null,
    mobileMasked: row.mobileEnc ? maskMobile(ctx.crypto.decrypt(row.mobileEnc)) : null,
    status: row.status,
    idValidFrom: row.idValidFrom,
    idValidTo: row.idValidTo,
    // a new operator holds no card yet
    cardBound: false,
    firstSignInPending: row.mustVerifyMobile || row.mustChangePassword,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * An administrator creates an operator (seed 004 §3.2): initial password 88888888, which the
 * operator must change at first sign-in after proving the mobile number by SMS (§2.1). ID type
 * + number are unique within the organization (`accounts_operator_id_uq` settles races).
 */
export async function createOperator(
  ctx: AppContext,
  auth: Auth,
  body: CreateOperatorBody,
  meta: RequestMeta,
  /**
   * 新增有卡操作员 (pki): run inside the card proof's transaction, and bind the card to the new
   * operator in it
   */
  withCard?: {
    tx: Db;
    /** hashed before the transaction: argon2 must not hold PGlite's one connection */
    passwordHash: string;
    onCreated(tx: Db, created: AccountRow): Promise<void>;
  },
) {
  const organizationId = requireAdministrator(auth);
  // inside the card's transaction when there is one (PGlite has one connection: no query beside it)
  if (await findAccountByUsername(withCard?.tx ?? ctx.db, body.username))
    throw fieldError('username', 'account.username_taken', 409);
  const idNumber = body.idNumber.replace(/[()（）\s-]/g, '');
  const passwordHash = withCard?.passwordHash ?? (await hashPassword(OPERATOR_DEFAULT_PASSWORD));
  const now = ctx.clock.now();
  const email = body.email?.trim().toLowerCase();
  try {
    const work = async (tx: Db) => {
      const created = await insertAccount(tx, {
        username: body.username,
        kind: 'enterprise_operator',
        status: 'active',
        organizationId,
        name: body.name,
        idType: body.idType,
        idNumberEnc: ctx.crypto.encrypt(idNumber),
        idNumberBidx: ctx.crypto.blindIndex(`id:${body.idType}`, idNumber),
        mobileEnc: ctx.crypto.encrypt(body.mobile),
        mobileBidx: ctx.crypto.blindIndex('mobile', body.mobile),
        emailEnc: email ? ctx.crypto.encrypt(email) : null,
        emailBidx: email ? ctx.crypto.blindIndex('email', email) : null,
        passwordHash,
        mustVerifyMobile: true,
        mustChangePassword: true,
        createdBy: auth.account.id,
        createdAt: now,
        updatedAt: now,
      });
      await recordAudit(tx, {
        actorId: auth.account.id,
        action: 'operator.create',
        targetType: 'account',
        targetId: created.id,
        detail: { username: created.username, ...(withCard ? { card: true } : {}) },
        ip: meta.ip,
        at: now,
      });
      await withCard?.onCreated(tx, created);
      return created;
    };
    const row = withCard ? await work(withCard.tx) : await ctx.db.transaction(work);
    return presentOperator(ctx, row);
  } catch (err) {
    const constraint = isUniqueViolation(err);
    if (constraint === 'accounts_operator_id_uq')
      throw fieldError('idNumber', 'account.operator_id_taken', 409);
    if (constraint === 'accounts_username_lower_uq')
      throw fieldError('username', 'account.username_taken', 409);
    throw err;
  }
}

/**
 * 信息同步 (004 §3.1 账户设置): the account's record to the national government service platform —
 * name, kind, organization, and the document only as a keyed hash. Audited as an agency call.
 */
export async function syncAccountToGovPlatform(
  ctx: AppContext,
  auth: Auth,
  meta: RequestMeta,
): Promise<{ receipt: string; syncedAt: string }> {
  const account = auth.account;
  // staff are the platform's own people, not users of the national platform
  if (account.kind === 'staff') throw new AppError('auth.forbidden', { status: 403 });
  const organization = account.organizationId
    ? await getOrganizationById(ctx.db, account.organizationId)
    : undefined;
  const { receipt } = await callAgency(
    ctx,
    {
      adapter: ctx.govPlatform.name,
      operation: 'sync_user',
      actorId: account.id,
      target: { type: 'account', id: account.id },
      meta,
      outcomeOf: () => 'synced',
    },
    () =>
      ctx.govPlatform.syncUser({
        username: account.username,
        kind: account.kind,
        name: account.name,
        // a hash keyed for this platform alone, never our lookup index
        identityHash:
          account.idType && account.idNumberEnc
            ? ctx.crypto.hashSecret(
                'gov-platform-identity',
                `${account.idType}:${ctx.crypto.decrypt(account.idNumberEnc)}`,
              )
            : null,
        organization: organization
          ? { name: organization.name, code: organization.creditCode ?? organization.orgCode }
          : null,
      }),
  );
  return { receipt, syncedAt: ctx.clock.now().toISOString() };
}
