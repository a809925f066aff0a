import type { FaceCheckView, StartFaceCheckBody } from '@sw/contracts';
import { Alert, Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../hooks/use-locale';
import { apiClient, describeError } from '../../lib/api-client';

type Props = {
  purpose: StartFaceCheckBody['purpose'];
  /** called with the id of a check the provider says passed */
  onPassed: (faceCheckId: string) => Promise<void> | void;
  /**
   * A check started elsewhere (the hub's face sign-in: no session yet, the bound phone proves the
   * person). The simulator's control route is then `simulatorPath(id)`, and the outcome is left to
   * `onPassed`, whose server call reads it from the provider and refuses a check that did not pass.
   */
  flow?: { start: () => Promise<FaceCheckView>; simulatorPath: (id: string) => string };
  /** the start button's text (人脸识别 by default) */
  startLabel?: string;
};

/**
 * 人脸识别: starts a face check and shows its liveness challenge in a camera-style frame. With the
 * simulator the frame is labelled as such and a tester chooses what the camera saw; the outcome is
 * then read back from the server (never trusted from the page).
 */
export function FaceCheckPanel({ purpose, onPassed, flow, startLabel }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [check, setCheck] = useState<FaceCheckView | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const start = async () => {
    setBusy(true);
    setFailure(null);
    try {
      setCheck(
        flow ? await flow.start() : await apiClient.post<FaceCheckView>('/api/face-checks', { purpose }),
      );
    } catch (error) {
      setFailure(describeError(error, locale));
    } finally {
      setBusy(false);
    }
  };

  const decide = async (outcome: 'passed' | 'failed' | 'mismatch') => {
    if (!check) return;
    setBusy(true);
    try {
      await apiClient.post<null>(
        flow ? flow.simulatorPath(check.id) : `/api/dev/face-checks/${check.id}/decide`,
        { outcome },
      );
      if (flow) await onPassed(check.id);
      else {
        const result = await apiClient.get<FaceCheckView>(`/api/face-checks/${check.id}`);
        if (result.status === 'passed') await onPassed(check.id);
        else setFailure(t('realName.face.failed'));
      }
      setCheck(null);
    } catch (error) {
      setFailure(describeError(error, locale));
      setCheck(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="sw-face">
      {failure ? (
        <Alert className="sw-form-alert" type="error" showIcon title={failure} role="alert" />
      ) : null}
      {check ? (
        <section className="sw-face__camera" aria-label={t('realName.face.title')}>
          <div className="sw-face__frame" aria-hidden="true" />
          <p className="sw-face__challenge" role="status">
            {t(`realName.face.challenges.${check.challenge}`)}
          </p>
          {check.simulated ? (
            <div className="sw-face__simulator">
              <p className="sw-face__label">{t('realName.face.simulatorLabel')}</p>
              <Space wrap>
                <Button type="primary" loading={busy} onClick={() => void decide('passed')}>
                  {t('realName.face.pass')}
                </Button>
                <Button loading={busy} onClick={() => void decide('failed')}>
                  {t('realName.face.failLiveness')}
                </Button>
                <Button danger loading={busy} onClick={() => void decide('mismatch')}>
                  {t('realName.face.mismatch')}
                </Button>
              </Space>
            </div>
          ) : (
            <p>{t('realName.face.checking')}</p>
          )}
        </section>
      ) : (
        <Button type="primary" loading={busy} onClick={() => void start()}>
          {startLabel ?? t('realName.face.start')}
        </Button>
      )}
    </div>
  );
}
