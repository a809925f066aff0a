import {
  AddPasskeyBody,
  PasskeyId,
  PasskeyOptionsResponse,
  PasskeySignInBody,
  PasskeyView,
  ProblemSchema,
  RenamePasskeyBody,
  SessionResponse,
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
  setSessionCookie,
} from '../identity/index.ts';
import {
  finishPasskeyRegistration,
  listPasskeys,
  removeOwnPasskey,
  renameOwnPasskey,
  startPasskeyRegistration,
} from './passkeys.service.ts';
import { signInWithPasskey, startPasskeySignIn } from './sign-in-with-passkey.ts';

const problems = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
  429: ProblemSchema,
};

const IdParams = z.strictObject({ id: PasskeyId });

/** 通行密钥: passkeys (WebAuthn) in the account centre, and sign-in with one. */
export async function passkeyRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const perMinute = { rateLimit: { max: ctx.config.rateLimits.signIn, timeWindow: '1 minute' } };

  app.get(
    '/api/account/passkeys',
    {
      schema: {
        tags: ['passkeys'],
        summary: "The signed-in account's passkeys",
        response: { 200: z.array(PasskeyView), 401: ProblemSchema },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply);
      return listPasskeys(ctx, auth.account.id);
    },
  );

  app.post(
    '/api/account/passkeys/options',
    {
      config: perMinute,
      schema: {
        tags: ['passkeys'],
        summary: 'Start adding a passkey: options for navigator.credentials.create()',
        response: { 200: PasskeyOptionsResponse, ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply);
      return startPasskeyRegistration(ctx, auth.account);
    },
  );

  app.post(
    '/api/account/passkeys',
    {
      config: perMinute,
      schema: {
        tags: ['passkeys'],
        summary: "Finish adding a passkey: the authenticator's attestation, verified and kept",
        body: AddPasskeyBody,
        response: { 201: PasskeyView, ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply);
      const added = await finishPasskeyRegistration(ctx, auth.account, request.body, requestMeta(request));
      return reply.code(201).send(added);
    },
  );

  app.patch(
    '/api/account/passkeys/:id',
    {
      schema: {
        tags: ['passkeys'],
        summary: 'Rename one of your passkeys',
        params: IdParams,
        body: RenamePasskeyBody,
        response: { 200: PasskeyView, ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply);
      return renameOwnPasskey(
        ctx,
        auth.account.id,
        request.params.id,
        request.body.name,
        requestMeta(request),
      );
    },
  );

  app.delete(
    '/api/account/passkeys/:id',
    {
      schema: {
        tags: ['passkeys'],
        summary: 'Remove one of your passkeys',
        params: IdParams,
        response: { 204: z.null(), ...problems },
      },
    },
    async (request, reply) => {
      const auth = await requireAuth(ctx, request, reply);
      await removeOwnPasskey(ctx, auth.account.id, request.params.id, requestMeta(request));
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/auth/passkey/options',
    {
      config: perMinute,
      schema: {
        tags: ['session'],
        summary: 'Start signing in with a passkey (discoverable: no username)',
        response: { 200: PasskeyOptionsResponse, 403: ProblemSchema, 429: ProblemSchema },
      },
    },
    async () => startPasskeySignIn(ctx),
  );

  app.post(
    '/api/auth/passkey',
    {
      config: perMinute,
      schema: {
        tags: ['session'],
        summary: "Sign in with a passkey: the authenticator's assertion",
        body: PasskeySignInBody,
        response: { 200: SessionResponse, ...problems },
      },
    },
    async (request, reply) => {
      // rotation: a sign-in always gets a new token; any session this browser had ends
      const previous = await getAuth(ctx, request);
      const result = await signInWithPasskey(ctx, request.body, requestMeta(request));
      if (previous) await endSession(ctx, previous.token);
      setSessionCookie(ctx, request, reply, result.token);
      return {
        account: presentAccount(result.account, ctx.crypto),
        method: 'passkey',
        expiresAt: result.expiresAt.toISOString(),
      };
    },
  );
}
