import {
  type ConsoleAccountView,
  isValidEmail,
  isValidMobile,
  type LockoutView,
  maskEmail,
  maskIdNumber,
  maskMobile,
  type SignInLogEntry,
} from '@sw/contracts';
import type { FieldCrypto } from '../../../lib/crypto.ts';
import { sha256Hex } from '../../../lib/crypto.ts';
import { describeUserAgent } from '../../../lib/user-agent.ts';
import type { AccountRow } from '../identity.repo.ts';

function reveal(crypto: FieldCrypto, sealed: string | null, mask: (v: string) => string): string | null {
  return sealed ? mask(crypto.decrypt(sealed)) : null;
}

/** An account for staff: who it is and its state; personal numbers masked. */
export function presentConsoleAccount(row: AccountRow, crypto: FieldCrypto): ConsoleAccountView {
  return {
    id: row.id,
    username: row.username,
    kind: row.kind,
    status: row.status,
    name: row.name,
    department: row.department,
    idType: row.idType,
    idNumberMasked: reveal(crypto, row.idNumberEnc, maskIdNumber),
    mobileMasked: reveal(crypto, row.mobileEnc, maskMobile),
    emailMasked: reveal(crypto, row.emailEnc, maskEmail),
    mustChangePassword: row.mustChangePassword,
    createdAt: row.createdAt.toISOString(),
    lastSignInAt: row.lastSignInAt ? row.lastSignInAt.toISOString() : null,
  };
}

const ID_NUMBER_LIKE = /^(\d{15}|\d{17}[\dx])$/i;

/**
 * A typed sign-in identifier as staff may see it: people sometimes type their mobile number,
 * e-mail or ID number into the username box, and those are never shown in full.
 */
export function presentIdentifier(identifier: string): string {
  if (isValidMobile(identifier)) return maskMobile(identifier);
  if (identifier.includes('@') && isValidEmail(identifier)) return maskEmail(identifier);
  if (ID_NUMBER_LIKE.test(identifier)) return maskIdNumber(identifier);
  return identifier;
}

/** The public handle of a locked identifier: its SHA-256, so the identifier itself need not travel. */
export function lockoutHandle(identifier: string): string {
  return sha256Hex(identifier);
}

export function presentLockout(
  row: {
    identifier: string;
    failures: number;
    lockedUntil: Date | null;
    accountId: string | null;
    username: string | null;
    mobileEnc: string | null;
  },
  crypto: FieldCrypto,
  threshold: number,
): LockoutView {
  // sign-in by mobile locks `m:<blind index>`: show the account's number, masked, when it is known
  const byMobile = row.identifier.startsWith('m:');
  const shown = byMobile
    ? (reveal(crypto, row.accountId ? row.mobileEnc : null, maskMobile) ?? `${row.identifier.slice(0, 10)}…`)
    : presentIdentifier(row.identifier);
  return {
    id: lockoutHandle(row.identifier),
    identifier: shown,
    via: byMobile ? 'mobile' : 'username',
    accountId: row.accountId,
    username: row.username,
    // attempts refused while locked are counted too (the lock check and the count are one step);
    // the failures that locked it are at most the threshold
    failures: Math.min(row.failures, threshold),
    lockedUntil: (row.lockedUntil ?? new Date(0)).toISOString(),
  };
}

export function presentSignIn(row: {
  entry: {
    id: string;
    at: Date;
    identifier: string;
    accountId: string | null;
    method: string;
    outcome: string;
    ip: string | null;
    userAgent: string | null;
  };
  username: string | null;
}): SignInLogEntry {
  const e = row.entry;
  return {
    id: e.id,
    at: e.at.toISOString(),
    // a card number is not a personal number, and may look like one
    identifier: e.method === 'card' ? e.identifier : presentIdentifier(e.identifier),
    accountId: e.accountId,
    username: row.username,
    method: e.method,
    outcome: e.outcome,
    ip: e.ip,
    device: describeUserAgent(e.userAgent),
  };
}
