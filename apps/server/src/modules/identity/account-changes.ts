import type { AccountChanged, ChangeEmailBody, ChangeIdentityBody, ChangeMobileBody } from '@sw/contracts';
import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { accounts } from '../../db/schema/identity.ts';
import { AppError, fieldError } from '../../http/app-error.ts';
import { safeEqual } from '../../lib/crypto.ts';
import { isUniqueViolation } from '../../lib/pg-errors.ts';
import { recordAudit } from '../audit/index.ts';
import { notify, registerMessageTemplates } from '../messaging/index.ts';
import type { Auth } from './auth.ts';
import { checkOneTimeCode, consumeCheckedCode, sendOneTimeCode } from './otp.service.ts';
import { type RequestMeta, refreshAccountSessions } from './sessions.ts';

/*
 * 账号基本信息 changes (seed 004 §3.1): 修改绑定手机 (the bound mobile's code, or 「更换验证方式」 — the
 * registered ID type and number — then the new number's code), 修改邮箱 (the new address's code),
 * 修改个人信息 (name, document, validity; ends 实名认证 when any of them changes). Each change is
 * audited, and the old mobile is told by SMS that the binding moved.
 */

registerMessageTemplates({
  'account.mobile-changed': {
    title: { 'zh-CN': '绑定手机已修改', 'zh-HK': '綁定手提電話已更改', en: 'Your mobile number was changed' },
    body: {
      'zh-CN': '单一窗口账号 {username} 的绑定手机已修改为 {mobile}。如非本人操作，请立即联系平台客服。',
      'zh-HK': '單一窗口帳戶 {username} 的綁定手提電話已更改為 {mobile}。如非本人操作，請立即聯絡平台客服。',
      en: 'The mobile number of the Single Window account {username} was changed to {mobile}. If this was not you, contact support at once.',
    },
    sms: {
      'zh-CN':
        '【单一窗口】您的账号 {username} 的绑定手机已修改为 {mobile}。如非本人操作，请立即联系平台客服。',
      'zh-HK':
        '【單一窗口】您的帳戶 {username} 的綁定手提電話已更改為 {mobile}。如非本人操作，請立即聯絡平台客服。',
      en: '[Single Window] The mobile of your account {username} was changed to {mobile}. If this was not you, contact support at once.',
    },
  },
});

function maskedMobile(mobile: string) {
  return `${mobile.slice(0, 3)}****${mobile.slice(-4)}`;
}

/** 获取验证码 for the bound mobile (修改绑定手机, first step). */
export async function sendBoundMobileCode(
  ctx: AppContext,
  auth: Auth,
  locale: Parameters<typeof sendOneTimeCode>[1]['locale'],
) {
  const account = auth.account;
  if (!account.mobileEnc) throw new AppError('account.mobile_missing', { status: 422 });
  return sendOneTimeCode(ctx, {
    channel: 'sms',
    target: ctx.crypto.decrypt(account.mobileEnc),
    purpose: 'change_contact',
    ...(locale ? { locale } : {}),
  });
}

export async function changeMobile(
  ctx: AppContext,
  auth: Auth,
  body: ChangeMobileBody,
  meta: RequestMeta,
): Promise<AccountChanged> {
  const account = auth.account;
  const oldMobile = account.mobileEnc ? ctx.crypto.decrypt(account.mobileEnc) : null;
  let oldCodeId: string | undefined;
  if (body.proof.method === 'mobile') {
    if (!oldMobile) throw fieldError('proof.code', 'account.mobile_missing', 422);
    oldCodeId = await checkOneTimeCode(
      ctx,
      { channel: 'sms', target: oldMobile, purpose: 'change_contact' },
      body.proof.code,
      'proof.code',
    );
  } else {
    const matches =
      !!account.idNumberBidx &&
      account.idType === body.proof.idType &&
      safeEqual(account.idNumberBidx, ctx.crypto.blindIndex(`id:${body.proof.idType}`, body.proof.idNumber));
    if (!matches) throw fieldError('proof.idNumber', 'recovery.verification_failed', 422);
  }
  if (oldMobile === body.newMobile) throw fieldError('newMobile', 'account.mobile_unchanged', 422);
  const newCodeId = await checkOneTimeCode(
    ctx,
    { channel: 'sms', target: body.newMobile, purpose: 'change_contact' },
    body.newCode,
    'newCode',
  );
  const now = ctx.clock.now();
  try {
    await ctx.db.transaction(async (tx) => {
      if (oldCodeId) await consumeCheckedCode(ctx, tx, oldCodeId, 'proof.code');
      await consumeCheckedCode(ctx, tx, newCodeId, 'newCode');
      // the old number hears of it before the binding moves (notify reads the account's mobile)
      if (oldMobile) {
        await notify(ctx, tx, {
          accountId: account.id,
          template: 'account.mobile-changed',
          params: { username: account.username, mobile: maskedMobile(body.newMobile) },
          channels: ['sms', 'inbox'],
          category: 'security',
        });
      }
      await tx
        .update(accounts)
        .set({
          mobileEnc: ctx.crypto.encrypt(body.newMobile),
          mobileBidx: ctx.crypto.blindIndex('mobile', body.newMobile),
          mobileVerifiedAt: now,
          updatedAt: now,
        })
        .where(eq(accounts.id, account.id));
      await recordAudit(tx, {
        actorId: account.id,
        action: 'account.mobile_changed',
        targetType: 'account',
        targetId: account.id,
        detail: { proof: body.proof.method },
        ip: meta.ip,
        at: now,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error) === 'accounts_phone_login_uq') {
      throw fieldError('newMobile', 'account.phone_login_taken', 409);
    }
    throw error;
  }
  await refreshAccountSessions(ctx, account.id);
  return { changed: true, realNameReset: false };
}

export async function changeEmail(
  ctx: AppContext,
  auth: Auth,
  body: ChangeEmailBody,
  meta: RequestMeta,
): Promise<AccountChanged> {
  const account = auth.account;
  const email = body.email.trim().toLowerCase();
  const codeId = await checkOneTimeCode(
    ctx,
    { channel: 'email', target: email, purpose: 'change_contact' },
    body.code,
    'code',
  );
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await consumeCheckedCode(ctx, tx, codeId, 'code');
    await tx
      .update(accounts)
      .set({
        emailEnc: ctx.crypto.encrypt(email),
        emailBidx: ctx.crypto.blindIndex('email', email),
        emailVerifiedAt: now,
        updatedAt: now,
      })
      .where(eq(accounts.id, account.id));
    await recordAudit(tx, {
      actorId: account.id,
      action: 'account.email_changed',
      targetType: 'account',
      targetId: account.id,
      ip: meta.ip,
      at: now,
    });
  });
  await refreshAccountSessions(ctx, account.id);
  return { changed: true, realNameReset: false };
}

/**
 * Who may change their own identity here: individuals, operators, and administrators (修改管理员信息,
 * 004 §3.1: 姓名, 证件类型, 证件号码, and a resident ID's validity). Overseas accounts are changed with
 * their organization; staff and departments by platform admins.
 */
const SELF_IDENTITY_KINDS = new Set([
  'individual',
  'enterprise_operator',
  'enterprise_admin',
  'institution_admin',
]);

export async function changeIdentity(
  ctx: AppContext,
  auth: Auth,
  body: ChangeIdentityBody,
  meta: RequestMeta,
): Promise<AccountChanged> {
  const account = auth.account;
  if (!SELF_IDENTITY_KINDS.has(account.kind)) throw new AppError('auth.forbidden', { status: 403 });
  const idBidx = ctx.crypto.blindIndex(`id:${body.idType}`, body.idNumber);
  const changed =
    account.name !== body.name ||
    account.idType !== body.idType ||
    account.idNumberBidx !== idBidx ||
    account.idValidFrom !== body.idValidFrom ||
    account.idValidTo !== body.idValidTo;
  if (!changed) return { changed: false, realNameReset: false };
  // 004 §3.1: 如果已实名认证，修改姓名、证件类型、证件号码、有效期后，实名认证将无效
  const realNameReset = account.realNameLevel !== 'none';
  const now = ctx.clock.now();
  try {
    await ctx.db.transaction(async (tx) => {
      await tx
        .update(accounts)
        .set({
          name: body.name,
          idType: body.idType,
          idNumberEnc: ctx.crypto.encrypt(body.idNumber),
          idNumberBidx: idBidx,
          idValidFrom: body.idValidFrom,
          idValidTo: body.idValidTo,
          realNameLevel: 'none',
          updatedAt: now,
        })
        .where(eq(accounts.id, account.id));
      await recordAudit(tx, {
        actorId: account.id,
        action: 'account.identity_changed',
        targetType: 'account',
        targetId: account.id,
        detail: { realNameReset },
        ip: meta.ip,
        at: now,
      });
    });
  } catch (error) {
    const constraint = isUniqueViolation(error);
    if (constraint === 'accounts_individual_id_uq')
      throw fieldError('idNumber', 'account.id_number_taken', 409);
    if (constraint === 'accounts_operator_id_uq')
      throw fieldError('idNumber', 'account.operator_id_taken', 409);
    throw error;
  }
  await refreshAccountSessions(ctx, account.id);
  return { changed: true, realNameReset };
}
