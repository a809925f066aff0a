import {
  AccountChanged,
  ChangeEmailBody,
  ChangeIdentityBody,
  ChangeMobileBody,
  ChangePasswordBody,
  CreateOperatorBody,
  FirstSignInSmsBody,
  FirstSignInVerifyBody,
  fieldIssue,
  LOCALES,
  OperatorQuery,
  OperatorView,
  PhoneLoginBody,
  ProblemSchema,
  RealNameBankCardBody,
  RealNameBankUkeyBody,
  RealNameEnterpriseBody,
  RealNameFaceBody,
  RealNameLegalRepStep,
  RealNameLegalRepStepBody,
  RealNamePersonStepBody,
  RealNameView,
  SendCodeResponse,
  UpdateOperatorBody,
} from '@sw/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requestLocale } from '../../http/problem.ts';
import { changeEmail, changeIdentity, changeMobile, sendBoundMobileCode } from './account-changes.ts';
import {
  changePassword,
  createOperator,
  sendFirstSignInCode,
  setPhoneLogin,
  syncAccountToGovPlatform,
  verifyFirstSignInCode,
} from './account-settings.ts';
import { clearSessionCookie, requestMeta, requireAuth } from './auth.ts';
import {
  checkAdministratorForRealName,
  checkEnterpriseForRealName,
  checkLegalRepForRealName,
  verifyBankUkey,
} from './enterprise-real-name.ts';
import { setAccountLocale } from './identity.repo.ts';
import { deleteOperator, resetOperatorPassword, searchOperators, updateOperator } from './operators.ts';
import { realNameView, verifyBankCard, verifyFace, verifyIdentity } from './real-name.ts';

const problems = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
  422: ProblemSchema,
  429: ProblemSchema,
  503: ProblemSchema,
};

/** 账户设置, 修改密码, the operator's first sign-in (seed 004 §2.1, §3.1) and 我的操作员 (§3.2). */
export async function accountSettingsRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const limits = ctx.config.rateLimits;
  const perMinute = (max: number) => ({ rateLimit: { max, timeWindow: '1 minute' } });

  app.post(
    '/api/account/real-name/face',
    {
      config: perMinute(limits.sendCode),
      schema: {
        tags: ['identity'],
        summary: '人脸识别: a passed face check of this account → 高',
        body: RealNameFaceBody,
        response: { 200: RealNameView, ...problems },
      },
    },
    async (request, reply) =>
      verifyFace(ctx, await requireAuth(ctx, request, reply), request.body, requestMeta(request)),
  );

  // 账号基本信息 changes (seed 004 §3.1)
  app.post(
    '/api/account/mobile/code',
    {
      config: perMinute(limits.sendCode),
      schema: {
        tags: ['identity'],
        summary: '修改绑定手机: a code to the bound mobile',
        response: { 202: SendCodeResponse, ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply);
      return reply.code(202).send(await sendBoundMobileCode(ctx, auth, requestLocale(request)));
    },
  );
  app.put(
    '/api/account/mobile',
    {
      config: perMinute(limits.sendCode),
      schema: {
        tags: ['identity'],
        summary: '修改绑定手机: the bound mobile’s code (or the registered ID) and the new number’s code',
        body: ChangeMobileBody,
        response: { 200: AccountChanged, ...problems },
      },
    },
    async (request, reply) =>
      changeMobile(ctx, await requireAuth(ctx, request, reply), request.body, requestMeta(request)),
  );
  app.put(
    '/api/account/email',
    {
      config: perMinute(limits.sendCode),
      schema: {
        tags: ['identity'],
        summary: '修改邮箱: the new address with its code',
        body: ChangeEmailBody,
        response: { 200: AccountChanged, ...problems },
      },
    },
    async (request, reply) =>
      changeEmail(ctx, await requireAuth(ctx, request, reply), request.body, requestMeta(request)),
  );
  app.put(
    '/api/account/identity',
    {
      config: perMinute(limits.sendCode),
      schema: {
        tags: ['identity'],
        summary: '修改个人信息: name, ID type, number and validity; a change ends 实名认证',
        body: ChangeIdentityBody,
        response: { 200: AccountChanged, ...problems },
      },
    },
    async (request, reply) =>
      changeIdentity(ctx, await requireAuth(ctx, request, reply), request.body, requestMeta(request)),
  );

  // 实名认证 (seed 004 §3.6)
  app.get(
    '/api/account/real-name',
    {
      schema: {
        tags: ['identity'],
        summary: '实名认证: the level and the methods of this account',
        response: { 200: RealNameView, ...problems },
      },
    },
    async (request, reply) => realNameView(ctx, await requireAuth(ctx, request, reply)),
  );
  app.post(
    '/api/account/real-name/identity',
    {
      config: perMinute(limits.sendCode),
      schema: {
        tags: ['identity'],
        summary: '身份信息认证: the account’s name and document checked with the identity source → 中',
        response: { 200: RealNameView, ...problems },
      },
    },
    async (request, reply) =>
      verifyIdentity(ctx, await requireAuth(ctx, request, reply), requestMeta(request)),
  );
  app.post(
    '/api/account/real-name/bank-card',
    {
      config: perMinute(limits.sendCode),
      schema: {
        tags: ['identity'],
        summary: '银行卡认证: the holder’s bank card and its bank-reserved mobile (SMS code) → 高',
        body: RealNameBankCardBody,
        response: { 200: RealNameView, ...problems },
      },
    },
    async (request, reply) =>
      verifyBankCard(ctx, await requireAuth(ctx, request, reply), request.body, requestMeta(request)),
  );
  // 企业实名认证 (seed 004 §3.6.1): 法人身份认证 in three steps, 银行UKEY认证 (IC 卡认证: pki)
  app.post(
    '/api/account/real-name/legal-rep/enterprise',
    {
      config: perMinute(limits.sendCode),
      schema: {
        tags: ['identity'],
        summary:
          '法人身份认证 第一步 核验企业信息: the enterprise and its legal representative as the market regulator files them',
        body: RealNameEnterpriseBody,
        response: { 200: RealNameLegalRepStep, ...problems },
      },
    },
    async (request, reply) =>
      checkEnterpriseForRealName(
        ctx,
        await requireAuth(ctx, request, reply),
        request.body,
        requestMeta(request),
      ),
  );
  app.post(
    '/api/account/real-name/legal-rep/legal-rep',
    {
      config: perMinute(limits.sendCode),
      schema: {
        tags: ['identity'],
        summary: '法人身份认证 第二步 核验法人身份信息: 身份证认证 (resident ID) or 银行卡认证',
        body: RealNameLegalRepStepBody,
        response: { 200: RealNameLegalRepStep, ...problems },
      },
    },
    async (request, reply) =>
      checkLegalRepForRealName(
        ctx,
        await requireAuth(ctx, request, reply),
        request.body,
        requestMeta(request),
      ),
  );
  app.post(
    '/api/account/real-name/legal-rep/administrator',
    {
      config: perMinute(limits.sendCode),
      schema: {
        tags: ['identity'],
        summary: '法人身份认证 第三步 核验管理员身份信息 → 高',
        body: RealNamePersonStepBody,
        response: { 200: RealNameView, ...problems },
      },
    },
    async (request, reply) =>
      checkAdministratorForRealName(
        ctx,
        await requireAuth(ctx, request, reply),
        request.body,
        requestMeta(request),
      ),
  );
  app.post(
    '/api/account/real-name/bank-ukey',
    {
      config: perMinute(limits.sendCode),
      schema: {
        tags: ['identity'],
        summary: '银行UKEY认证: the enterprise’s corporate account confirmed by its bank → 高',
        body: RealNameBankUkeyBody,
        response: { 200: RealNameView, ...problems },
      },
    },
    async (request, reply) =>
      verifyBankUkey(ctx, await requireAuth(ctx, request, reply), request.body, requestMeta(request)),
  );

  app.put(
    '/api/account/settings/phone-login',
    {
      schema: {
        tags: ['identity'],
        summary: '手机号登录开关 (seed 004 §3.1 账户设置)',
        body: PhoneLoginBody,
        response: { 200: z.object({ phoneLoginEnabled: z.boolean() }), ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply);
      return setPhoneLogin(ctx, auth, request.body.enabled, requestMeta(request));
    },
  );

  app.post(
    '/api/account/settings/sync',
    {
      config: perMinute(limits.sendCode),
      schema: {
        tags: ['identity'],
        summary: '信息同步: the account’s record to the national government service platform (simulated)',
        response: { 200: z.object({ receipt: z.string(), syncedAt: z.string() }), ...problems },
      },
    },
    async (request, reply) =>
      syncAccountToGovPlatform(ctx, await requireAuth(ctx, request, reply), requestMeta(request)),
  );

  app.put(
    '/api/account/settings/locale',
    {
      schema: {
        tags: ['identity'],
        summary:
          'The language the account’s e-mails, SMS and 站内信 are written in (the language switch sets it)',
        body: z.strictObject({ locale: z.enum(LOCALES, fieldIssue('field.invalid')) }),
        response: { 200: z.object({ locale: z.enum(LOCALES) }), ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply, { firstSignIn: true });
      await setAccountLocale(ctx.db, auth.account.id, request.body.locale);
      return { locale: request.body.locale };
    },
  );

  app.post(
    '/api/account/password',
    {
      config: perMinute(limits.signIn),
      schema: {
        tags: ['identity'],
        summary: '修改密码; after a forced change of an initial password every session ends',
        body: ChangePasswordBody,
        response: { 200: z.object({ signedOut: z.boolean() }), ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply, { firstSignIn: true });
      if (auth.account.mustVerifyMobile) {
        // the SMS check comes first (seed 004 §2.1: 操作员账号验证, then 修改密码)
        await requireAuth(ctx, request, reply);
      }
      const result = await changePassword(ctx, auth, request.body, requestMeta(request));
      if (result.signedOut) clearSessionCookie(ctx, request, reply);
      return result;
    },
  );

  app.post(
    '/api/account/first-sign-in/sms',
    {
      config: perMinute(limits.sendCode),
      schema: {
        tags: ['identity'],
        summary: '操作员账号验证: send a code to the mobile the administrator entered',
        body: FirstSignInSmsBody,
        response: { 202: SendCodeResponse.extend({ mobileMasked: z.string() }), ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply, { firstSignIn: true });
      return reply.code(202).send(await sendFirstSignInCode(ctx, auth, request.body));
    },
  );

  app.post(
    '/api/account/first-sign-in/verify',
    {
      config: perMinute(limits.sendCode * 3),
      schema: {
        tags: ['identity'],
        summary: '操作员账号验证: check the SMS code',
        body: FirstSignInVerifyBody,
        response: { 204: z.null(), ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply, { firstSignIn: true });
      await verifyFirstSignInCode(ctx, auth, request.body.code, requestMeta(request));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/org/operators',
    {
      schema: {
        tags: ['identity'],
        summary: '我的操作员: the organization’s operators (administrator only), 查询 by 用户名 and 姓名',
        querystring: OperatorQuery,
        response: { 200: z.array(OperatorView), ...problems },
      },
    },
    async (request, reply) => searchOperators(ctx, await requireAuth(ctx, request, reply), request.query),
  );

  const OperatorParams = z.object({ id: z.uuid() });
  app.put(
    '/api/org/operators/:id',
    {
      config: perMinute(limits.register * 3),
      schema: {
        tags: ['identity'],
        summary: '修改操作员: all but the username; 账号状态; a changed identity ends 实名认证',
        params: OperatorParams,
        body: UpdateOperatorBody,
        response: { 200: OperatorView, ...problems },
      },
    },
    async (request, reply) =>
      updateOperator(
        ctx,
        await requireAuth(ctx, request, reply),
        request.params.id,
        request.body,
        requestMeta(request),
      ),
  );
  app.delete(
    '/api/org/operators/:id',
    {
      schema: {
        tags: ['identity'],
        summary: '删除操作员 (irreversible)',
        params: OperatorParams,
        response: { 204: z.null(), ...problems },
      },
    },
    async (request, reply) => {
      await deleteOperator(
        ctx,
        await requireAuth(ctx, request, reply),
        request.params.id,
        requestMeta(request),
      );
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/api/org/operators/:id/reset-password',
    {
      config: perMinute(limits.register * 3),
      schema: {
        tags: ['identity'],
        summary: '重置操作员密码: 88888888 again, with the first-sign-in steps',
        params: OperatorParams,
        response: { 200: OperatorView, ...problems },
      },
    },
    async (request, reply) =>
      resetOperatorPassword(
        ctx,
        await requireAuth(ctx, request, reply),
        request.params.id,
        requestMeta(request),
      ),
  );

  app.post(
    '/api/org/operators',
    {
      config: perMinute(limits.register * 3),
      schema: {
        tags: ['identity'],
        summary: '新建操作员: initial password 88888888, changed at first sign-in after an SMS check',
        body: CreateOperatorBody,
        response: { 201: OperatorView, ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply);
      return reply.code(201).send(await createOperator(ctx, auth, request.body, requestMeta(request)));
    },
  );
}
