/** seed 004 §1.2.2: 6–18 lowercase letters, or lowercase letters with digits (digits alone are refused). */
export function isValidUsername(v: string): boolean {
  return /^[a-z0-9]{6,18}$/.test(v) && /[a-z]/.test(v);
}

/** Usernames are unique regardless of case: compare and store the lower-cased form. */
export function normalizeUsername(v: string): string {
  return v.toLowerCase();
}

export type PasswordIssue = 'length' | 'classes' | 'charset';

const PASSWORD_MIN = 8;
const PASSWORD_MAX = 16;

/**
 * What keeps a password from the rule "8–16 characters, at least three of upper case, lower case, digits
 * and symbols". Only printable ASCII without space is allowed (anything else → 'charset').
 */
export function passwordStrengthIssues(v: string): PasswordIssue[] {
  const issues: PasswordIssue[] = [];
  const length = [...v].length;
  if (length < PASSWORD_MIN || length > PASSWORD_MAX) issues.push('length');
  const classes = [/[A-Z]/, /[a-z]/, /\d/, /[!-/:-@[-`{-~]/].filter((re) => re.test(v)).length;
  if (classes < 3) issues.push('classes');
  if (!/^[!-~]*$/.test(v)) issues.push('charset');
  return issues;
}

export function isStrongPassword(v: string): boolean {
  return passwordStrengthIssues(v).length === 0;
}
