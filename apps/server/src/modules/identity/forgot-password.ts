import { randomBytes } from 'node:crypto';
import {
  type AccountKind,
  FORGOT_PASSWORD_FLOW_MINUTES,
  FORGOT_PASSWORD_RESET_MINUTES,
  type ForgotPasswordCodeBody,
  type ForgotPasswordCodeSent,
  type ForgotPasswordFlow,
  type ForgotPasswordMethod,
  type ForgotPasswordStartBody,
  type ForgotPasswordVerified,
  type ForgotPasswordVerifyBody,
  type Locale,
  maskEmail,
  maskMobile,
} from '@sw/contracts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { safeEqual } from '../../lib/crypto.ts';
import { recordAudit } from '../audit/index.ts';
import { issueActionToken } from './action-tokens.ts';
import { verifyCaptcha } from './captcha.service.ts';
import { type AccountRow, findAccountByUsername } from './identity.repo.ts';
import { getOrganizationById } from './organizations/organization.repo.ts';
import {
  checkOneTimeCode,
  consumeCheckedCode,
  OTP_RESEND_SECONDS,
  OTP_TTL_SECONDS,
  sendOneTimeCode,
  spendCodeTry,
} from './otp.service.ts';
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
 * 忘记密码 (seed 004 §2.4): 填写用户名 → 安全验证 → 重置密码 → 完成.
 *
 * The flow is a token signed with the platform's secret that carries the username as typed and an
 * expiry — nothing about the account. Every step looks the username up again, so a flow for an
 * unknown username runs the same code as a real one: its methods are an individual's and its masked
 * mobile and e-mail are derived from the username (stable across attempts), a code "sent" to them goes
 * nowhere and every check fails with the answer a wrong fact gets. Codes go out through a job, so
 * 获取验证码 answers in the same time whether or not a message is sent. Verifications are counted per
 * username across instances (shared counters) as well as per client address.
 */

const FLOW_TTL_MS = FORGOT_PASSWORD_FLOW_MINUTES * 60_000;
const RESET_TTL_MS = FORGOT_PASSWORD_RESET_MINUTES * 60_000;
/** failed or not, verifications per username per hour */
const VERIFICATIONS_PER_HOUR = 10;
const CODE_JOB = 'forgot-password.code';

/** The methods of each account kind, in the manual's order; staff are reset by a platform admin. */
const METHODS: Partial<Record<AccountKind, readonly ForgotPasswordMethod[]>> = {
  enterprise_admin: ['sms', 'email', 'account_info', 'legal_rep', 'e_license'],
  institution_admin: ['sms', 'email', 'account_info', 'legal_rep', 'e_license'],
  enterprise_operator: ['sms', 'email', 'account_info'],
  individual: ['sms', 'email', 'account_info'],
  department: ['sms', 'email'],
  overseas: ['email', 'sms'],
};

type Subject = {
  /** undefined for an unknown (or unrecoverable) username: the decoy */
  account: AccountRow | undefined;
  methods: readonly ForgotPasswordMethod[];
  mobile: string | null;
  email: string | null;
};

function recoverable(account: AccountRow | undefined): account is AccountRow {
  return !!account && account.status === 'active' && !!account.passwordHash && !!METHODS[account.kind];
}

/** A decoy's mobile and e-mail: plausible, derived from the username, the same on every attempt. */
function decoyContacts(ctx: AppContext, username: string) {
  const h = ctx.crypto.hashSecret('forgot-password-decoy', username.toLowerCase());
  const digits = BigInt(`0x${h.slice(0, 15)}`)
    .toString()
    .padStart(10, '0');
  const domains = ['qq.com', '163.com', '126.com', 'sina.com'];
  return {
    mobile: `1${'3456789'[Number.parseInt(h.slice(15, 17), 16) % 7]}${digits.slice(0, 9)}`,
    email: `${h.slice(17, 25)}@${domains[Number.parseInt(h.slice(25, 27), 16) % domains.length]}`,
  };
}

/** 「该方式仅支持 9 开头的统一社会信用代码的企业的管理员找回密码」 (004 §2.4.2.1.5) */
async function methodsOf(ctx: AppContext, account: AccountRow): Promise<readonly ForgotPasswordMethod[]> {
  const methods = METHODS[account.kind] ?? [];
  if (!methods.includes('e_license')) return methods;
  const organization = account.organizationId
    ? await getOrganizationById(ctx.db, account.organizationId)
    : undefined;
  return organization?.creditCode?.startsWith('9') ? methods : methods.filter((m) => m !== 'e_license');
}

async function subjectOf(ctx: AppContext, username: string): Promise<Subject> {
  const found = await findAccountByUsername(ctx.db, username);
  if (recoverable(found)) {
    return {
      account: found,
      methods: await methodsOf(ctx, found),
      mobile: found.mobileEnc ? ctx.crypto.decrypt(found.mobileEnc) : null,
      email: found.emailEnc ? ctx.crypto.decrypt(found.emailEnc) : null,
    };
  }
  const decoy = decoyContacts(ctx, username);
  return { account: undefined, methods: METHODS.individual ?? [], ...decoy };
}

type PasswordFlow = FlowClaims & { u: string; n: string };
const FLOW = 'forgot-password';
const failed = verificationFailed;

/** The username of a live flow. */
function usernameOf(ctx: AppContext, flow: string): string {
  const claims = readFlow<PasswordFlow>(ctx, FLOW, flow);
  if (typeof claims.u !== 'string') throw failed();
  return claims.u;
}

function targetOf(subject: Subject, method: ForgotPasswordMethod): string | null {
  if (method === 'sms') return subject.mobile ? maskMobile(subject.mobile) : null;
  if (method === 'email') return subject.email ? maskEmail(subject.email) : null;
  return null;
}

/** 填写用户名: username + image captcha → the flow and the methods of the account's kind. */
export async function startForgotPassword(
  ctx: AppContext,
  body: ForgotPasswordStartBody,
): Promise<ForgotPasswordFlow> {
  await verifyCaptcha(ctx, body.captchaId, body.captchaAnswer);
  const username = body.username.trim();
  const subject = await subjectOf(ctx, username);
  const exp = ctx.clock.now().getTime() + FLOW_TTL_MS;
  return {
    flow: signFlow<PasswordFlow>(ctx, FLOW, { u: username, exp, n: randomBytes(9).toString('base64url') }),
    methods: subject.methods.map((method) => ({ method, target: targetOf(subject, method) })),
    expiresAt: new Date(exp).toISOString(),
  };
}

function requireMethod(subject: Subject, method: ForgotPasswordMethod) {
  if (!subject.methods.includes(method)) throw failed();
}

/** 身份信息不完整: the account lacks what the method needs (a decoy never does). */
function incomplete(field: string) {
  return new AppError('recovery.identity_incomplete', {
    status: 422,
    fieldErrors: [{ path: field, code: 'recovery.identity_incomplete' }],
  });
}

/**
 * 获取验证码 (手机验证, 邮箱验证): a code to the bound mobile or e-mail. The answer is written before
 * any account-dependent work, the sending is a job.
 */
export async function sendForgotPasswordCode(
  ctx: AppContext,
  body: ForgotPasswordCodeBody,
  locale: Locale | undefined,
): Promise<ForgotPasswordCodeSent> {
  await verifyCaptcha(ctx, body.captchaId, body.captchaAnswer);
  const username = usernameOf(ctx, body.flow);
  const id = await ctx.jobs.enqueue(ctx.db, CODE_JOB, {
    username,
    method: body.method,
    locale: locale ?? null,
  });
  ctx.jobs.kick([id]);
  const adapter = body.method === 'sms' ? ctx.messaging.adapters.sms : ctx.messaging.adapters.mailer;
  return {
    resendAfter: OTP_RESEND_SECONDS,
    expiresIn: OTP_TTL_SECONDS,
    ...(adapter.isSimulator ? { simulator: '/dev/outbox' } : {}),
  };
}

/** The job behind 获取验证码: sends only for a real account with the contact bound. */
export function handleForgotPasswordJobs(ctx: AppContext) {
  ctx.jobs.handle(CODE_JOB, async (payload) => {
    const p = payload as { username: string; method: 'sms' | 'email'; locale: Locale | null };
    const subject = await subjectOf(ctx, p.username);
    const target = p.method === 'sms' ? subject.mobile : subject.email;
    if (!target || !subject.methods.includes(p.method)) return;
    try {
      // a decoy's code is recorded but never sent, so checking it answers as for a real one
      await sendOneTimeCode(
        ctx,
        { channel: p.method, target, purpose: 'recover', ...(p.locale ? { locale: p.locale } : {}) },
        { deliver: !!subject.account },
      );
    } catch (error) {
      // too soon or over the daily cap: the person asks again later, as with any code
      if (!(error instanceof AppError)) throw error;
    }
  });
}

/**
 * 安全验证: checks the chosen method's answers. Success gives a single-use token for 重置密码
 * (15 minutes); the reset then goes through `resetPasswordWithToken`.
 */
export async function verifyForgotPassword(
  ctx: AppContext,
  body: ForgotPasswordVerifyBody,
  meta: RequestMeta,
  /** the browser's key (its e-business-licence authorizations are its own) */
  browserKey: string | null,
): Promise<ForgotPasswordVerified> {
  const username = usernameOf(ctx, body.flow);
  await countVerification(
    ctx,
    `password:${ctx.crypto.blindIndex('username', username.toLowerCase())}`,
    VERIFICATIONS_PER_HOUR,
  );
  const subject = await subjectOf(ctx, username);
  requireMethod(subject, body.method);
  const account = subject.account;
  let codeId: string | undefined;
  switch (body.method) {
    case 'sms':
    case 'email': {
      const target = body.method === 'sms' ? subject.mobile : subject.email;
      if (!target) throw incomplete('code');
      codeId = await checkOneTimeCode(
        ctx,
        { channel: body.method, target, purpose: 'recover' },
        body.code,
        'code',
      );
      break;
    }
    case 'account_info': {
      await verifyCaptcha(ctx, body.captchaId, body.captchaAnswer);
      if (account && (!account.idType || !account.idNumberBidx)) throw incomplete('idNumber');
      const matches =
        !!account &&
        sameText(account.name, body.name) &&
        account.idType === body.idType &&
        safeEqual(account.idNumberBidx ?? '', ctx.crypto.blindIndex(`id:${body.idType}`, body.idNumber));
      if (!matches) throw failed();
      break;
    }
    case 'legal_rep': {
      // 操作人手机号码 and its code first: a guess of the enterprise's facts costs a code
      codeId = await checkOneTimeCode(
        ctx,
        { channel: 'sms', target: body.mobile, purpose: 'recover' },
        body.smsCode,
        'smsCode',
      );
      const organization = account?.organizationId
        ? await getOrganizationById(ctx.db, account.organizationId)
        : undefined;
      if (account && (!organization?.legalRepIdType || !organization.legalRepIdNumberBidx)) {
        throw incomplete('legalRepIdNumber');
      }
      const matches =
        !!organization &&
        sameText(organization.name, body.enterpriseName) &&
        (organization.creditCode ?? '').toUpperCase() === body.creditCode &&
        sameText(organization.legalRepName, body.legalRepName) &&
        organization.legalRepIdType === body.legalRepIdType &&
        safeEqual(
          organization.legalRepIdNumberBidx ?? '',
          ctx.crypto.blindIndex(`id:${body.legalRepIdType}`, body.legalRepIdNumber),
        );
      if (!matches) {
        // a wrong guess spends one of the code's tries: one code buys few guesses
        await spendCodeTry(ctx, codeId);
        throw new AppError('recovery.enterprise_mismatch', { status: 422 });
      }
      break;
    }
    case 'e_license': {
      // the licence holder confirmed in the licence app: the enterprise must be the account's own
      const authorization = browserKey
        ? await ctx.eLicense.get(body.sessionId, browserKey, ctx.clock.now())
        : null;
      const organization = account?.organizationId
        ? await getOrganizationById(ctx.db, account.organizationId)
        : undefined;
      const matches =
        authorization?.status === 'authorized' &&
        !!authorization.enterprise &&
        !!organization?.creditCode &&
        authorization.enterprise.creditCode === organization.creditCode;
      if (!matches) throw new AppError('recovery.e_license_mismatch', { status: 422 });
      // one confirmation in the licence app buys one reset (shared counters: on every instance)
      const used = await ctx.counters.hit(`e-license-used:${body.sessionId}`, 15 * 60_000);
      if (used.count > 1) throw new AppError('recovery.e_license_mismatch', { status: 422 });
      break;
    }
  }
  if (!account) throw failed();
  const now = ctx.clock.now();
  const issued = await ctx.db.transaction(async (tx) => {
    if (codeId) await consumeCheckedCode(ctx, tx, codeId, body.method === 'legal_rep' ? 'smsCode' : 'code');
    const grant = await issueActionToken(tx, {
      purpose: 'password_reset',
      accountId: account.id,
      ttlMs: RESET_TTL_MS,
      now,
    });
    await recordAudit(tx, {
      actorId: account.id,
      action: 'account.password_recovery_verified',
      targetType: 'account',
      targetId: account.id,
      ip: meta.ip,
      detail: { method: body.method },
      at: now,
    });
    return grant;
  });
  return { token: issued.token, username: account.username, expiresAt: issued.expiresAt.toISOString() };
}
