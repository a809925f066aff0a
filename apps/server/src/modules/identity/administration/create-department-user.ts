import type { CreateDepartmentUserBody, DepartmentUserCreated } from '@sw/contracts';
import type { AppContext } from '../../../context.ts';
import { fieldError } from '../../../http/app-error.ts';
import { isUniqueViolation } from '../../../lib/pg-errors.ts';
import { recordAudit } from '../../audit/index.ts';
import { type AccountRow, findAccountByUsername, insertAccount } from '../identity.repo.ts';
import { hashPassword } from '../passwords.ts';
import type { RequestMeta } from '../sessions.ts';
import { authorize } from './console-accounts.policy.ts';
import { presentConsoleAccount } from './console-accounts.presenter.ts';
import { generateInitialPassword } from './initial-password.ts';

function normalizeIdNumber(v: string) {
  return v
    .trim()
    .toUpperCase()
    .replace(/[()（）\s-]/g, '');
}

/**
 * 部委用户 (seed 004 §1.1): created by staff, never self-registered. The account gets a random
 * initial password, returned this once for the staff member to hand over, and must change it at
 * first sign-in. Contact details are sealed like every other account's.
 */
export async function createDepartmentUser(
  ctx: AppContext,
  actor: AccountRow,
  body: CreateDepartmentUserBody,
  meta: RequestMeta,
): Promise<DepartmentUserCreated> {
  authorize(actor, 'account.create_department_user');
  if (await findAccountByUsername(ctx.db, body.username)) {
    throw fieldError('username', 'account.username_taken', 409);
  }
  const initialPassword = generateInitialPassword();
  const passwordHash = await hashPassword(initialPassword);
  const email = body.email.trim().toLowerCase();
  const idNumber = body.idType && body.idNumber ? normalizeIdNumber(body.idNumber) : null;
  const now = ctx.clock.now();
  try {
    const account = await ctx.db.transaction(async (tx) => {
      const created = await insertAccount(tx, {
        username: body.username,
        kind: 'department',
        status: 'active',
        name: body.name,
        department: body.department,
        idType: idNumber ? body.idType : null,
        idNumberEnc: idNumber ? ctx.crypto.encrypt(idNumber) : null,
        idNumberBidx: idNumber ? ctx.crypto.blindIndex(`id:${body.idType}`, idNumber) : null,
        mobileEnc: ctx.crypto.encrypt(body.mobile),
        mobileBidx: ctx.crypto.blindIndex('mobile', body.mobile),
        emailEnc: ctx.crypto.encrypt(email),
        emailBidx: ctx.crypto.blindIndex('email', email),
        passwordHash,
        mustChangePassword: true,
        createdBy: actor.id,
        createdAt: now,
        updatedAt: now,
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'account.create_department_user',
        targetType: 'account',
        targetId: created.id,
        detail: { username: created.username, department: created.department },
        ip: meta.ip,
        at: now,
      });
      return created;
    });
    return { account: presentConsoleAccount(account, ctx.crypto), initialPassword };
  } catch (err) {
    // another request took the username between the check and the insert
    if (isUniqueViolation(err) === 'accounts_username_lower_uq') {
      throw fieldError('username', 'account.username_taken', 409);
    }
    throw err;
  }
}
