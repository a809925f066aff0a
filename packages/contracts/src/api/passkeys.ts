import { z } from 'zod';
import { fieldIssue, text } from './common.ts';

/** base64url without padding, as WebAuthn JSON carries binary fields. */
function base64url(max: number) {
  return z
    .string()
    .max(max, fieldIssue('field.too_long'))
    .regex(/^[A-Za-z0-9_-]*$/, fieldIssue('field.invalid'));
}

/** A credential ID as the browser reports it (base64url); also the handle of a passkey in the API. */
export const PasskeyId = base64url(512).min(1, fieldIssue('field.required'));

/** What the person calls a passkey ("办公室电脑", "我的手机"). */
export const PasskeyName = text(32);

/** One passkey in 「通行密钥」; the public key never leaves the server. */
export const PasskeyView = z
  .object({
    id: z.string(),
    name: z.string(),
    /** `singleDevice` (a security key, a device-bound key) or `multiDevice` (synced by a password manager) */
    deviceType: z.string().nullable(),
    backedUp: z.boolean(),
    transports: z.array(z.string()),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Passkey' });
export type PasskeyView = z.infer<typeof PasskeyView>;

/**
 * `PublicKeyCredentialCreationOptionsJSON` / `…RequestOptionsJSON` as @simplewebauthn/server builds
 * them and @simplewebauthn/browser takes them: passed through whole.
 */
const CeremonyOptions = z.looseObject({ challenge: z.string(), timeout: z.number().optional() });

/** POST /api/account/passkeys/options and POST /api/auth/passkey/options. */
export const PasskeyOptionsResponse = z
  .object({
    /** names the single-use challenge; send it back with the authenticator's response */
    challengeId: z.uuid(),
    options: CeremonyOptions,
  })
  .meta({ id: 'PasskeyOptions' });
export type PasskeyOptionsResponse = z.infer<typeof PasskeyOptionsResponse>;

const ClientExtensionResults = z.record(z.string(), z.unknown());

/** `RegistrationResponseJSON` (WebAuthn Level 3 `toJSON()` of a created credential). */
export const RegistrationCredential = z.object({
  id: PasskeyId,
  rawId: PasskeyId,
  type: z.literal('public-key'),
  response: z.object({
    clientDataJSON: base64url(4096),
    attestationObject: base64url(65_536),
    authenticatorData: base64url(65_536).optional(),
    transports: z.array(z.string().max(20)).max(10).optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: base64url(4096).optional(),
  }),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  clientExtensionResults: ClientExtensionResults,
});

/** `AuthenticationResponseJSON` (an assertion). */
export const AuthenticationCredential = z.object({
  id: PasskeyId,
  rawId: PasskeyId,
  type: z.literal('public-key'),
  response: z.object({
    clientDataJSON: base64url(4096),
    authenticatorData: base64url(4096),
    signature: base64url(2048),
    userHandle: base64url(512).optional(),
  }),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  clientExtensionResults: ClientExtensionResults,
});

/** POST /api/account/passkeys — finish adding a passkey to the signed-in account. */
export const AddPasskeyBody = z.strictObject({
  challengeId: z.uuid(fieldIssue('passkey.challenge_expired')),
  name: PasskeyName,
  credential: RegistrationCredential,
});
export type AddPasskeyBody = z.infer<typeof AddPasskeyBody>;

/** PATCH /api/account/passkeys/:id */
export const RenamePasskeyBody = z.strictObject({ name: PasskeyName });
export type RenamePasskeyBody = z.infer<typeof RenamePasskeyBody>;

/** POST /api/auth/passkey — sign in with a discoverable passkey (no username typed). */
export const PasskeySignInBody = z.strictObject({
  challengeId: z.uuid(fieldIssue('passkey.challenge_expired')),
  credential: AuthenticationCredential,
});
export type PasskeySignInBody = z.infer<typeof PasskeySignInBody>;
