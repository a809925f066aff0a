import type { AccountKind, CardSignInBody, OrganizationKind } from '@sw/contracts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { isUniqueViolation } from '../../lib/pg-errors.ts';
import { recordAudit } from '../audit/index.ts';
import {
  type AccountRow,
  findOperatorByIdentity,
  findOrganizationAdmin,
  findOrganizationByOrgCode,
  getAccountById,
  insertAccount,
  insertOrganization,
  insertSignInAudit,
  type RequestMeta,
  recordSuccessfulSignIn,
  refreshAccountSessions,
  revokeSessionsOfAccount,
  startSession,
} from '../identity/index.ts';
import {
  CardProofError,
  type CheckedProof,
  checkCardProof,
  spendCheckedChallenge,
  spentChallengeRow,
  sweepChallenges,
  withSpentChallenge,
} from './card-proof.ts';
import {
  bindCard,
  type CardRow,
  findLiveCardsOfAccount,
  getCardById,
  lockOrganizationCode,
  spendChallengeForSignIn,
  unbindCards,
} from './pki.repo.ts';

/** Statuses a card may sign in to: an inactive account does everything with its card (seed 004 §3.1). */
const CARD_SIGN_IN_STATUSES = new Set<AccountRow['status']>(['active', 'inactive']);

function adminKindOf(kind: OrganizationKind): AccountKind {
  switch (kind) {
    case 'enterprise':
      return 'enterprise_admin';
    case 'institution':
      return 'institution_admin';
    case 'overseas':
      return 'overseas';
    default: {
      const unreachable: never = kind;
      throw new Error(`unknown organization kind ${String(unreachable)}`);
    }
  }
}

export type CardSignInOutcome = {
  account: AccountRow;
  /** what the rules did: for the audit trail and the tests */
  steps: string[];
};

type RuleContext = {
  ctx: AppContext;
  tx: Db;
  card: CardRow;
  now: Date;
  confirmOverride: boolean;
  ip: string;
};

/** Accounts the rules create have no password: they are `inactive` until activated with the card. */
async function createCardAccount(
  r: RuleContext,
  values: Pick<AccountRow, 'username' | 'kind' | 'name' | 'organizationId'> &
    Partial<Pick<AccountRow, 'idType' | 'idNumberEnc' | 'idNumberBidx'>>,
) {
  const account = await insertAccount(r.tx, {
    ...values,
    status: 'inactive',
    passwordHash: null,
    createdAt: r.now,
    updatedAt: r.now,
  });
  await recordAudit(r.tx, {
    actorId: account.id,
    action: 'card.auto_register',
    targetType: 'account',
    targetId: account.id,
    detail: { cardNo: r.card.cardNo, username: account.username, kind: account.kind },
    ip: r.ip,
    at: r.now,
  });
  return account;
}

async function bind(r: RuleContext, account: AccountRow, action = 'card.bind') {
  const bound = await bindCard(r.tx, r.card.id, account.id, r.now);
  // the card row is locked by the organization lock and was unbound a moment ago
  if (!bound) throw new AppError('card.bound_elsewhere', { status: 409 });
  await recordAudit(r.tx, {
    actorId: account.id,
    action,
    targetType: 'card',
    targetId: r.card.id,
    detail: { cardNo: r.card.cardNo, username: account.username },
    ip: r.ip,
    at: r.now,
  });
}

function assertMaySignIn(account: AccountRow) {
  if (!CARD_SIGN_IN_STATUSES.has(account.status))
    throw new AppError('auth.account_disabled', { status: 403 });
}

/**
 * The manual's rules (seed 004 重要提醒, §1.2.1.1, §3.1 账号激活) for a card not yet bound, inside
 * the caller's transaction and under the organization-code lock:
 * 1. legal-person card, no administrator → the organization if missing, and `<卡号>_ADMIN`;
 * 2. legal-person card, administrator → bind to it; if another (live) card is bound, only on
 *    confirmation (被冒用), which unbinds that card and signs the administrator out elsewhere;
 * 3. operator card, no administrator → `<卡号>_ADMIN` and operator `<卡号>`;
 * 4. operator card, administrator → the operator with the card holder's ID, or operator `<卡号>`.
 * Created accounts are inactive and have no password.
 */
async function applyCardRules(r: RuleContext): Promise<CardSignInOutcome> {
  const { card, tx, ctx } = r;
  const steps: string[] = [];
  let org = await findOrganizationByOrgCode(tx, card.orgCode);
  if (!org) {
    const holderIdNumber = card.role === 'legal_person' ? ctx.crypto.decrypt(card.holderIdNumberEnc) : null;
    org = await insertOrganization(tx, {
      kind: 'enterprise',
      creditCode: card.creditCode,
      orgCode: card.orgCode,
      name: card.orgName,
      // the legal-person card's holder is the legal representative
      legalRepName: card.role === 'legal_person' ? card.holderName : null,
      legalRepIdType: card.role === 'legal_person' ? card.holderIdType : null,
      legalRepIdNumberEnc: holderIdNumber ? ctx.crypto.encrypt(holderIdNumber) : null,
      legalRepIdNumberBidx: holderIdNumber ? card.holderIdNumberBidx : null,
      source: 'card',
      createdAt: r.now,
      updatedAt: r.now,
    });
    steps.push('organization_created');
  }
  let admin = await findOrganizationAdmin(tx, org.id);

  if (card.role === 'legal_person') {
    if (!admin) {
      admin = await createCardAccount(r, {
        username: `${card.cardNo}_ADMIN`,
        kind: adminKindOf(org.kind),
        name: card.holderName,
        organizationId: org.id,
        idType: card.holderIdType,
        idNumberEnc: card.holderIdNumberEnc,
        idNumberBidx: card.holderIdNumberBidx,
      });
      steps.push('admin_created');
    } else {
      assertMaySignIn(admin);
      const others = (await findLiveCardsOfAccount(tx, admin.id)).filter((c) => c.id !== card.id);
      if (others.length > 0) {
        if (!r.confirmOverride) throw new AppError('card.override_required', { status: 409 });
        await unbindCards(
          tx,
          admin.id,
          others.map((c) => c.id),
        );
        // whoever used the replaced card is signed out
        await revokeSessionsOfAccount(tx, admin.id, r.now);
        await recordAudit(tx, {
          actorId: admin.id,
          action: 'card.override',
          targetType: 'account',
          targetId: admin.id,
          detail: { replaced: others.map((c) => c.cardNo), by: card.cardNo },
          ip: r.ip,
          at: r.now,
        });
        steps.push('override');
      }
    }
    await bind(r, admin);
    steps.push('bound_admin');
    return { account: admin, steps };
  }

  if (!admin) {
    admin = await createCardAccount(r, {
      username: `${card.cardNo}_ADMIN`,
      kind: adminKindOf(org.kind),
      name: org.name,
      organizationId: org.id,
    });
    steps.push('admin_created');
  }
  let operator = await findOperatorByIdentity(tx, org.id, card.holderIdType, card.holderIdNumberBidx);
  if (operator) {
    assertMaySignIn(operator);
  } else {
    operator = await createCardAccount(r, {
      username: card.cardNo,
      kind: 'enterprise_operator',
      name: card.holderName,
      organizationId: org.id,
      idType: card.holderIdType,
      idNumberEnc: card.holderIdNumberEnc,
      idNumberBidx: card.holderIdNumberBidx,
    });
    steps.push('operator_created');
  }
  await bind(r, operator);
  steps.push('bound_operator');
  return { account: operator, steps };
}

/** Unique indexes a concurrent writer (another instance, or a registration) may win: try again, the winner is then visible. */
const RETRYABLE = new Set(['organizations_org_code_uq', 'accounts_org_admin_uq', 'accounts_operator_id_uq']);

/**
 * The common case: the card is bound, so it signs straight into its account. No lock; one
 * transaction of two statements (challenge spent + last sign-in + audit row, then the session).
 */
async function signInBoundCard(
  ctx: AppContext,
  checked: CheckedProof,
  account: AccountRow,
  meta: RequestMeta,
  audit: (outcome: string, identifier: string, accountId: string | null) => Promise<void>,
) {
  const { card } = checked;
  try {
    if (!CARD_SIGN_IN_STATUSES.has(account.status)) {
      await spendCheckedChallenge(ctx, ctx.db, checked.challenge);
      throw new AppError('auth.account_disabled', { status: 403 });
    }
    const now = ctx.clock.now();
    const session = await ctx.db.transaction(async (tx) => {
      const spent = await spendChallengeForSignIn(tx, spentChallengeRow(ctx, checked.challenge), {
        accountId: account.id,
        identifier: card.cardNo,
        ip: meta.ip,
        userAgent: meta.userAgent?.slice(0, 400) ?? null,
      });
      if (!spent) throw new CardProofError('card.challenge_used', 400, { cardNo: card.cardNo });
      return startSession({ ...ctx, db: tx }, account.id, 'card', meta);
    });
    await sweepChallenges(ctx);
    return { account: { ...account, lastSignInAt: now }, steps: ['bound'], ...session };
  } catch (err) {
    if (err instanceof AppError) {
      const why = err.code === 'auth.account_disabled' ? 'not_active' : err.code.replace(/^card\./, '');
      await audit(why, card.cardNo, account.id);
    }
    throw err;
  }
}

/**
 * 卡介质登录 (seed 004 §2.2). Checks the card's signed challenge, then either signs straight into
 * the account the card is bound to, or applies the auto-registration and binding rules. The
 * challenge, organization, accounts, binding, session and audit row commit in one transaction.
 */
export async function signInWithCard(ctx: AppContext, body: CardSignInBody, meta: RequestMeta) {
  const auditRow = (outcome: string, identifier: string, accountId: string | null) => ({
    accountId,
    identifier: identifier.slice(0, 64),
    method: 'card',
    outcome: outcome.slice(0, 40),
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 400) ?? null,
    at: ctx.clock.now(),
  });
  const audit = (outcome: string, identifier: string, accountId: string | null) =>
    insertSignInAudit(ctx.db, auditRow(outcome, identifier, accountId));

  let checked: CheckedProof;
  try {
    checked = await checkCardProof(ctx, body);
  } catch (err) {
    if (err instanceof CardProofError) {
      await audit(err.code.replace(/^card\./, ''), err.cardNo ?? err.serial ?? 'card', null);
    }
    throw err;
  }
  const { card } = checked;
  if (checked.account) return signInBoundCard(ctx, checked, checked.account, meta, audit);

  for (let attempt = 0; ; attempt++) {
    try {
      const outcome = await withSpentChallenge(ctx, checked, async (tx) => {
        const now = ctx.clock.now();
        let result: CardSignInOutcome;
        await lockOrganizationCode(tx, card.orgCode);
        // under the lock: another sign-in of this card may have bound it meanwhile
        const fresh = (await getCardById(tx, card.id))!;
        const boundMeanwhile = fresh.accountId ? await getAccountById(tx, fresh.accountId) : undefined;
        if (boundMeanwhile) {
          assertMaySignIn(boundMeanwhile);
          result = { account: boundMeanwhile, steps: ['bound'] };
        } else {
          result = await applyCardRules({
            ctx,
            tx,
            card: fresh,
            now,
            confirmOverride: body.confirmOverride === true,
            ip: meta.ip,
          });
        }
        const session = await startSession({ ...ctx, db: tx }, result.account.id, 'card', meta);
        await recordSuccessfulSignIn(tx, result.account.id, now);
        await insertSignInAudit(tx, auditRow('success', card.cardNo, result.account.id));
        return { ...result, account: { ...result.account, lastSignInAt: now }, ...session };
      });
      if (outcome.steps.includes('override')) await refreshAccountSessions(ctx, outcome.account.id);
      return outcome;
    } catch (err) {
      const constraint = isUniqueViolation(err);
      if (constraint && RETRYABLE.has(constraint) && attempt < 2) continue;
      // a conflict that retrying cannot settle: the challenge is spent like any other refusal
      if (constraint) await spendCheckedChallenge(ctx, ctx.db, checked.challenge);
      if (constraint === 'organizations_credit_code_uq') {
        await audit('organization_conflict', card.cardNo, null);
        throw new AppError('card.organization_conflict', { status: 409 });
      }
      if (constraint === 'accounts_username_lower_uq') {
        await audit('username_conflict', card.cardNo, null);
        throw new AppError('card.username_conflict', { status: 409 });
      }
      if (err instanceof AppError) {
        const why = err.code === 'auth.account_disabled' ? 'not_active' : err.code.replace(/^card\./, '');
        await audit(why, card.cardNo, card.accountId);
      }
      throw err;
    }
  }
}
