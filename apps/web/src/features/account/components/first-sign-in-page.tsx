import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, Result, Space, Steps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { CaptchaInput } from '../../../components/captcha/captcha-input';
import { useCaptcha } from '../../../components/captcha/use-captcha';
import { LinkButton } from '../../../components/link-button';
import { PageLoading } from '../../../components/page-loading';
import { SendCodeButton } from '../../../components/send-code-button';
import { useErrorReporter } from '../../../hooks/use-error-reporter';
import { useLocale } from '../../../hooks/use-locale';
import { SESSION_QUERY_KEY, useSession } from '../../../hooks/use-session';
import { otpCodeRule } from '../../../lib/form-rules';
import { firstSignInApi } from '../api/account-settings';
import { ChangePasswordForm } from './change-password-form';

type VerifyValues = { captchaAnswer?: string; code: string };

/** 操作员账号验证: an SMS code to the mobile number the administrator entered (seed 004 §2.1). */
function VerifyMobileStep({
  mobileMasked,
  onVerified,
}: {
  mobileMasked: string | null;
  onVerified: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [form] = Form.useForm<VerifyValues>();
  const captcha = useCaptcha('first-sign-in');
  const reportError = useErrorReporter();
  const [pending, setPending] = useState(false);

  const send = async (): Promise<number | null> => {
    const captchaAnswer = (form.getFieldValue('captchaAnswer') as string | undefined)?.trim();
    if (!captchaAnswer || !captcha.captcha) {
      form.setFields([{ name: 'captchaAnswer', errors: [t('individual.fillCaptchaFirst')] }]);
      return null;
    }
    try {
      const sent = await firstSignInApi.sendCode({ captchaId: captcha.captcha.id, captchaAnswer });
      captcha.refresh();
      form.setFieldValue('captchaAnswer', '');
      return sent.resendAfter;
    } catch (error) {
      captcha.refresh();
      form.setFieldValue('captchaAnswer', '');
      reportError(error, form, {
        aliases: { captchaId: 'captchaAnswer' },
        codeFields: { 'captcha.invalid': 'captchaAnswer' },
      });
      return null;
    }
  };

  return (
    <Form<VerifyValues>
      form={form}
      name="first-sign-in"
      layout="vertical"
      disabled={pending}
      onFinish={async (values) => {
        setPending(true);
        try {
          await firstSignInApi.verify(values.code.trim());
          onVerified();
        } catch (error) {
          reportError(error, form);
        } finally {
          setPending(false);
        }
      }}
    >
      <Typography.Paragraph>{t('firstSignIn.verifyHint')}</Typography.Paragraph>
      <Form.Item label={t('firstSignIn.mobile')}>
        <Input value={mobileMasked ?? ''} readOnly aria-readonly="true" />
      </Form.Item>
      <Form.Item name="captchaAnswer" label={t('captcha.label')}>
        <CaptchaInput state={captcha} />
      </Form.Item>
      <Form.Item label={t('individual.smsCode')} required htmlFor="first-sign-in_code">
        <Space.Compact block>
          <Form.Item name="code" noStyle rules={[otpCodeRule(true, locale)]}>
            <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
          </Form.Item>
          <SendCodeButton onSend={send} />
        </Space.Compact>
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={pending}>
        {t('firstSignIn.confirm')}
      </Button>
    </Form>
  );
}

/**
 * `/first-sign-in` — an account that still owes its first-sign-in steps: an operator created by
 * its administrator verifies the mobile by SMS, then every such account changes its initial
 * password and signs in again (seed 004 §2.1).
 */
export function FirstSignInPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { data: session, isPending } = useSession();
  const [done, setDone] = useState(false);
  if (done) {
    return (
      <div className="sw-container sw-container--form">
        <Card className="sw-form-card">
          <Result
            status="success"
            title={<h1 className="sw-result-title">{t('firstSignIn.doneTitle')}</h1>}
            subTitle={t('firstSignIn.doneSubtitle')}
            extra={
              <LinkButton type="primary" to="/login">
                {t('firstSignIn.signInAgain')}
              </LinkButton>
            }
          />
        </Card>
      </div>
    );
  }
  if (isPending) return <PageLoading />;
  if (!session) return <Navigate to="/login" replace />;
  const { account } = session;
  if (!account.mustVerifyMobile && !account.mustChangePassword) return <Navigate to="/account" replace />;
  const step = account.mustVerifyMobile ? 0 : 1;
  return (
    <div className="sw-container sw-container--form">
      <Card className="sw-form-card">
        <h1 className="sw-form-card__title">
          {t(step === 0 ? 'firstSignIn.verifyTitle' : 'firstSignIn.passwordTitle')}
        </h1>
        {account.mustVerifyMobile ? (
          <Steps
            className="sw-steps"
            current={step}
            items={[{ title: t('firstSignIn.verifyTitle') }, { title: t('firstSignIn.passwordTitle') }]}
          />
        ) : null}
        {step === 0 ? (
          <VerifyMobileStep
            mobileMasked={account.mobileMasked}
            onVerified={() => void queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY })}
          />
        ) : (
          <>
            <Typography.Paragraph>{t('firstSignIn.passwordHint')}</Typography.Paragraph>
            <ChangePasswordForm
              onChanged={() => {
                queryClient.setQueryData(SESSION_QUERY_KEY, null);
                setDone(true);
              }}
            />
          </>
        )}
      </Card>
    </div>
  );
}
