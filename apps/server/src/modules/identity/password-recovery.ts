import {
  type Locale,
  maskEmail,
  PASSWORD_RESET_LINK_MINUTES,
  type PasswordRecoveryAccepted,
  type PasswordRecoveryEmailBody,
  type PasswordResetBody,
  type PasswordResetLinkCheck,
} from '@sw/contracts';
import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { accounts } from '../../db/schema/identity.ts';
import { AppError } from '../../http/app-error.ts';
import { publicBaseUrl } from '../../lib/public-url.ts';
import { recordAudit } from '../audit/index.ts';
import { notify, registerMessageTemplates } from '../messaging/index.ts';
import {
  consumeActionToken,
  findLiveActionToken,
  issueActionToken,
  lockActionTokens,
  recentActionTokens,
  retireActionTokens,
} from './action-tokens.ts';
import { verifyCaptcha } from './captcha.service.ts';
import {
  type AccountRow,
  clearSignInFailures,
  findAccountByUsername,
  getAccountById,
  revokeSessionsOfAccount,
} from './identity.repo.ts';
import { hashPassword } from './passwords.ts';
import { type RequestMeta, refreshAccountSessions } from './sessions.ts';

const PURPOSE = 'password_reset';
const LINK_TTL_MS = PASSWORD_RESET_LINK_MINUTES * 60_000;
/** per account: one link a minute, five a day — whatever the requests' addresses */
const RESEND_AFTER_MS = 60_000;
const DAILY_LINKS = 5;

registerMessageTemplates({
  'password-recovery.link': {
    title: {
      'zh-CN': '找回密码',
      'zh-HK': '找回密碼',
      en: 'Reset your password',
    },
    body: {
      'zh-CN':
        '您正在找回单一窗口账号 {username} 的密码。请在 {minutes} 分钟内打开以下链接设置新密码（链接仅可使用一次）：{link}\n如非本人操作，请忽略本邮件，您的密码不会改变。',
      'zh-HK':
        '您正在找回單一窗口帳戶 {username} 的密碼。請在 {minutes} 分鐘內開啟以下連結設定新密碼（連結只可使用一次）：{link}\n如非本人操作，請忽略本電郵，您的密碼不會改變。',
      en: 'Someone asked to reset the password of the Single Window account {username}. Open this link within {minutes} minutes to set a new password (it works once): {link}\nIf this was not you, ignore this e-mail; your password stays the same.',
    },
  },
  'password-recovery.done': {
    title: { 'zh-CN': '密码已重置', 'zh-HK': '密碼已重設', en: 'Your password was reset' },
    body: {
      'zh-CN':
        '单一窗口账号 {username} 的密码已通过邮箱链接重置，所有已登录的设备均已退出。如非本人操作，请立即联系平台客服。',
      'zh-HK':
        '單一窗口帳戶 {username} 的密碼已透過電郵連結重設，所有已登入的裝置均已登出。如非本人操作，請立即聯絡平台客服。',
      en: 'The password of the Single Window account {username} was reset through the e-mailed link, and every signed-in device was signed out. If this was not you, contact the platform support at once.',
    },
  },
  'password-recovery.reset': {
    title: { 'zh-CN': '密码已重置', 'zh-HK': '密碼已重設', en: 'Your password was reset' },
    body: {
      'zh-CN':
        '单一窗口账号 {username} 的密码已通过“忘记密码”重置，所有已登录的设备均已退出。如非本人操作，请立即联系平台客服。',
      'zh-HK':
        '單一窗口帳戶 {username} 的密碼已透過「忘記密碼」重設，所有已登入的裝置均已登出。如非本人操作，請立即聯絡平台客服。',
      en: 'The password of the Single Window account {username} was reset through “Forgot password”, and every signed-in device was signed out. If this was not you, contact the platform support at once.',
    },
    sms: {
      'zh-CN':
        '【单一窗口】您的账号 {username} 的密码已重置，所有设备均已退出。如非本人操作，请立即联系平台客服。',
      'zh-HK':
        '【單一窗口】您的帳戶 {username} 的密碼已重設，所有裝置均已登出。如非本人操作，請立即聯絡平台客服。',
      en: '[Single Window] The password of your account {username} was reset and every device signed out. If this was not you, contact support at once.',
    },
  },
});

/** Who may reset by e-mail: an active account with an address; staff accounts are reset by a platform admin. */
function recoverable(account: AccountRow | undefined): account is AccountRow {
  return !!account && account.status === 'active' && !!account.emailEnc && account.kind !== 'staff';
}

/** Who may reset after 安全验证 (忘记密码): any active account but staff. */
function resettable(account: AccountRow | undefined): account is AccountRow {
  return !!account && account.status === 'active' && account.kind !== 'staff';
}

const ACCEPTED: PasswordRecoveryAccepted = { accepted: true, expiresInMinutes: PASSWORD_RESET_LINK_MINUTES };

const RECOVERY_JOB = 'password-recovery.email';

/**
 * 邮箱找回 (seed 001 §2.6): username + image captcha → an e-mail with a single-use link, valid
 * 30 minutes, to the account's address. The answer is the same, and takes the same time, whether
 * or not the account exists: after the captcha the request only writes a job (the same for every
 * username) and answers; the job looks the account up and sends the link (sendPasswordResetLink).
 */
export async function requestPasswordResetEmail(
  ctx: AppContext,
  body: PasswordRecoveryEmailBody,
  meta: RequestMeta,
): Promise<PasswordRecoveryAccepted> {
  await verifyCaptcha(ctx, body.captchaId, body.captchaAnswer);
  const id = await ctx.jobs.enqueue(ctx.db, RECOVERY_JOB, {
    username: body.username.trim(),
    ip: meta.ip,
    locale: meta.locale ?? null,
  });
  ctx.jobs.kick([id]);
  return ACCEPTED;
}

/** Registers the job that does the account-dependent part of 邮箱找回. */
export function handlePasswordRecoveryJobs(ctx: AppContext) {
  ctx.jobs.handle(RECOVERY_JOB, async (payload) => {
    const p = payload as { username: string; ip: string | null; locale: Locale | null };
    await sendPasswordResetLink(ctx, p.username, p.ip, p.locale ?? undefined);
  });
}

/**
 * The link itself, for an account that may have one: at most one a minute and five a day per
 * account (so the address cannot be flooded from many IPs); a new link retires older ones.
 */
async function sendPasswordResetLink(
  ctx: AppContext,
  username: string,
  ip: string | null,
  locale: Locale | undefined,
) {
  const account = await findAccountByUsername(ctx.db, username);
  if (!recoverable(account)) return;
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await lockActionTokens(tx, PURPOSE, account.id);
    const recent = await recentActionTokens(
      tx,
      PURPOSE,
      account.id,
      new Date(now.getTime() - 24 * 3_600_000),
    );
    if (recent.count >= DAILY_LINKS) return;
    if (recent.lastAt && now.getTime() - recent.lastAt.getTime() < RESEND_AFTER_MS) return;
    const { token } = await issueActionToken(tx, {
      purpose: PURPOSE,
      accountId: account.id,
      ttlMs: LINK_TTL_MS,
      now,
    });
    await notify(ctx, tx, {
      accountId: account.id,
      template: 'password-recovery.link',
      params: {
        username: account.username,
        minutes: PASSWORD_RESET_LINK_MINUTES,
        link: `${publicBaseUrl(ctx.config)}/recover/email?token=${token}`,
      },
      channels: ['email'],
      category: 'security',
      ...(locale ? { locale } : {}),
    });
    await recordAudit(tx, {
      actorId: account.id,
      action: 'account.password_reset_link_sent',
      targetType: 'account',
      targetId: account.id,
      ip,
      at: now,
    });
  });
}

/** Whether a reset link still works, and for which account (username masked). */
export async function checkPasswordResetLink(
  ctx: AppContext,
  token: string,
): Promise<PasswordResetLinkCheck> {
  const row = await findLiveActionToken(ctx.db, PURPOSE, token, ctx.clock.now());
  const account = row ? await getAccountById(ctx.db, row.accountId) : undefined;
  if (!row || !recoverable(account)) return { valid: false, usernameMasked: null, expiresAt: null };
  return { valid: true, usernameMasked: maskEmail(account.username), expiresAt: row.expiresAt.toISOString() };
}

/**
 * Sets the new password through the link: the token is spent in the same transaction as the
 * change (one conditional UPDATE: of two uses one wins), every session of the account ends, the
 * sign-in lock is lifted, the change is audited and confirmed by e-mail. 410 `recovery.link_invalid`
 * for a link unknown, used or expired.
 */
export async function resetPasswordByEmail(ctx: AppContext, body: PasswordResetBody, meta: RequestMeta) {
  await resetPasswordWithToken(ctx, body, meta, 'email');
}

/**
 * Sets the new password with a reset token: the e-mailed link's (`how` = 'email') or the one
 * 安全验证 gave (忘记密码, 'verified'). Returns the account's username for 完成.
 */
export async function resetPasswordWithToken(
  ctx: AppContext,
  body: PasswordResetBody,
  meta: RequestMeta,
  how: 'email' | 'verified',
): Promise<string> {
  const invalid = () => new AppError('recovery.link_invalid', { status: 410 });
  // a cheap look first, so a dead link costs no password hash
  if (!(await findLiveActionToken(ctx.db, PURPOSE, body.token, ctx.clock.now()))) throw invalid();
  const passwordHash = await hashPassword(body.password);
  const now = ctx.clock.now();
  const changed = await ctx.db.transaction(async (tx) => {
    const token = await consumeActionToken(tx, PURPOSE, body.token, now);
    const account = token ? await getAccountById(tx, token.accountId) : undefined;
    const allowed = how === 'email' ? recoverable : resettable;
    if (!token || !allowed(account)) throw invalid();
    await tx
      .update(accounts)
      .set({ passwordHash, mustChangePassword: false, updatedAt: now })
      .where(eq(accounts.id, account.id));
    await retireActionTokens(tx, { purpose: PURPOSE, accountId: account.id }, now);
    await revokeSessionsOfAccount(tx, account.id, now);
    await clearSignInFailures(tx, account.username.toLowerCase());
    await recordAudit(tx, {
      actorId: account.id,
      action: how === 'email' ? 'account.password_reset_by_email' : 'account.password_reset',
      targetType: 'account',
      targetId: account.id,
      ip: meta.ip,
      at: now,
    });
    await notify(ctx, tx, {
      accountId: account.id,
      template: how === 'email' ? 'password-recovery.done' : 'password-recovery.reset',
      params: { username: account.username },
      channels: how === 'email' ? ['email'] : ['email', 'sms'],
      category: 'security',
    });
    return { id: account.id, username: account.username };
  });
  // cached sessions end on every instance
  await refreshAccountSessions(ctx, changed.id);
  return changed.username;
}
