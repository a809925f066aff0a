// The tamper-evident audit chains (issue 9 §7): the sealer that appends seals, and the check
// behind `npm run audit:verify`. recordAudit (audit.repo.ts) writes the rows themselves.
export { AUDIT_CHAINS, type AuditChain, type ChainName } from './chain.ts';
export {
  SEAL_LOOKBACK,
  type SealOptions,
  type SealResult,
  sealAuditChains,
  startAuditSealer,
} from './sealer.ts';
export type { PendingRows } from './seals.repo.ts';
export {
  type AuditVerification,
  type BreakReason,
  type ChainBreak,
  type ChainReport,
  verifyAuditChains,
} from './verify.ts';
