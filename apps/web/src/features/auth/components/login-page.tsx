import { LockOutlined, UserOutlined } from '@ant-design/icons';
import type { Problem, SignInBody } from '@sw/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { CaptchaInput } from '../../../components/captcha/captcha-input';
import { useCaptcha } from '../../../components/captcha/use-captcha';
import { useLocale } from '../../../hooks/use-locale';
import { sessionQueryOptions } from '../../../hooks/use-session';
import { applyProblemToForm, describeError, isApiError, problemMessage } from '../../../lib/api-client';
import { safeNextPath } from '../../../lib/format';
import { useSignIn } from '../api/sign-in';
import { CardLoginForm } from './card-login-form';
import { PasskeySignInButton } from './passkey-sign-in-button';

type LoginValues = { username: string; password: string; captchaAnswer: string };

function AccountLoginForm({ next }: { next: string | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<LoginValues>();
  const captcha = useCaptcha('login');
  const signIn = useSignIn();
  const [failure, setFailure] = useState<string | null>(null);
  // 企业注册审核 (001 §2.5): signing in before the decision says so, with the due date, until the next try
  const [review, setReview] = useState<Problem | null>(null);

  const onFinish = (values: LoginValues) => {
    if (!captcha.captcha) {
      captcha.refresh();
      return;
    }
    setFailure(null);
    setReview(null);
    const body: SignInBody = {
      username: values.username.trim(),
      password: values.password,
      captchaId: captcha.captcha.id,
      captchaAnswer: values.captchaAnswer.trim(),
    };
    signIn.mutate(body, {
      onSuccess: async () => {
        // Load the new session before leaving, so the account pages do not bounce back here.
        const session = await queryClient.fetchQuery({ ...sessionQueryOptions, staleTime: 0 });
        // staff land in the console, everyone else in the account centre, unless a page sent them here
        const home = session?.account.kind === 'staff' ? '/console' : '/account';
        void navigate(next ?? home, { replace: true });
      },
      onError: (error) => {
        // The captcha was consumed by this attempt, whatever the outcome.
        captcha.refresh();
        form.setFieldValue('captchaAnswer', '');
        if (
          isApiError(error) &&
          (error.code === 'auth.registration_under_review' || error.code === 'auth.registration_returned')
        ) {
          setReview(error.problem);
          return;
        }
        const onField =
          isApiError(error) &&
          applyProblemToForm(form, error.problem, locale, {
            aliases: { captchaId: 'captchaAnswer' },
            codeFields: { 'captcha.invalid': 'captchaAnswer' },
          });
        if (!onField) setFailure(describeError(error, locale));
      },
    });
  };

  return (
    <Form<LoginValues>
      form={form}
      name="login"
      layout="vertical"
      requiredMark={false}
      onFinish={onFinish}
      onValuesChange={() => setFailure(null)}
      disabled={signIn.isPending}
    >
      {failure ? <Alert className="sw-form-alert" type="error" showIcon title={failure} /> : null}
      {review ? (
        <Alert
          className="sw-form-alert"
          type={review.code === 'auth.registration_returned' ? 'warning' : 'info'}
          showIcon
          role="alert"
          data-testid="registration-review-alert"
          title={problemMessage(review, locale)}
          description={
            review.code === 'auth.registration_returned'
              ? t('registrationReview.signIn.returned')
              : t('registrationReview.signIn.underReview')
          }
        />
      ) : null}
      <Form.Item
        name="username"
        label={t('login.username')}
        rules={[{ required: true, whitespace: true, message: t('login.usernamePlaceholder') }]}
      >
        <Input
          prefix={<UserOutlined aria-hidden="true" />}
          placeholder={t('login.usernamePlaceholder')}
          autoComplete="username"
          autoCapitalize="off"
          maxLength={64}
        />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('login.password')}
        rules={[{ required: true, message: t('login.passwordPlaceholder') }]}
      >
        <Input.Password
          prefix={<LockOutlined aria-hidden="true" />}
          placeholder={t('login.passwordPlaceholder')}
          autoComplete="current-password"
          maxLength={128}
        />
      </Form.Item>
      <Form.Item
        name="captchaAnswer"
        label={t('captcha.label')}
        rules={[{ required: true, whitespace: true, message: t('captcha.placeholder') }]}
      >
        <CaptchaInput state={captcha} />
      </Form.Item>
      <Form.Item className="sw-form-submit">
        <Button type="primary" htmlType="submit" block size="large" loading={signIn.isPending}>
          {t('login.submit')}
        </Button>
      </Form.Item>
      <p className="sw-auth__links">
        <Link to="/recover/username">{t('recovery.findUsername.forgotUsername')}</Link>
        <span className="sw-footer__sep" aria-hidden="true">
          |
        </span>
        <Link to="/recover/password">{t('recovery.forgotPassword')}</Link>
        <span className="sw-footer__sep" aria-hidden="true">
          |
        </span>
        {t('login.noAccount')} <Link to="/register">{t('login.registerNow')}</Link>
      </p>
    </Form>
  );
}

/** `/login` — 用户登录 (seed 004 §2.1). Goes to `?next=` (a same-site path) or `/account` on success. */
export function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const asked = params.get('next');
  const next = safeNextPath(asked, '/account');
  return (
    <div className="sw-auth">
      <Card className="sw-auth__card">
        <h1 className="sw-auth__title">{t('login.title')}</h1>
        <Tabs
          items={[
            {
              key: 'account',
              label: t('login.tabAccount'),
              children: <AccountLoginForm next={asked ? next : null} />,
            },
            { key: 'card', label: t('cards.login.tab'), children: <CardLoginForm next={next} /> },
          ]}
        />
        <PasskeySignInButton next={next} />
      </Card>
    </div>
  );
}
