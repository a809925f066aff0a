import { SafetyCertificateOutlined } from '@ant-design/icons';
import { HUB_STEP_UP_MINUTES } from '@sw/contracts';
import { Alert } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FaceCheckPanel } from '../../../components/face-check/face-check-panel';
import { useSession } from '../../../hooks/use-session';
import { describeError } from '../../../lib/api-client';
import { useStepUp } from '../api/hub-api';

/** Whether the session's face check still opens personal data; re-renders when it runs out. */
export function useSteppedUp(): boolean {
  const { data: session } = useSession();
  const until = session?.stepUpUntil ? Date.parse(session.stepUpUntil) : 0;
  const [, tick] = useState(0);
  useEffect(() => {
    const left = until - Date.now();
    if (left <= 0) return;
    const timer = window.setTimeout(() => tick((n) => n + 1), left + 50);
    return () => window.clearTimeout(timer);
  }, [until]);
  return until > Date.now();
}

/**
 * Personal data behind a face check (seed 003 温馨提示 2: 「只有通过人脸识别验证后，才能查询所有
 * 个人信息」): the children show only within five minutes of one; otherwise the check is offered.
 */
export function StepUpGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const steppedUp = useSteppedUp();
  const stepUp = useStepUp();
  if (steppedUp) return <>{children}</>;
  return (
    <section className="sw-hub-section sw-hub-stepup" aria-labelledby="hub-stepup-title">
      <SafetyCertificateOutlined className="sw-hub-stepup__icon" aria-hidden="true" />
      <h2 id="hub-stepup-title">{t('hub.stepUp.title')}</h2>
      <p>{t('hub.stepUp.why', { minutes: HUB_STEP_UP_MINUTES })}</p>
      {stepUp.isError ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={describeError(stepUp.error)}
          className="sw-form-alert"
        />
      ) : null}
      <FaceCheckPanel
        purpose="step_up"
        startLabel={t('hub.stepUp.start')}
        onPassed={async (id) => {
          await stepUp.mutateAsync(id);
        }}
      />
    </section>
  );
}
