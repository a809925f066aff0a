import type { AppContext } from '../../../context.ts';
import type { Db } from '../../../db/client.ts';
import { findApplicationById, readForm } from '../../casework/index.ts';
import { type AuthorityCertificate, AuthorityUnavailable, type CertAuthority } from './authority.ts';
import { authorityChanges, compareCertificate } from './comparison.ts';
import type { CertCheckView, CertForm } from './contract.ts';
import { type CertRecordRow, findRecord, updateRecord } from './records.ts';

/** The durable job that asks the issuing authority (retried with backoff while it does not answer). */
export const CHECK_JOB = 'cert-review.check';
/** An open application is asked again this long after an answer, so a later change shows. */
export const RECHECK_AFTER_MS = 60 * 60_000;

/** Writes the check job for an application (in the caller's transaction); returns its id. */
export function enqueueCheck(ctx: AppContext, tx: Db, applicationId: string): Promise<string> {
  return ctx.jobs.enqueue(tx, CHECK_JOB, { applicationId });
}

function authorityOf(
  ctx: AppContext,
  record: Pick<CertRecordRow, 'authorityEnc'>,
): AuthorityCertificate | null {
  return record.authorityEnc
    ? (JSON.parse(ctx.crypto.decrypt(record.authorityEnc)) as AuthorityCertificate)
    : null;
}

/**
 * One check: asks the authority for the certificate the application declares and stores the
 * answer with its outcome. A later answer that differs from the stored one keeps the earlier one
 * beside it (the reviewer sees what changed). The authority not answering leaves the application
 * 未核查 and throws, so the job is retried.
 */
export async function runCheck(ctx: AppContext, authority: CertAuthority, applicationId: string) {
  const record = await findRecord(ctx.db, applicationId);
  const application = await findApplicationById(ctx.db, applicationId);
  if (!record || !application) return;
  const form = readForm(ctx, application) as CertForm;
  const now = ctx.clock.now();
  let answer: AuthorityCertificate | null;
  try {
    answer = await authority.lookup(form.certType, form.certNo);
  } catch (err) {
    if (!(err instanceof AuthorityUnavailable)) throw err;
    await updateRecord(ctx.db, applicationId, {
      // an earlier answer stays valid; only a certificate never answered for is 未核查
      checkStatus: record.checkStatus === 'done' ? 'done' : 'unavailable',
      checkAttempts: record.checkAttempts + 1,
      // besides the job's own retries, the timer asks again while the application is open
      nextCheckAt: application.decidedAt === null ? new Date(now.getTime() + RECHECK_AFTER_MS) : null,
    });
    throw err;
  }
  const { outcome } = compareCertificate(form, answer);
  const previous = authorityOf(ctx, record);
  let changed = false;
  if (record.checkStatus === 'done') {
    if ((previous === null) !== (answer === null)) changed = true;
    else if (previous && answer) changed = authorityChanges(previous, answer).length > 0;
  }
  const open = application.decidedAt === null;
  await updateRecord(ctx.db, applicationId, {
    checkStatus: 'done',
    checkOutcome: outcome,
    authorityEnc: answer ? ctx.crypto.encrypt(JSON.stringify(answer)) : null,
    ...(changed ? { authorityBeforeEnc: record.authorityEnc, authorityChangedAt: now } : {}),
    checkedAt: now,
    checkAttempts: record.checkAttempts + 1,
    nextCheckAt: open ? new Date(now.getTime() + RECHECK_AFTER_MS) : null,
  });
  if (changed)
    ctx.log.info({ service: 'cert-review', applicationId, outcome }, 'issuing authority data changed');
}

/** The reviewer's view of the check: status, suggestion, field-by-field rows, later changes. */
export function presentCheck(
  ctx: AppContext,
  authority: CertAuthority,
  record: CertRecordRow,
  form: CertForm,
): CertCheckView {
  const answer = authorityOf(ctx, record);
  const before = record.authorityBeforeEnc
    ? (JSON.parse(ctx.crypto.decrypt(record.authorityBeforeEnc)) as AuthorityCertificate)
    : null;
  const done = record.checkStatus === 'done';
  const { rows } = compareCertificate(form, done ? answer : null);
  let changes: CertCheckView['changes'] = [];
  if (before && answer) changes = authorityChanges(before, answer);
  else if (record.authorityChangedAt && before && !answer)
    changes = [{ path: 'certNo', label: rows[0]!.label, before: before.certNo, after: '' }];
  return {
    status: record.checkStatus as CertCheckView['status'],
    outcome: done ? (record.checkOutcome as CertCheckView['outcome']) : null,
    checkedAt: record.checkedAt?.toISOString() ?? null,
    attempts: record.checkAttempts,
    nextAttemptAt: record.nextCheckAt?.toISOString() ?? null,
    rows: done ? rows : rows.map((row) => ({ ...row, authority: null, same: false })),
    changes,
    changedAt: record.authorityChangedAt?.toISOString() ?? null,
    simulated: authority.isSimulator,
  };
}
