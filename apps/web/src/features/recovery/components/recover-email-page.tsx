import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { errorMessage, isStrongPassword, type Locale, PASSWORD_RESET_LINK_MINUTES } from '@sw/contracts';
import { Alert, Button, Card, Form, type FormRule, Input, Result, Select, Skeleton, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { CaptchaInput } from '../../../components/captcha/captcha-input';
import { useCaptcha } from '../../../components/captcha/use-captcha';
import { LinkButton } from '../../../components/link-button';
import { useLocale } from '../../../hooks/use-locale';
import { applyProblemToForm, describeError, isApiError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { useRequestRecoveryEmail, useResetLinkCheck, useResetPassword } from '../api/password-recovery';

type RequestValues = { method: 'email'; username: string; captchaAnswer: string };
type ResetValues = { password: string; confirmPassword: string };

function passwordRules(locale: Locale): FormRule[] {
  return [
    { required: true, message: errorMessage('field.required', locale) },
    {
      validator: (_, value) =>
        !value || isStrongPassword(String(value))
          ? Promise.resolve()
          : Promise.reject(new Error(errorMessage('field.password_weak', locale))),
    },
  ];
}

/** 用户找回密码 (001 §2.6, 图 14): 找回方式 邮箱找回, 用户名, 验证码 → 确认. */
function RequestLinkStep() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [form] = Form.useForm<RequestValues>();
  const captcha = useCaptcha('recover-email');
  const request = useRequestRecoveryEmail();
  const [sent, setSent] = useState<number | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const onFinish = (values: RequestValues) => {
    if (!captcha.captcha) {
      captcha.refresh();
      return;
    }
    setFailure(null);
    request.mutate(
      {
        username: values.username.trim(),
        captchaId: captcha.captcha.id,
        captchaAnswer: values.captchaAnswer.trim(),
      },
      {
        onSuccess: (answer) => setSent(answer.expiresInMinutes),
        onError: (error) => {
          // The captcha was spent by this attempt, whatever the outcome.
          captcha.refresh();
          form.setFieldValue('captchaAnswer', '');
          const onField =
            isApiError(error) &&
            applyProblemToForm(form, error.problem, locale, {
              aliases: { captchaId: 'captchaAnswer' },
              codeFields: { 'captcha.invalid': 'captchaAnswer' },
            });
          if (!onField) setFailure(describeError(error, locale));
        },
      },
    );
  };

  if (sent !== null) {
    return (
      <Result
        status="success"
        title={<h1 className="sw-result-title">{t('recovery.sentTitle')}</h1>}
        subTitle={
          <span role="status">
            {t('recovery.sentText', { minutes: sent || PASSWORD_RESET_LINK_MINUTES })}
          </span>
        }
        extra={
          <Space wrap>
            <LinkButton type="primary" to="/login">
              {t('recovery.toLogin')}
            </LinkButton>
            <Button
              onClick={() => {
                setSent(null);
                form.resetFields();
              }}
            >
              {t('recovery.again')}
            </Button>
          </Space>
        }
      />
    );
  }

  return (
    <>
      <h1 className="sw-auth__title">{t('recovery.title')}</h1>
      <Form<RequestValues>
        form={form}
        name="recover-email"
        layout="vertical"
        initialValues={{ method: 'email' }}
        onFinish={onFinish}
        onValuesChange={() => setFailure(null)}
        disabled={request.isPending}
      >
        {failure ? (
          <Alert className="sw-form-alert" type="error" showIcon title={failure} role="alert" />
        ) : null}
        <Form.Item name="method" label={t('recovery.method')} required>
          <Select options={[{ value: 'email', label: t('recovery.byEmail') }]} />
        </Form.Item>
        <Form.Item
          name="username"
          label={t('recovery.username')}
          rules={[{ required: true, whitespace: true, message: t('recovery.usernameRequired') }]}
        >
          <Input
            prefix={<UserOutlined aria-hidden="true" />}
            autoComplete="username"
            autoCapitalize="off"
            spellCheck={false}
            maxLength={64}
          />
        </Form.Item>
        <Form.Item
          name="captchaAnswer"
          label={t('captcha.label')}
          rules={[{ required: true, whitespace: true, message: t('captcha.placeholder') }]}
        >
          <CaptchaInput state={captcha} />
        </Form.Item>
        <p className="sw-muted">{t('recovery.hint', { minutes: PASSWORD_RESET_LINK_MINUTES })}</p>
        <Form.Item className="sw-form-submit">
          <Button type="primary" htmlType="submit" block size="large" loading={request.isPending}>
            {t('recovery.confirm')}
          </Button>
        </Form.Item>
        <p className="sw-auth__links">
          <Link to="/login">{t('recovery.backToLogin')}</Link>
        </p>
      </Form>
    </>
  );
}

/** The link is unknown, used or older than 30 minutes. */
function InvalidLink() {
  const { t } = useTranslation();
  return (
    <Result
      status="warning"
      title={<h1 className="sw-result-title">{t('recovery.invalidTitle')}</h1>}
      subTitle={t('recovery.invalidText', { minutes: PASSWORD_RESET_LINK_MINUTES })}
      extra={
        <Space wrap>
          <LinkButton type="primary" to="/recover/email">
            {t('recovery.startAgain')}
          </LinkButton>
          <LinkButton to="/login">{t('recovery.toLogin')}</LinkButton>
        </Space>
      }
    />
  );
}

/** `/recover/email?token=…`: the link is checked first, then the new password is set. */
function ResetPasswordStep({ token }: { token: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [form] = Form.useForm<ResetValues>();
  const check = useResetLinkCheck(token);
  const reset = useResetPassword();
  const [done, setDone] = useState(false);
  const [spent, setSpent] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  if (done) {
    return (
      <Result
        status="success"
        title={<h1 className="sw-result-title">{t('recovery.doneTitle')}</h1>}
        subTitle={t('recovery.doneText')}
        extra={
          <LinkButton type="primary" to="/login">
            {t('recovery.toLogin')}
          </LinkButton>
        }
      />
    );
  }
  if (check.isPending) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (check.isError) {
    const status = isApiError(check.error) ? check.error.status : 0;
    if (status === 400 || status === 404 || status === 410) return <InvalidLink />;
    return (
      <Alert
        type="error"
        showIcon
        title={describeError(check.error)}
        action={
          <Button size="small" onClick={() => void check.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  if (!check.data.valid || spent) return <InvalidLink />;

  const onFinish = (values: ResetValues) => {
    setFailure(null);
    reset.mutate(
      { token, password: values.password, confirmPassword: values.confirmPassword },
      {
        onSuccess: () => setDone(true),
        onError: (error) => {
          if (isApiError(error) && (error.status === 410 || error.code === 'recovery.link_invalid')) {
            setSpent(true);
            return;
          }
          const onField = isApiError(error) && applyProblemToForm(form, error.problem, locale);
          if (!onField) setFailure(describeError(error, locale));
        },
      },
    );
  };

  return (
    <>
      <h1 className="sw-auth__title">{t('recovery.resetTitle')}</h1>
      {check.data.usernameMasked ? (
        <p>
          {t('recovery.account')}
          <strong>{check.data.usernameMasked}</strong>
        </p>
      ) : null}
      {check.data.expiresAt ? (
        <p className="sw-muted">{t('recovery.validUntil', { time: formatDateTime(check.data.expiresAt) })}</p>
      ) : null}
      <Form<ResetValues>
        form={form}
        name="reset-password"
        layout="vertical"
        onFinish={onFinish}
        onValuesChange={() => setFailure(null)}
        disabled={reset.isPending}
      >
        {failure ? (
          <Alert className="sw-form-alert" type="error" showIcon title={failure} role="alert" />
        ) : null}
        <Form.Item
          name="password"
          label={t('recovery.newPassword')}
          extra={t('recovery.passwordHelp')}
          validateFirst
          rules={passwordRules(locale)}
        >
          <Input.Password
            prefix={<LockOutlined aria-hidden="true" />}
            autoComplete="new-password"
            maxLength={16}
          />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('recovery.confirmPassword')}
          dependencies={['password']}
          validateFirst
          rules={[
            { required: true, message: errorMessage('field.required', locale) },
            {
              validator: (_, value) =>
                !value || value === form.getFieldValue('password')
                  ? Promise.resolve()
                  : Promise.reject(new Error(errorMessage('field.password_mismatch', locale))),
            },
          ]}
        >
          <Input.Password
            prefix={<LockOutlined aria-hidden="true" />}
            autoComplete="new-password"
            maxLength={16}
          />
        </Form.Item>
        <Form.Item className="sw-form-submit">
          <Button type="primary" htmlType="submit" block size="large" loading={reset.isPending}>
            {t('recovery.resetSubmit')}
          </Button>
        </Form.Item>
      </Form>
    </>
  );
}

/**
 * `/recover/email` — 找回密码 by e-mail (seed 001 §2.6): username and image captcha send a
 * single-use link valid 30 minutes; `/recover/email?token=…` (that link) sets the new password.
 */
export function RecoverEmailPage() {
  const [params] = useSearchParams();
  const token = params.get('token')?.trim() ?? '';
  return (
    <div className="sw-auth">
      <Card className="sw-auth__card">
        {token ? <ResetPasswordStep key={token} token={token} /> : <RequestLinkStep />}
      </Card>
    </div>
  );
}
