import { randomBytes, type X509Certificate } from 'node:crypto';
import type { CardChallengeResponse, CardProof, ErrorCode } from '@sw/contracts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import type { AccountRow } from '../identity/index.ts';
import { type LoadedAuthority, loadAuthority } from './authority.ts';
import { isIssuedBy, pemToDer, readCertificate, validityAt, verifyCardSignature } from './certificates.ts';
import { type CardRow, deleteChallengesExpiredBefore, findCardBySerial, spendChallenge } from './pki.repo.ts';

/** How long a challenge may wait for the card's signature. */
export const CHALLENGE_TTL_MS = 2 * 60_000;
/** Instances' clocks may differ a little; a challenge "from the future" by more than this is refused. */
const CLOCK_SKEW_MS = 5_000;
/** Spent challenges are swept every this many sign-ins (per process), keeping the table small. */
const SWEEP_EVERY = 1000;
let spentSinceSweep = 0;

/**
 * A UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. The challenge id carries
 * its own issue time, so issuing a challenge writes nothing.
 */
export function uuidV7(ms: number): string {
  const b = randomBytes(16);
  b.writeUIntBE(ms, 0, 6);
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The issue time (Unix ms) a challenge id carries; null for anything but a UUIDv7. */
export function issuedAtOf(id: string): number | null {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i.test(id)
    ? Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16)
    : null;
}

/**
 * What the card signs. It names the platform and the purpose, so a card signature made for
 * anything else (a document, a seal) can never pass as a sign-in, and vice versa. The nonce is
 * a keyed hash of the id: only this platform can say which message belongs to an id.
 */
function challengeMessage(ctx: AppContext, id: string): string {
  return `single-window:card-auth:v1:${id}:${ctx.crypto.hashSecret('card-challenge', id)}`;
}

/**
 * A challenge for the card to sign. Stateless: the id holds the time and the message is derived
 * from the id with the platform secret (so any instance can check it); single use is enforced
 * when it is spent (`spendChallenge`, a unique insert).
 */
export function createCardChallenge(ctx: AppContext): CardChallengeResponse {
  const now = ctx.clock.now().getTime();
  const id = uuidV7(now);
  return {
    id,
    message: challengeMessage(ctx, id),
    expiresAt: new Date(now + CHALLENGE_TTL_MS).toISOString(),
  };
}

/** A refused card proof: the code, and what the audit log calls the card. */
export class CardProofError extends AppError {
  readonly serial: string | null;
  readonly cardNo: string | null;
  constructor(
    code: ErrorCode,
    status: number,
    card: { serial?: string | null; cardNo?: string | null } = {},
  ) {
    super(code, { status });
    this.serial = card.serial ?? null;
    this.cardNo = card.cardNo ?? null;
  }
}

export type CheckedChallenge = { id: string; issuedAt: Date; expiresAt: Date };
export type CheckedProof = { card: CardRow; account: AccountRow | null; challenge: CheckedChallenge };

/** The row that marks a challenge used. */
export function spentChallengeRow(ctx: AppContext, challenge: CheckedChallenge) {
  return {
    id: challenge.id,
    nonce: ctx.crypto.hashSecret('card-challenge', challenge.id).slice(0, 64),
    createdAt: challenge.issuedAt,
    expiresAt: challenge.expiresAt,
    usedAt: ctx.clock.now(),
  };
}

type VerifiedCertificate = { x509: X509Certificate; serial: string; fromAuthority: boolean };
const CERTIFICATE_CACHE_SIZE = 5000;
const verifiedByAuthority = new WeakMap<LoadedAuthority, Map<string, VerifiedCertificate>>();

/**
 * Parsing a certificate and checking the CA's signature on it are the dearest steps of a card
 * sign-in, and their answer for the same bytes never changes: remembered per authority for the
 * last few thousand certificates (validity, which depends on the time, is checked every time).
 */
function verifyAgainstAuthority(text: string, authority: LoadedAuthority): VerifiedCertificate | null {
  let cache = verifiedByAuthority.get(authority);
  if (!cache) {
    cache = new Map();
    verifiedByAuthority.set(authority, cache);
  }
  const hit = cache.get(text);
  if (hit) return hit;
  const x509 = readCertificate(text);
  if (!x509) return null;
  const verified = {
    x509,
    serial: x509.serialNumber.toUpperCase(),
    fromAuthority: isIssuedBy(x509, authority.x509),
  };
  if (cache.size >= CERTIFICATE_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(text, verified);
  return verified;
}

/**
 * Marks the challenge used, in the caller's transaction: false when it already was (a replay).
 * The caller's writes and the spending commit together.
 */
export async function spendCheckedChallenge(
  ctx: AppContext,
  db: Db,
  challenge: CheckedChallenge,
): Promise<boolean> {
  return spendChallenge(db, spentChallengeRow(ctx, challenge));
}

/**
 * Every so many spent challenges, the long-expired ones go (they can never be replayed anyway).
 * Call it outside transactions: it uses its own statement.
 */
export async function sweepChallenges(ctx: AppContext) {
  if (++spentSinceSweep < SWEEP_EVERY) return;
  spentSinceSweep = 0;
  await deleteChallengesExpiredBefore(ctx.db, new Date(ctx.clock.now().getTime() - 10 * 60_000));
}

/**
 * Checks a card's answer to a challenge without writing anything: a well-formed certificate,
 * issued by the platform CA, inside its validity period; a challenge of ours, not older than two
 * minutes; the signature over its message by the certificate's key; a certificate we issued as a
 * card (serial and exact bytes), not revoked. Each failure has its own code, and a failure after
 * the challenge was recognised spends it, so it cannot be tried again.
 */
export async function checkCardProof(ctx: AppContext, proof: CardProof): Promise<CheckedProof> {
  const authority = await loadAuthority(ctx);
  const verified = verifyAgainstAuthority(proof.certificate, authority);
  if (!verified) throw new CardProofError('card.certificate_malformed', 400);
  const { x509: cert, serial } = verified;
  if (!verified.fromAuthority) throw new CardProofError('card.foreign_ca', 401, { serial });
  const now = ctx.clock.now();
  const validity = validityAt(cert, now);
  if (validity === 'expired') throw new CardProofError('card.certificate_expired', 401, { serial });
  if (validity === 'not_yet_valid')
    throw new CardProofError('card.certificate_not_yet_valid', 401, { serial });

  const issuedAt = issuedAtOf(proof.challengeId);
  const age = issuedAt === null ? Number.POSITIVE_INFINITY : now.getTime() - issuedAt;
  if (age > CHALLENGE_TTL_MS || age < -CLOCK_SKEW_MS) {
    throw new CardProofError('card.challenge_expired', 400, { serial });
  }
  const challenge = {
    id: proof.challengeId.toLowerCase(),
    issuedAt: new Date(issuedAt!),
    expiresAt: new Date(issuedAt! + CHALLENGE_TTL_MS),
  };
  const refuse = async (code: ErrorCode, cardNo?: string) => {
    const fresh = await spendCheckedChallenge(ctx, ctx.db, challenge);
    // a replay is named as such whatever else is wrong with it
    throw new CardProofError(fresh ? code : 'card.challenge_used', fresh ? 401 : 400, {
      serial,
      cardNo: cardNo ?? null,
    });
  };
  if (!verifyCardSignature(cert, challengeMessage(ctx, challenge.id), proof.signature)) {
    return refuse('card.signature_invalid');
  }
  const found = await findCardBySerial(ctx.db, serial);
  if (!found || !pemToDer(found.card.certificatePem).equals(cert.raw)) return refuse('card.unknown');
  if (found.card.revokedAt) return refuse('card.revoked', found.card.cardNo);
  return { card: found.card, account: found.account, challenge };
}

/**
 * Runs `work` in one transaction with the challenge spent first (a replay ends it with
 * `card.challenge_used`). When `work` refuses (an AppError: a 409 asking for confirmation, a
 * disabled account…), the challenge is spent all the same, so the answer needs a fresh one.
 */
export async function withSpentChallenge<T>(
  ctx: AppContext,
  checked: CheckedProof,
  work: (tx: Db) => Promise<T>,
): Promise<T> {
  try {
    const result = await ctx.db.transaction(async (tx) => {
      if (!(await spendCheckedChallenge(ctx, tx, checked.challenge))) {
        throw new CardProofError('card.challenge_used', 400, { cardNo: checked.card.cardNo });
      }
      return work(tx);
    });
    await sweepChallenges(ctx);
    return result;
  } catch (err) {
    if (err instanceof AppError && err.code !== 'card.challenge_used') {
      await spendCheckedChallenge(ctx, ctx.db, checked.challenge);
    }
    throw err;
  }
}
