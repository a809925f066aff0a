import {
  isValidCreditCode,
  maskIdNumber,
  maskMobile,
  maskName,
  normalizeOrgCode,
  orgCodeOfCreditCode,
  type RecoveryIdentity,
  type UsernameRecoveryKind,
} from '@sw/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { accounts } from '../../db/schema/identity.ts';
import { recordAudit } from '../audit/index.ts';
import { notify } from '../messaging/index.ts';
import { retireActionTokens } from './action-tokens.ts';
import {
  type AccountRow,
  clearSignInFailures,
  findAccountByUsername,
  getAccountById,
  revokeSessionsOfAccount,
} from './identity.repo.ts';
import type { OrganizationRow } from './organizations/organization.presenter.ts';
import {
  findOrganizationByCreditCode,
  findOrganizationByOrgCode,
  getOrganizationById,
} from './organizations/organization.repo.ts';
import { sameText } from './recovery-flow.ts';
import { refreshAccountSessions } from './sessions.ts';

/*
 * 人工资料审核 (seed 004 §2.3.1.3, §2.3.3.3, §2.4): what a reviewer needs to decide a claim made
 * without signing in — which accounts the claim may be about, and fact by fact whether the claim
 * agrees with what those accounts and their organizations record — and what an approved password
 * reset changes. The casework service `account-recovery` holds the application, the uploads and
 * the decision; this module keeps the accounts. Nothing here answers the person who claims: only
 * staff see it.
 */

export type ManualRecoveryClaim = {
  purpose: 'username' | 'password';
  accountType: UsernameRecoveryKind;
  username?: string | undefined;
  mobile: string;
  enterpriseName?: string | undefined;
  /** 统一社会信用代码 or 组织机构代码 */
  enterpriseCode?: string | undefined;
  legalRep?: RecoveryIdentity | undefined;
  person?: RecoveryIdentity | undefined;
};

/** One fact of the claim beside the record: the record's value masked, null when it has none. */
export type ClaimCheck = {
  field:
    | 'accountType'
    | 'enterpriseName'
    | 'enterpriseCode'
    | 'legalRep.name'
    | 'legalRep.idNumber'
    | 'legalRep.validity'
    | 'person.name'
    | 'person.idNumber'
    | 'person.validity'
    | 'mobile';
  onRecord: string | null;
  same: boolean;
};

export type RecoveryCandidate = {
  accountId: string;
  username: string;
  kind: AccountRow['kind'];
  status: AccountRow['status'];
  checks: ClaimCheck[];
  /** every fact the claim gives agrees with the record */
  allSame: boolean;
};

const ADMIN_KINDS = ['enterprise_admin', 'institution_admin'] as const;
/** the kinds 找回用户名 / 忘记密码 by manual review serve (staff and departments are reset by admins) */
const KIND_OF_TYPE: Record<UsernameRecoveryKind, readonly AccountRow['kind'][]> = {
  enterprise_admin: ADMIN_KINDS,
  enterprise_operator: ['enterprise_operator'],
  individual: ['individual'],
};

async function organizationOf(db: Db, code: string | undefined): Promise<OrganizationRow | undefined> {
  if (!code) return undefined;
  const upper = code.trim().toUpperCase();
  if (isValidCreditCode(upper)) {
    return (
      (await findOrganizationByCreditCode(db, upper)) ??
      (await findOrganizationByOrgCode(db, orgCodeOfCreditCode(upper)))
    );
  }
  return findOrganizationByOrgCode(db, normalizeOrgCode(upper));
}

type Identity = {
  name: string | null;
  idType: string | null;
  idNumberBidx: string | null;
  idValidFrom: string | null;
  idValidTo: string | null;
};

function identityChecks(
  ctx: AppContext,
  prefix: 'legalRep' | 'person',
  record: Identity | undefined,
  claim: RecoveryIdentity,
  idNumberOnRecord: string | null,
): ClaimCheck[] {
  const validity = record?.idValidFrom ? `${record.idValidFrom}–${record.idValidTo ?? ''}` : null;
  return [
    {
      field: `${prefix}.name`,
      onRecord: record?.name ? maskName(record.name) : null,
      same: sameText(record?.name ?? null, claim.name),
    },
    {
      field: `${prefix}.idNumber`,
      onRecord: idNumberOnRecord ? maskIdNumber(idNumberOnRecord) : null,
      same:
        !!record?.idNumberBidx &&
        record.idType === claim.idType &&
        record.idNumberBidx === ctx.crypto.blindIndex(`id:${claim.idType}`, claim.idNumber),
    },
    {
      field: `${prefix}.validity`,
      onRecord: validity,
      // validity where the record has it (some registrations did not ask for it)
      same:
        (record?.idValidFrom ?? null) === null ||
        (record?.idValidFrom === claim.idValidFrom && (record?.idValidTo ?? null) === claim.idValidTo),
    },
  ];
}

function decryptOrNull(ctx: AppContext, sealed: string | null): string | null {
  return sealed ? ctx.crypto.decrypt(sealed) : null;
}

function checksOf(
  ctx: AppContext,
  claim: ManualRecoveryClaim,
  account: AccountRow,
  organization: OrganizationRow | undefined,
): ClaimCheck[] {
  const checks: ClaimCheck[] = [
    {
      field: 'accountType',
      onRecord: account.kind,
      same: KIND_OF_TYPE[claim.accountType].includes(account.kind),
    },
  ];
  if (claim.enterpriseName !== undefined || claim.enterpriseCode !== undefined) {
    checks.push(
      {
        field: 'enterpriseName',
        onRecord: organization?.name ?? null,
        same: sameText(organization?.name ?? null, claim.enterpriseName ?? ''),
      },
      {
        field: 'enterpriseCode',
        onRecord: organization ? (organization.creditCode ?? organization.orgCode) : null,
        same:
          !!organization &&
          !!claim.enterpriseCode &&
          [organization.creditCode, organization.orgCode].includes(
            isValidCreditCode(claim.enterpriseCode.toUpperCase())
              ? claim.enterpriseCode.toUpperCase()
              : normalizeOrgCode(claim.enterpriseCode.toUpperCase()),
          ),
      },
    );
  }
  if (claim.legalRep) {
    const legalRep: Identity | undefined = organization
      ? {
          name: organization.legalRepName,
          idType: organization.legalRepIdType,
          idNumberBidx: organization.legalRepIdNumberBidx,
          idValidFrom: organization.legalRepIdValidFrom,
          idValidTo: organization.legalRepIdValidTo,
        }
      : undefined;
    checks.push(
      ...identityChecks(
        ctx,
        'legalRep',
        legalRep,
        claim.legalRep,
        decryptOrNull(ctx, organization?.legalRepIdNumberEnc ?? null),
      ),
    );
  }
  if (claim.person) {
    checks.push(
      ...identityChecks(ctx, 'person', account, claim.person, decryptOrNull(ctx, account.idNumberEnc)),
    );
  }
  const mobile = decryptOrNull(ctx, account.mobileEnc);
  checks.push({
    field: 'mobile',
    onRecord: mobile ? maskMobile(mobile) : null,
    // not required: 「该手机号可以不是要找回账号绑定的手机号」 — but the reviewer should know
    same: !!account.mobileBidx && account.mobileBidx === ctx.crypto.blindIndex('mobile', claim.mobile),
  });
  return checks;
}

/**
 * The accounts a claim may be about, each with its facts checked: for a password, the account of
 * the username given; for a username, the enterprise's administrator (an 经办人 may claim for it),
 * the enterprise's operator with the identity given, or the individual with it.
 */
export async function findRecoveryCandidates(
  ctx: AppContext,
  db: Db,
  claim: ManualRecoveryClaim,
): Promise<RecoveryCandidate[]> {
  const organization = await organizationOf(db, claim.enterpriseCode);
  let found: AccountRow[] = [];
  if (claim.purpose === 'password') {
    const account = claim.username ? await findAccountByUsername(db, claim.username) : undefined;
    if (account && account.kind !== 'staff') found = [account];
  } else if (claim.accountType === 'enterprise_admin') {
    found = organization
      ? await db
          .select()
          .from(accounts)
          .where(and(eq(accounts.organizationId, organization.id), inArray(accounts.kind, [...ADMIN_KINDS])))
      : [];
  } else if (claim.person) {
    const kind = claim.accountType;
    if (kind === 'individual' || organization) {
      found = await db
        .select()
        .from(accounts)
        .where(
          and(
            eq(accounts.kind, kind),
            eq(accounts.idType, claim.person.idType),
            eq(
              accounts.idNumberBidx,
              ctx.crypto.blindIndex(`id:${claim.person.idType}`, claim.person.idNumber),
            ),
            ...(kind === 'enterprise_operator' && organization
              ? [eq(accounts.organizationId, organization.id)]
              : []),
          ),
        );
    }
  }
  const live = found.filter((a) => a.deletedAt === null);
  const agentMayClaim = claim.purpose === 'username' && claim.accountType === 'enterprise_admin';
  const result: RecoveryCandidate[] = [];
  for (const account of live) {
    const org =
      account.organizationId && account.organizationId !== organization?.id
        ? await getOrganizationById(db, account.organizationId)
        : organization;
    const checks = checksOf(ctx, claim, account, org);
    result.push({
      accountId: account.id,
      username: account.username,
      kind: account.kind,
      status: account.status,
      checks,
      // the mobile may be another one (the manual allows it); an administrator's username may be
      // claimed by an 经办人, whose own identity the reviewer checks against the scans only
      allSame: checks.every(
        (c) => c.same || c.field === 'mobile' || (agentMayClaim && c.field.startsWith('person.')),
      ),
    });
  }
  return result.sort((a, b) => a.username.localeCompare(b.username));
}

/**
 * An approved password reset (人工资料审核): the password chosen at submission (hashed then) takes
 * effect, every session ends, a lock is lifted, and the account is told by e-mail and SMS.
 */
export async function applyReviewedPassword(
  ctx: AppContext,
  tx: Db,
  input: {
    accountId: string;
    passwordHash: string;
    reviewerId: string | null;
    applicationNumber: string;
    at: Date;
  },
): Promise<AccountRow> {
  const account = await getAccountById(tx, input.accountId);
  if (!account || account.kind === 'staff' || account.deletedAt !== null)
    throw new Error('reviewed password for an account that cannot take it');
  await tx
    .update(accounts)
    .set({ passwordHash: input.passwordHash, mustChangePassword: false, updatedAt: input.at })
    .where(eq(accounts.id, account.id));
  await retireActionTokens(tx, { purpose: 'password_reset', accountId: account.id }, input.at);
  await revokeSessionsOfAccount(tx, account.id, input.at);
  await clearSignInFailures(tx, account.username.toLowerCase());
  await recordAudit(tx, {
    actorId: input.reviewerId,
    action: 'account.password_reset_by_review',
    targetType: 'account',
    targetId: account.id,
    detail: { number: input.applicationNumber },
    at: input.at,
  });
  await notify(ctx, tx, {
    accountId: account.id,
    template: 'password-recovery.reset',
    params: { username: account.username },
    channels: ['email', 'sms'],
    category: 'security',
  });
  return account;
}

/** After the decision's commit: cached sessions of the account end on every instance. */
export async function forgetReviewedAccountSessions(ctx: AppContext, accountId: string): Promise<void> {
  await refreshAccountSessions(ctx, accountId);
}
