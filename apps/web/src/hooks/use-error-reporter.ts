import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { applyProblemToForm, describeError, isApiError, type ProblemFormOptions } from '../lib/api-client';
import { useLocale } from './use-locale';

/**
 * Shows a failed request to the user: field errors next to the form fields when a form is given
 * and any field matches, otherwise one toast with the translated problem.
 */
export function useErrorReporter() {
  const { message } = App.useApp();
  const locale = useLocale();
  return useCallback(
    // biome-ignore lint/suspicious/noExplicitAny: any form shape; only field names are used.
    (error: unknown, form?: FormInstance<any>, options?: ProblemFormOptions) => {
      if (form && isApiError(error) && applyProblemToForm(form, error.problem, locale, options)) return;
      void message.error(describeError(error, locale));
    },
    [message, locale],
  );
}
