import {
  type AuthenticationResponseJSON,
  generateAuthenticationOptions,
  verifyAuthenticationResponse,
} from '@simplewebauthn/server';
import type { PasskeyOptionsResponse, PasskeySignInBody } from '@sw/contracts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import {
  getAccountById,
  insertSignInAudit,
  type RequestMeta,
  startSignedInSession,
} from '../identity/index.ts';
import { transportsOf } from './passkeys.presenter.ts';
import { advancePasskeyCounter, consumeChallenge, findPasskeyById } from './passkeys.repo.ts';
import { CHALLENGE_TTL_MS, issueChallenge } from './passkeys.service.ts';

type Outcome = 'success' | 'challenge_expired' | 'unknown_credential' | 'verification_failed' | 'not_active';

/** Options for `navigator.credentials.get()` with no allow-list: the authenticator offers its passkeys for us. */
export async function startPasskeySignIn(ctx: AppContext): Promise<PasskeyOptionsResponse> {
  const options = await generateAuthenticationOptions({
    rpID: ctx.config.webauthn.rpId,
    userVerification: 'required',
    timeout: CHALLENGE_TTL_MS,
  });
  const challengeId = await issueChallenge(ctx, options.challenge, 'authenticate', null);
  // a plain copy: the contract's loose object type takes it whole
  return { challengeId, options: { ...options } };
}

/**
 * Sign-in with a discoverable passkey. The challenge is spent first, whatever follows; every
 * attempt is audited. Wrong-password lockout does not apply: a passkey cannot be guessed, and a
 * lock someone provoked on a username must not keep its owner from signing in with a passkey.
 */
export async function signInWithPasskey(ctx: AppContext, body: PasskeySignInBody, meta: RequestMeta) {
  const now = ctx.clock.now();
  const response = body.credential;
  const passkey = await findPasskeyById(ctx.db, response.id);
  const account = passkey ? await getAccountById(ctx.db, passkey.accountId) : undefined;
  // nothing is typed: the log names the account when the passkey is known, else the credential
  const identifier = account ? account.username.toLowerCase() : `passkey:${response.id.slice(0, 48)}`;
  const audit = (outcome: Outcome) =>
    insertSignInAudit(ctx.db, {
      accountId: account?.id ?? null,
      identifier,
      method: 'passkey',
      outcome,
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 400) ?? null,
      at: ctx.clock.now(),
    });

  const challenge = await consumeChallenge(ctx.db, body.challengeId, 'authenticate', null, now);
  if (!challenge) {
    await audit('challenge_expired');
    throw new AppError('passkey.challenge_expired', { status: 400 });
  }
  if (!passkey || !account) {
    await audit('unknown_credential');
    throw new AppError('passkey.unknown_credential', { status: 401 });
  }

  const { rpId, origin } = ctx.config.webauthn;
  let newCounter: number | null = null;
  try {
    const result = await verifyAuthenticationResponse({
      response: response as AuthenticationResponseJSON,
      expectedChallenge: challenge,
      expectedOrigin: origin,
      expectedRPID: rpId,
      credential: {
        id: passkey.id,
        publicKey: new Uint8Array(Buffer.from(passkey.publicKey, 'base64url')),
        counter: passkey.counter,
        transports: transportsOf(passkey),
      },
      requireUserVerification: true,
    });
    if (result.verified) newCounter = result.authenticationInfo.newCounter;
  } catch {
    // a bad signature, origin, RP ID, flag or a counter that went backwards: all one answer
  }
  // a discoverable credential names its user; it must be the account the credential belongs to
  const userHandle = response.response.userHandle;
  const handleMatches = !userHandle || Buffer.from(userHandle, 'base64url').toString('utf8') === account.id;
  const accepted =
    newCounter !== null &&
    handleMatches &&
    (await advancePasskeyCounter(ctx.db, passkey.id, newCounter, now));
  if (!accepted) {
    await audit('verification_failed');
    throw new AppError('passkey.verification_failed', { status: 401 });
  }
  if (account.status !== 'active') {
    await audit('not_active');
    throw new AppError('auth.account_disabled', { status: 403 });
  }

  // session, last sign-in and the success audit row in one statement
  const session = await startSignedInSession(ctx, account.id, 'passkey', meta, identifier);
  return { account: { ...account, lastSignInAt: ctx.clock.now() }, ...session };
}
