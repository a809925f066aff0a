import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Radio, Space } from 'antd';
import { useEffect, useState } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { FaceCheckPanel } from '../../../components/face-check/face-check-panel';
import { PageLoading } from '../../../components/page-loading';
import { SendCodeButton } from '../../../components/send-code-button';
import { useLocale } from '../../../hooks/use-locale';
import { useSession } from '../../../hooks/use-session';
import { apiClient, applyProblemToForm, describeError, isApiError } from '../../../lib/api-client';
import { northbound, northboundKeys, useCenter } from '../api';
import { useMessages } from '../messages';

type Values = { hkid: string; channel: 'sms' | 'email'; code: string };

/**
 * `/apps/northbound/bind` — 首次登录 (000 §3.1): the applicant's HKID (brackets left out) and a code
 * sent to the mainland mobile or e-mail given to HK TD — never one typed here. The face check comes
 * first when the account has not passed it.
 */
export function BindPage() {
  const t = useMessages();
  const locale = useLocale();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { data: session, isPending: sessionPending } = useSession();
  const center = useCenter(Boolean(session));
  const [form] = Form.useForm<Values>();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (center.data && center.data.vehicles.length > 0)
      void navigate('/apps/northbound/center', { replace: true });
  }, [center.data, navigate]);

  if (sessionPending) return <PageLoading />;
  if (!session) return <Navigate to={`/login?next=${encodeURIComponent('/apps/northbound/bind')}`} replace />;
  if (center.isPending) return <PageLoading />;

  const fail = (error: unknown) => {
    if (!(isApiError(error) && applyProblemToForm(form, error.problem, locale)))
      setFailure(describeError(error, locale));
  };

  const send = async (): Promise<number | null> => {
    setFailure(null);
    try {
      await form.validateFields(['hkid', 'channel']);
    } catch {
      return null;
    }
    try {
      const { hkid, channel } = form.getFieldsValue();
      const sent = await northbound.sendBindCode({ hkid: hkid.trim(), channel });
      setSentTo(sent.targetMasked);
      return sent.resendAfter;
    } catch (error) {
      fail(error);
      return null;
    }
  };

  const submit = async (values: Values) => {
    setBusy(true);
    setFailure(null);
    try {
      const result = await northbound.bind({
        hkid: values.hkid.trim(),
        channel: values.channel,
        code: values.code.trim(),
      });
      queryClient.setQueryData(northboundKeys.center, result);
      await navigate('/apps/northbound/center');
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  const faceVerified = center.data?.faceVerified ?? false;
  const samples = center.data?.simulatorSamples;
  return (
    <div className="nb-narrow">
      <Card className="sw-block" title={<h1 className="sw-card-heading">{t('bind.title')}</h1>}>
        {!faceVerified ? (
          <>
            <Alert type="warning" showIcon message={t('bind.faceFirst')} className="nb-gap" />
            <FaceCheckPanel
              purpose="real_name"
              onPassed={async (faceCheckId) => {
                await apiClient.post('/api/account/real-name/face', { faceCheckId });
                await queryClient.invalidateQueries({ queryKey: northboundKeys.center });
              }}
            />
          </>
        ) : (
          <>
            <p>{t('bind.lead')}</p>
            {samples?.length ? (
              <Alert
                className="nb-gap"
                type="warning"
                showIcon
                message={t('bind.simulatorSamples', { samples: samples.join('、') })}
              />
            ) : null}
            <Form<Values>
              form={form}
              name="nbBind"
              layout="vertical"
              initialValues={{ channel: 'sms' }}
              onFinish={(v) => void submit(v)}
            >
              <Form.Item
                name="hkid"
                label={t('bind.hkid')}
                rules={[{ required: true, message: t('bind.hkidPlaceholder') }]}
              >
                <Input placeholder={t('bind.hkidPlaceholder')} maxLength={14} autoComplete="off" />
              </Form.Item>
              <Form.Item name="channel" label={t('bind.channel')}>
                <Radio.Group
                  options={[
                    { value: 'sms', label: t('bind.bySms') },
                    { value: 'email', label: t('bind.byEmail') },
                  ]}
                />
              </Form.Item>
              <Form.Item
                label={t('bind.code')}
                required
                htmlFor="nbBind_code"
                extra={sentTo ? t('bind.sentTo', { target: sentTo }) : undefined}
              >
                <Space.Compact block>
                  <Form.Item
                    name="code"
                    noStyle
                    rules={[{ required: true, pattern: /^\d{6}$/, message: t('bind.code') }]}
                  >
                    <Input id="nbBind_code" inputMode="numeric" maxLength={6} autoComplete="one-time-code" />
                  </Form.Item>
                  <SendCodeButton onSend={send} label={t('bind.send')} />
                </Space.Compact>
              </Form.Item>
              {failure ? <Alert type="error" showIcon message={failure} className="nb-gap" /> : null}
              <Button type="primary" htmlType="submit" loading={busy}>
                {t('bind.submit')}
              </Button>
            </Form>
            <Alert
              className="nb-gap-top"
              type="info"
              showIcon
              message={t('bind.tips')}
              description={
                <ol className="nb-list">
                  <li>{t('bind.tip1')}</li>
                  <li>{t('bind.tip2')}</li>
                  <li>{t('bind.tip3')}</li>
                </ol>
              }
            />
          </>
        )}
      </Card>
    </div>
  );
}
