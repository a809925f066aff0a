import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorReporter } from '../../../hooks/use-error-reporter';
import { isApiError } from '../../../lib/api-client';

/**
 * What a failed console step tells the user. A version conflict (someone else acted first) is
 * said plainly — the detail reloads by itself (useApplicationStep) so the current state shows;
 * anything else is the problem's own message, next to the form's fields when they match.
 */
export function useStepError() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useErrorReporter();
  return useCallback(
    // biome-ignore lint/suspicious/noExplicitAny: any form shape; only field names are used.
    (error: unknown, form?: FormInstance<any>) => {
      if (isApiError(error) && error.code === 'casework.version_conflict') {
        void message.warning(t('casework.detail.conflict'), 6);
        return;
      }
      report(error, form);
    },
    [message, report, t],
  );
}
