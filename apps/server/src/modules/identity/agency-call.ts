import type { AppContext } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { withAgencyTimeout } from '../../integrations/identity-check.ts';
import { recordAudit } from '../audit/index.ts';
import type { RequestMeta } from './sessions.ts';

/**
 * One call to an agency adapter: timed out as 503 `agency.unavailable`, and audited (`agency.call`)
 * with the adapter, the operation, what it answered and how long it took — whatever the outcome.
 */
export async function callAgency<T>(
  ctx: AppContext,
  call: {
    adapter: string;
    operation: string;
    /** null for an anonymous caller (找回用户名 before the account is known) */
    actorId: string | null;
    target: { type: string; id: string | null };
    meta: RequestMeta;
    /** how the answer is recorded (default: the answer itself, for string answers) */
    outcomeOf?: (result: T) => string;
  },
  work: () => Promise<T>,
): Promise<T> {
  const started = performance.now();
  let outcome = 'error';
  try {
    const result = await withAgencyTimeout(work());
    outcome = call.outcomeOf ? call.outcomeOf(result) : String(result);
    return result;
  } catch (error) {
    if (error instanceof AppError) outcome = error.code;
    throw error;
  } finally {
    await recordAudit(ctx.db, {
      actorId: call.actorId,
      action: 'agency.call',
      targetType: call.target.type,
      targetId: call.target.id,
      detail: {
        adapter: call.adapter,
        operation: call.operation,
        outcome,
        ms: Math.round(performance.now() - started),
      },
      ip: call.meta.ip,
      at: ctx.clock.now(),
    });
  }
}
