// The tamper-evident audit chains (issue 9 §7): the sealer that appends seals, and the check
// behind `npm run audit:verify`. recordAudit (audit.repo.ts) writes the rows themselves.
export { auditInsertSql, recordAudit } from './audit.repo.ts';
export { AUDIT_CHAINS, type ChainName } from './chain.ts';
export { sealAuditChains, startAuditSealer } from './sealer.ts';
export { type AuditVerification, type ChainReport, verifyAuditChains } from './verify.ts';
