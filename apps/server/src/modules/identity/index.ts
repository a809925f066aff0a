// The identity module as other modules see it: only what is exported here may be imported.

export { createOperator } from './account-settings.ts';
export { consumeActionToken, findLiveActionToken, issueActionToken } from './action-tokens.ts';
export {
  type Auth,
  getAuth,
  requestMeta,
  requireAuth,
  requireBusinessAccount,
  sessionCookieOf,
  setSessionCookie,
} from './auth.ts';
export { verifyCaptcha } from './captcha.service.ts';
export { requireStepUp, stepUpUntil } from './hub-devices.ts';
export { presentAccount } from './identity.presenter.ts';
export {
  type AccountRow,
  accountNameSql,
  accountUsernameSql,
  activateInactiveAccount,
  activatePendingAccount,
  activatePendingRegistration,
  countAccountsByKind,
  countSignInsSince,
  findAccountByUsername,
  findAccountNames,
  findOperatorByIdentity,
  findOrganizationAdmin,
  getAccountById,
  insertAccount,
  insertSignInAudit,
  lockAccount,
  type NewAccountRow,
  recordSuccessfulSignIn,
  revokeSessionsOfAccount,
  revokeSessionsOfAccountByMethod,
  signInRecordSql,
  updateAccount,
} from './identity.repo.ts';
export {
  applyReviewedPassword,
  type ClaimCheck,
  findRecoveryCandidates,
  forgetReviewedAccountSessions,
  type ManualRecoveryClaim,
  type RecoveryCandidate,
} from './manual-recovery.ts';
export { setCardHolderLookup } from './operators.ts';
export {
  activatePendingOrganization,
  findOrganizationByCreditCode,
  findOrganizationByOrgCode,
  getOrganizationById,
  insertOrganization,
  updateOrganization,
} from './organizations/organization.repo.ts';
export { checkOneTimeCode, consumeCheckedCode, sendOneTimeCode, startOfChinaDay } from './otp.service.ts';
export { hashPassword } from './passwords.ts';
export { offersRealNameMethod, raiseRealNameIn, realNameAfterRaise } from './real-name.ts';
export { countVerification } from './recovery-flow.ts';
export { registerIndividual } from './register-individual.ts';
export {
  endSession,
  type RequestMeta,
  refreshAccountSessions,
  startSession,
  startSignedInSession,
} from './sessions.ts';
export { explainPendingReviewWith } from './sign-in.ts';
export { requirePlatformAdmin, requireStaff, type StaffAuth } from './staff-auth.ts';
export {
  ALL_SERVICES,
  dutiesFor,
  dutiesOfService,
  findServiceStaff,
  findServiceStaffMembers,
  grantStaffRole,
  loadStaffGrants,
  registerRoleService,
  type StaffGrants,
  type StaffRole,
  type WorkflowRole,
  workflowRolesFor,
} from './staff-roles.ts';
