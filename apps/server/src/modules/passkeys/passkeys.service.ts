import {
  generateRegistrationOptions,
  type RegistrationResponseJSON,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import type { AddPasskeyBody, PasskeyOptionsResponse, PasskeyView } from '@sw/contracts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { isUniqueViolation } from '../../lib/pg-errors.ts';
import { recordAudit } from '../audit/index.ts';
import type { AccountRow, RequestMeta } from '../identity/index.ts';
import { presentPasskey, transportsOf } from './passkeys.presenter.ts';
import {
  consumeChallenge,
  countPasskeysOfAccount,
  deleteExpiredChallenges,
  deletePasskey,
  findPasskeysOfAccount,
  insertChallenge,
  insertPasskey,
  lockAccountForPasskeys,
  renamePasskey,
} from './passkeys.repo.ts';

/** How long a ceremony may take, from options to the authenticator's answer. */
export const CHALLENGE_TTL_MS = 5 * 60_000;
/** Enough for a phone, a laptop, a security key and spares; a cap keeps the table bounded per account. */
export const MAX_PASSKEYS_PER_ACCOUNT = 10;
/** EdDSA, ES256, RS256: what authenticators in use offer. */
export const SUPPORTED_ALGORITHMS = [-8, -7, -257];

/** The WebAuthn user handle of an account: its id as UTF-8 (36 bytes, within the 64 allowed). */
export function userHandleOf(accountId: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(accountId);
}

/** A fresh single-use challenge row; challenges past their life are swept on the way. */
export async function issueChallenge(
  ctx: AppContext,
  challenge: string,
  purpose: 'register' | 'authenticate',
  accountId: string | null,
) {
  const now = ctx.clock.now();
  await deleteExpiredChallenges(ctx.db, now);
  return insertChallenge(ctx.db, {
    challenge,
    purpose,
    accountId,
    now,
    expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS),
  });
}

/** Step 1 of adding a passkey: options for `navigator.credentials.create()`. */
export async function startPasskeyRegistration(
  ctx: AppContext,
  account: AccountRow,
): Promise<PasskeyOptionsResponse> {
  const existing = await findPasskeysOfAccount(ctx.db, account.id);
  if (existing.length >= MAX_PASSKEYS_PER_ACCOUNT) throw new AppError('passkey.too_many', { status: 409 });
  const { rpId, rpName } = ctx.config.webauthn;
  const options = await generateRegistrationOptions({
    rpName,
    rpID: rpId,
    userName: account.username,
    userID: userHandleOf(account.id),
    userDisplayName: account.name,
    timeout: CHALLENGE_TTL_MS,
    attestationType: 'none',
    // an authenticator already holding one of this account's passkeys refuses to make another
    excludeCredentials: existing.map((p) => ({
      id: p.id,
      transports: transportsOf(p),
    })),
    // discoverable, so sign-in needs no username; verified, so the passkey alone is enough
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
    supportedAlgorithmIDs: SUPPORTED_ALGORITHMS,
  });
  const challengeId = await issueChallenge(ctx, options.challenge, 'register', account.id);
  // a plain copy: the contract's loose object type takes it whole
  return { challengeId, options: { ...options } };
}

/** Step 2: verify the new credential against the challenge and keep it under the given name. */
export async function finishPasskeyRegistration(
  ctx: AppContext,
  account: AccountRow,
  body: AddPasskeyBody,
  meta: RequestMeta,
): Promise<PasskeyView> {
  const now = ctx.clock.now();
  const challenge = await consumeChallenge(ctx.db, body.challengeId, 'register', account.id, now);
  if (!challenge) throw new AppError('passkey.challenge_expired', { status: 400 });

  const { rpId, origin } = ctx.config.webauthn;
  let verification: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
  try {
    verification = await verifyRegistrationResponse({
      response: body.credential as RegistrationResponseJSON,
      expectedChallenge: challenge,
      expectedOrigin: origin,
      expectedRPID: rpId,
      requireUserVerification: true,
      supportedAlgorithmIDs: SUPPORTED_ALGORITHMS,
    });
  } catch (cause) {
    throw new AppError('passkey.verification_failed', { status: 400, cause });
  }
  if (!verification.verified) throw new AppError('passkey.verification_failed', { status: 400 });
  const { credential, credentialDeviceType, credentialBackedUp } = verification.registrationInfo;
  // the id comes from the authenticator data; an absurdly long one is refused, not stored
  if (credential.id.length > 512) throw new AppError('passkey.verification_failed', { status: 400 });

  try {
    const row = await ctx.db.transaction(async (tx) => {
      await lockAccountForPasskeys(tx, account.id);
      if ((await countPasskeysOfAccount(tx, account.id)) >= MAX_PASSKEYS_PER_ACCOUNT) {
        throw new AppError('passkey.too_many', { status: 409 });
      }
      const inserted = await insertPasskey(tx, {
        id: credential.id,
        accountId: account.id,
        publicKey: Buffer.from(credential.publicKey).toString('base64url'),
        counter: credential.counter,
        transports: (body.credential.response.transports ?? []).join(',').slice(0, 200) || null,
        deviceType: credentialDeviceType,
        backedUp: credentialBackedUp,
        name: body.name,
        createdAt: now,
      });
      await recordAudit(tx, {
        actorId: account.id,
        action: 'passkey.add',
        targetType: 'account',
        targetId: account.id,
        detail: { credentialId: inserted.id, name: inserted.name },
        ip: meta.ip,
        at: now,
      });
      return inserted;
    });
    return presentPasskey(row);
  } catch (err) {
    // the same authenticator credential, added before by this or another account
    if (isUniqueViolation(err)) throw new AppError('passkey.already_registered', { status: 409, cause: err });
    throw err;
  }
}

export async function listPasskeys(ctx: AppContext, accountId: string): Promise<PasskeyView[]> {
  return (await findPasskeysOfAccount(ctx.db, accountId)).map(presentPasskey);
}

/** Renames one of the account's own passkeys; someone else's answers 404 like a missing one. */
export async function renameOwnPasskey(
  ctx: AppContext,
  accountId: string,
  id: string,
  name: string,
  meta: RequestMeta,
): Promise<PasskeyView> {
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const renamed = await renamePasskey(tx, accountId, id, name);
    if (!renamed) throw new AppError('request.not_found', { status: 404 });
    await recordAudit(tx, {
      actorId: accountId,
      action: 'passkey.rename',
      targetType: 'account',
      targetId: accountId,
      detail: { credentialId: id, name },
      ip: meta.ip,
      at: now,
    });
    return renamed;
  });
  return presentPasskey(row);
}

/** Removes one of the account's own passkeys; someone else's answers 404 and stays. */
export async function removeOwnPasskey(ctx: AppContext, accountId: string, id: string, meta: RequestMeta) {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const removed = await deletePasskey(tx, accountId, id);
    if (!removed) throw new AppError('request.not_found', { status: 404 });
    await recordAudit(tx, {
      actorId: accountId,
      action: 'passkey.remove',
      targetType: 'account',
      targetId: accountId,
      detail: { credentialId: id, name: removed.name },
      ip: meta.ip,
      at: now,
    });
  });
}
