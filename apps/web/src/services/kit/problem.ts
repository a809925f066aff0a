import type { Problem } from '@sw/contracts';
import type { FormInstance } from 'antd';
import { applyProblemToForm } from '../../lib/api-client';

/**
 * Puts a submission's field errors next to the fields of a service's form: the engine names form
 * fields `form.<path>` and attachment slots `attachments.<slot>`; the form names them `<path>`
 * and `['attachments', slot]`. True when any field took an error.
 */
// biome-ignore lint/suspicious/noExplicitAny: a form of any value shape; only field names are used.
export function applyFormProblem(form: FormInstance<any>, problem: Problem): boolean {
  return applyProblemToForm(form, {
    ...problem,
    errors: problem.errors?.map((e) => ({ ...e, path: e.path.replace(/^form\./, '') })),
  });
}
