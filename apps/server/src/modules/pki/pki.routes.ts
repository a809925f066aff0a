import {
  AccountView,
  ActivateAccountBody,
  BindCardBody,
  CardChallengeResponse,
  CardListQuery,
  CardListResponse,
  CardSignInBody,
  CardView,
  CreateCardOperatorBody,
  IssueCardBody,
  OperatorView,
  ProblemSchema,
  RealNameView,
  RevokeCardBody,
  SessionResponse,
  StaffCardView,
  UnbindCardsBody,
} from '@sw/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import {
  endSession,
  getAuth,
  presentAccount,
  requestMeta,
  requireAuth,
  requirePlatformAdmin,
  setCardHolderLookup,
  setSessionCookie,
} from '../identity/index.ts';
import {
  bindCardToAccount,
  listAccountCards,
  realNameByCard,
  registerCardOperator,
  unbindAccountCards,
} from './account-cards.ts';
import { activateAccount } from './activate-account.ts';
import { loadAuthority } from './authority.ts';
import { downloadCardFile, listCards, revokeCardByStaff } from './card-admin.ts';
import { createCardChallenge } from './card-proof.ts';
import { signInWithCard } from './card-sign-in.ts';
import { issueCard } from './issue-card.ts';
import { presentStaffCard } from './pki.presenter.ts';
import { accountsHoldingCards } from './pki.repo.ts';

const problems = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
  429: ProblemSchema,
};

const CardIdParams = z.strictObject({ id: z.uuid() });

/**
 * Card media (brief §5; seed 004 §1.2.1.1, §2.2, §3.1, §3.3): the platform CA, card issuance
 * and revocation in the console, card sign-in with its auto-registration rules, account
 * activation, and 「我的IC卡」. Creates the platform CA on first start.
 */
export async function pkiRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  // 我的操作员 asks which accounts hold a live bound card (an administrator without one may not
  // change or delete a card-bound operator, 004 §3.2)
  setCardHolderLookup(accountsHoldingCards);
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const limits = ctx.config.rateLimits;
  const perMinute = (max: number) => ({ rateLimit: { max, timeWindow: '1 minute' } });
  await loadAuthority(ctx);

  app.get(
    '/api/pki/ca.pem',
    {
      schema: {
        tags: ['cards'],
        summary: 'The platform CA certificate (PEM) that every card chains to',
        response: { 200: z.string() },
      },
    },
    async (_request, reply) => {
      const authority = await loadAuthority(ctx);
      return reply
        .type('application/x-pem-file')
        .header('content-disposition', 'inline; filename="single-window-ca.pem"')
        .header('cache-control', 'public, max-age=3600')
        .send(authority.certificatePem);
    },
  );

  // card sign-in (seed 004 §2.2) --------------------------------------------------------

  app.post(
    '/api/auth/card/challenge',
    {
      config: perMinute(limits.signIn * 3),
      schema: {
        tags: ['session'],
        summary: 'A single-use challenge (2 minutes) for the card to sign',
        response: { 201: CardChallengeResponse, 403: ProblemSchema, 429: ProblemSchema },
      },
    },
    async (_request, reply) => reply.code(201).send(createCardChallenge(ctx)),
  );

  app.post(
    '/api/auth/card/sign-in',
    {
      config: perMinute(limits.signIn),
      schema: {
        tags: ['session'],
        summary:
          '卡介质登录: certificate + RSA-SHA256 signature over the challenge; auto-registers per seed 004',
        body: CardSignInBody,
        response: { 200: SessionResponse, ...problems },
      },
    },
    async (request, reply) => {
      // rotation: a sign-in always gets a new token; any session this browser had ends
      const previous = await getAuth(ctx, request);
      const result = await signInWithCard(ctx, request.body, requestMeta(request));
      if (previous) await endSession(ctx, previous.token);
      setSessionCookie(ctx, request, reply, result.token);
      return {
        account: presentAccount(result.account, ctx.crypto),
        method: 'card',
        expiresAt: result.expiresAt.toISOString(),
      };
    },
  );

  // account centre (seed 004 §3.1 账号激活, §3.3 我的IC卡) ------------------------------------

  app.post(
    '/api/account/activate',
    {
      config: perMinute(limits.signIn),
      schema: {
        tags: ['identity'],
        summary: '账号激活: set the password of an inactive account, while signed in with its card',
        body: ActivateAccountBody,
        response: { 200: AccountView, ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply);
      return activateAccount(ctx, auth, request.body, request.ip);
    },
  );

  app.get(
    '/api/account/cards',
    {
      schema: {
        tags: ['cards'],
        summary: '我的IC卡: cards bound to the signed-in account',
        response: { 200: z.array(CardView), 401: ProblemSchema },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply);
      return listAccountCards(ctx, auth.account.id);
    },
  );

  app.post(
    '/api/account/cards/bind',
    {
      config: perMinute(limits.signIn),
      schema: {
        tags: ['cards'],
        summary: '绑卡: bind a card of this organization (signed challenge as at sign-in)',
        body: BindCardBody,
        response: { 200: CardView, ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply);
      return bindCardToAccount(ctx, auth.account, request.body, request.ip);
    },
  );

  app.post(
    '/api/org/operators/card',
    {
      config: perMinute(limits.register * 3),
      schema: {
        tags: ['cards'],
        summary:
          '新增有卡操作员: the operator’s card proves itself; the account takes its holder and binds it',
        body: CreateCardOperatorBody,
        response: { 201: OperatorView, ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply);
      return reply.code(201).send(await registerCardOperator(ctx, auth, request.body, requestMeta(request)));
    },
  );

  app.post(
    '/api/account/real-name/card',
    {
      config: perMinute(limits.signIn),
      schema: {
        tags: ['cards'],
        summary: 'IC 卡认证 (实名认证 → 高): a card of the enterprise answers a challenge, as at sign-in',
        body: BindCardBody,
        response: { 200: RealNameView, ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply);
      return realNameByCard(ctx, auth.account, request.body, request.ip);
    },
  );

  app.post(
    '/api/account/cards/unbind',
    {
      schema: {
        tags: ['cards'],
        summary: '解绑: unbind the selected cards of this account',
        body: UnbindCardsBody,
        response: { 200: z.object({ unbound: z.number().int() }), ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply);
      return unbindAccountCards(ctx, auth.account, request.body.cardIds, request.ip);
    },
  );

  // staff console: 卡介质管理 ----------------------------------------------------------------

  app.get(
    '/api/console/cards',
    {
      schema: {
        tags: ['cards'],
        summary: 'Issued cards: search by card number, holder, organization; filter by status',
        querystring: CardListQuery,
        response: { 200: CardListResponse, ...problems },
      },
    },
    async (request, reply) => {
      await requirePlatformAdmin(ctx, request, reply);
      return listCards(ctx, request.query);
    },
  );

  app.post(
    '/api/console/cards',
    {
      schema: {
        tags: ['cards'],
        summary: 'Issue a card: certificate from the platform CA and a PIN-protected PKCS#12 file',
        body: IssueCardBody,
        response: { 201: StaffCardView, ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requirePlatformAdmin(ctx, request, reply);
      const { card } = await issueCard(ctx, request.body, { id: auth.account.id, ip: request.ip });
      return reply.code(201).send(presentStaffCard(card, ctx.crypto, ctx.clock.now()));
    },
  );

  app.get(
    '/api/console/cards/:id/pkcs12',
    {
      schema: {
        tags: ['cards'],
        summary: "The card's PKCS#12 file (.p12), opened with the PIN set at issuance",
        params: CardIdParams,
        response: { 200: z.any().describe('application/x-pkcs12'), ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requirePlatformAdmin(ctx, request, reply);
      const { cardNo, file } = await downloadCardFile(ctx, request.params.id, {
        id: auth.account.id,
        ip: request.ip,
      });
      return reply
        .type('application/x-pkcs12')
        .header('content-disposition', `attachment; filename="${cardNo}.p12"`)
        .header('cache-control', 'no-store')
        .send(file);
    },
  );

  app.post(
    '/api/console/cards/:id/revoke',
    {
      schema: {
        tags: ['cards'],
        summary: 'Revoke a card (it signs nothing in from now on)',
        params: CardIdParams,
        body: RevokeCardBody,
        response: { 200: StaffCardView, ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requirePlatformAdmin(ctx, request, reply);
      return revokeCardByStaff(ctx, request.params.id, request.body.reason, {
        id: auth.account.id,
        ip: request.ip,
      });
    },
  );
}
