import type { Db } from '../../../db/client.ts';
import { AppError } from '../../../http/app-error.ts';
import { findLatestApplicationOf } from '../../casework/index.ts';

/**
 * Why an account in `pending_review` cannot sign in yet (seed 001 §2.5: after approval only):
 * its registration is under review until the due date, or it was returned for correction.
 * Only ever told to someone who gave the account's correct password.
 */
export async function registrationReviewProblem(db: Db, accountId: string): Promise<AppError> {
  const application = await findLatestApplicationOf(db, accountId, 'enterprise-registration');
  if (application?.status === 'rejected') return new AppError('auth.registration_returned', { status: 403 });
  if (application?.status === 'pending' && application.dueAt)
    return new AppError('auth.registration_under_review', {
      status: 403,
      extensions: { dueAt: application.dueAt.toISOString() },
    });
  return new AppError('auth.account_disabled', { status: 403 });
}
