import { z } from 'zod';
import { ACCOUNT_KINDS, ACCOUNT_STATUSES, ID_TYPES } from '../enums.ts';
import { isValidIdNumber } from '../validators/id-document.ts';
import { Username } from './accounts.ts';
import { Email, Mobile } from './auth.ts';
import { fieldIssue, text } from './common.ts';

/** Single-line text that also refuses markup. */
function plainText(max: number) {
  return text(max).refine((v) => !/[<>]/.test(v), fieldIssue('field.invalid'));
}

/** An account as the staff console sees it: personal numbers masked, never in full. */
export const ConsoleAccountView = z
  .object({
    id: z.uuid(),
    username: z.string(),
    kind: z.enum(ACCOUNT_KINDS),
    status: z.enum(ACCOUNT_STATUSES),
    name: z.string(),
    /** 部委用户: the department (ministry or commission) it represents */
    department: z.string().nullable(),
    idType: z.enum(ID_TYPES).nullable(),
    idNumberMasked: z.string().nullable(),
    mobileMasked: z.string().nullable(),
    emailMasked: z.string().nullable(),
    mustChangePassword: z.boolean(),
    createdAt: z.iso.datetime(),
    lastSignInAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ConsoleAccount' });
export type ConsoleAccountView = z.infer<typeof ConsoleAccountView>;

/** POST /api/console/department-users — 部委用户, created by staff. */
export const CreateDepartmentUserBody = z
  .strictObject({
    username: Username,
    name: plainText(50),
    department: plainText(100),
    mobile: Mobile,
    email: Email,
    idType: z.enum(ID_TYPES, fieldIssue('field.invalid')).optional(),
    idNumber: z.string().trim().toUpperCase().max(30, fieldIssue('field.too_long')).optional(),
  })
  .superRefine(
    (body, ctx) => {
      if (typeof body !== 'object' || body === null) return;
      const idType = body.idType && ID_TYPES.includes(body.idType) ? body.idType : null;
      const idNumber = typeof body.idNumber === 'string' && body.idNumber !== '' ? body.idNumber : null;
      if (idType && !idNumber) {
        ctx.addIssue({ code: 'custom', path: ['idNumber'], ...fieldIssue('field.required') });
      }
      if (idNumber && !body.idType) {
        ctx.addIssue({ code: 'custom', path: ['idType'], ...fieldIssue('field.required') });
      }
      if (idType && idNumber && !isValidIdNumber(idType, idNumber)) {
        ctx.addIssue({ code: 'custom', path: ['idNumber'], ...fieldIssue('field.id_number_invalid') });
      }
    },
    { when: () => true },
  );
export type CreateDepartmentUserBody = z.infer<typeof CreateDepartmentUserBody>;

export const DepartmentUserCreated = z
  .object({
    account: ConsoleAccountView,
    /** generated; shown to the staff member this once and never stored in the clear */
    initialPassword: z.string(),
  })
  .meta({ id: 'DepartmentUserCreated' });
export type DepartmentUserCreated = z.infer<typeof DepartmentUserCreated>;

const Cursor = z.string().max(200).optional();
const Limit = z.coerce.number().int().min(1).max(100).default(20);

/** GET /api/console/accounts — newest first; `q` matches username, name or department (or a whole mobile number). */
export const ConsoleAccountsQuery = z.strictObject({
  q: z.string().trim().max(64).optional(),
  kind: z.enum(ACCOUNT_KINDS).optional(),
  status: z.enum(ACCOUNT_STATUSES).optional(),
  cursor: Cursor,
  limit: Limit,
});
export type ConsoleAccountsQuery = z.input<typeof ConsoleAccountsQuery>;

export const ConsoleAccountPage = z
  .object({ items: z.array(ConsoleAccountView), nextCursor: z.string().nullable() })
  .meta({ id: 'ConsoleAccountPage' });
export type ConsoleAccountPage = z.infer<typeof ConsoleAccountPage>;

/** One locked sign-in identifier (账号解锁). `username` is set when an account has that name. */
export const LockoutView = z
  .object({
    /** handle for unlocking (a hash of the identifier) */
    id: z.string(),
    /** what was typed; masked when it is a mobile number, e-mail or ID number */
    identifier: z.string(),
    /** typed as a username, or as the mobile number of an account with 手机号登录 on */
    via: z.enum(['username', 'mobile']),
    accountId: z.uuid().nullable(),
    username: z.string().nullable(),
    failures: z.number().int(),
    lockedUntil: z.iso.datetime(),
  })
  .meta({ id: 'Lockout' });
export type LockoutView = z.infer<typeof LockoutView>;

/** Outcomes written to the sign-in log so far (password, mobile, passkey); the log may hold others later. */
export const SIGN_IN_OUTCOMES = [
  'success',
  'captcha_failed',
  'unknown_account',
  'bad_password',
  'locked',
  'not_active',
  'unknown_credential',
  'verification_failed',
  'challenge_expired',
] as const;

export const SIGN_IN_METHODS = ['password', 'passkey', 'mobile', 'card'] as const;

/** GET /api/console/sign-ins — 登录日志 search, newest first, keyset-paginated. */
export const SignInLogQuery = z
  .strictObject({
    /** prefix of the typed identifier or of the linked account's username, any case */
    identifier: z.string().trim().max(64).optional(),
    outcome: z
      .string()
      .regex(/^[a-z_]{1,40}$/)
      .optional(),
    method: z
      .string()
      .regex(/^[a-z_]{1,20}$/)
      .optional(),
    ip: z.string().trim().max(64).optional(),
    /** inclusive */
    from: z.iso.datetime({ offset: true }).optional(),
    /** exclusive */
    to: z.iso.datetime({ offset: true }).optional(),
    cursor: Cursor,
    limit: Limit,
  })
  .refine((q) => !q.from || !q.to || new Date(q.from) < new Date(q.to), {
    path: ['to'],
    ...fieldIssue('field.date_range_invalid'),
  });
export type SignInLogQuery = z.input<typeof SignInLogQuery>;

export const SignInLogEntry = z
  .object({
    id: z.uuid(),
    at: z.iso.datetime(),
    /** what was typed; masked when it is a mobile number, e-mail or ID number */
    identifier: z.string(),
    accountId: z.uuid().nullable(),
    username: z.string().nullable(),
    method: z.string(),
    outcome: z.string(),
    ip: z.string().nullable(),
    device: z.string(),
  })
  .meta({ id: 'SignInLogEntry' });
export type SignInLogEntry = z.infer<typeof SignInLogEntry>;

export const SignInLogPage = z
  .object({ items: z.array(SignInLogEntry), nextCursor: z.string().nullable() })
  .meta({ id: 'SignInLogPage' });
export type SignInLogPage = z.infer<typeof SignInLogPage>;
