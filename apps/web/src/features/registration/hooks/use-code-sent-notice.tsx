import type { SendCodeResponse } from '@sw/contracts';
import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

const DEFAULT_OUTBOX = '/dev/outbox';

/** Tells the user a code is on its way and, in local mode, where the simulator put it. */
export function useCodeSentNotice() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return useCallback(
    (response: SendCodeResponse) => {
      const minutes = Math.max(1, Math.round(response.expiresIn / 60));
      void message.success(t('individual.codeSent', { minutes }));
      if (response.simulator !== undefined) {
        const href = response.simulator.startsWith('/') ? response.simulator : DEFAULT_OUTBOX;
        void message.info({
          duration: 8,
          content: (
            <span>
              {t('individual.codeSentSimulator')} {/* A new tab keeps the half-filled form as it is. */}
              <a href={href} target="_blank" rel="noopener">
                {t('banner.outboxLink')}
              </a>
            </span>
          ),
        });
      }
    },
    [message, t],
  );
}
