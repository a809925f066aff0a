import { randomInt } from 'node:crypto';
import { isStrongPassword } from '@sw/contracts';

// no look-alikes (I l 1, O 0 o): the password is read off a screen and typed by someone else
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const DIGITS = '23456789';
const SYMBOLS = '@#$%&*+=?!';
const ALL = UPPER + LOWER + DIGITS + SYMBOLS;

const pick = (set: string) => set[randomInt(set.length)]!;

/**
 * A random initial password for an account staff create: 12 characters, at least one of each
 * class (so it passes the password rule), from the CSPRNG. About 74 bits.
 */
export function generateInitialPassword(length = 12): string {
  const chars = [pick(UPPER), pick(LOWER), pick(DIGITS), pick(SYMBOLS)];
  while (chars.length < length) chars.push(pick(ALL));
  // Fisher–Yates, so the guaranteed classes do not sit at fixed places
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  const password = chars.join('');
  if (!isStrongPassword(password)) throw new Error('generated password fails the password rule');
  return password;
}
