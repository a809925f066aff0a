import { LockOutlined, UserOutlined } from '@ant-design/icons';
import {
  errorMessage,
  type ForgotPasswordFlow,
  type ForgotPasswordMethod,
  type ForgotPasswordVerifyBody,
  ID_TYPES,
  type IdType,
  isStrongPassword,
  type Locale,
} from '@sw/contracts';
import {
  Alert,
  Button,
  Card,
  Form,
  type FormInstance,
  Input,
  Radio,
  Result,
  Select,
  Space,
  Steps,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { CaptchaCodeButton } from '../../../components/captcha/captcha-code-button';
import { CaptchaInput } from '../../../components/captcha/captcha-input';
import { useCaptcha } from '../../../components/captcha/use-captcha';
import { ELicenseModal } from '../../../components/e-license/e-license-modal';
import { EnterpriseLegalRepFields } from '../../../components/identity/enterprise-legal-rep-fields';
import { LinkButton } from '../../../components/link-button';
import { useLocale } from '../../../hooks/use-locale';
import { apiClient, applyProblemToForm, describeError, isApiError } from '../../../lib/api-client';
import {
  sendForgotPasswordCode,
  useResetForgottenPassword,
  useStartForgotPassword,
  useVerifyForgotPassword,
} from '../api/password-recovery';

type Verified = { token: string; username: string };

const FORM_OPTIONS = {
  aliases: { captchaId: 'captchaAnswer' },
  codeFields: { 'captcha.invalid': 'captchaAnswer' },
};

/** Shows a problem next to its field, or returns the sentence for the alert above the form. */
function problemText(form: FormInstance, error: unknown, locale: Locale): string | null {
  if (isApiError(error) && applyProblemToForm(form, error.problem, locale, FORM_OPTIONS)) return null;
  return describeError(error, locale);
}

/** 2.4.1 填写用户名: username and image captcha. */
function UsernameStep({ onStarted }: { onStarted: (flow: ForgotPasswordFlow, username: string) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [form] = Form.useForm<{ username: string; captchaAnswer: string }>();
  const captcha = useCaptcha('forgot-start');
  const start = useStartForgotPassword();
  const [failure, setFailure] = useState<string | null>(null);
  return (
    <Form
      form={form}
      name="forgot-username"
      layout="vertical"
      disabled={start.isPending}
      onValuesChange={() => setFailure(null)}
      onFinish={(values) => {
        if (!captcha.captcha) return captcha.refresh();
        start.mutate(
          {
            username: values.username.trim(),
            captchaId: captcha.captcha.id,
            captchaAnswer: values.captchaAnswer,
          },
          {
            onSuccess: (flow) => onStarted(flow, values.username.trim()),
            onError: (error) => {
              captcha.refresh();
              form.setFieldValue('captchaAnswer', '');
              setFailure(problemText(form, error, locale));
            },
          },
        );
      }}
    >
      {failure ? (
        <Alert className="sw-form-alert" type="error" showIcon title={failure} role="alert" />
      ) : null}
      <Form.Item
        name="username"
        label={t('recovery.username')}
        rules={[{ required: true, whitespace: true, message: t('recovery.usernameRequired') }]}
      >
        <Input prefix={<UserOutlined aria-hidden="true" />} autoComplete="username" maxLength={64} />
      </Form.Item>
      <Form.Item
        name="captchaAnswer"
        label={t('captcha.label')}
        rules={[{ required: true, whitespace: true, message: t('captcha.placeholder') }]}
      >
        <CaptchaInput state={captcha} />
      </Form.Item>
      <Form.Item className="sw-form-submit">
        <Button type="primary" htmlType="submit" block size="large" loading={start.isPending}>
          {t('recovery.forgot.next')}
        </Button>
      </Form.Item>
      <Alert
        className="sw-form-alert"
        type="info"
        showIcon
        title={
          <>
            {t('recovery.findUsername.bothForgotten')}{' '}
            <Link className="sw-inline-link" to="/recover/username">
              {t('recovery.findUsername.forgotUsername')}
            </Link>
          </>
        }
      />
      <p className="sw-auth__links">
        <Link to="/login">{t('recovery.backToLogin')}</Link>
        <span className="sw-footer__sep" aria-hidden="true">
          |
        </span>
        <Link to="/recover/email">{t('recovery.forgot.byEmailLink')}</Link>
      </p>
    </Form>
  );
}

type VerifyValues = Record<string, string>;

/** failures after which 「提交人工审核」 is offered: the facts did not match, or too many tries */
const MANUAL_REVIEW_AFTER = new Set([
  'recovery.enterprise_mismatch',
  'recovery.verification_failed',
  'recovery.too_many_attempts',
  'recovery.identity_incomplete',
]);

/** what 「提交人工审核」 carries to the manual review form (services/account-recovery) */
type ManualReviewPrefill = {
  accountType: 'enterprise_admin' | 'enterprise_operator' | 'individual';
  mobile?: string;
  smsCode?: string;
  form: Record<string, unknown>;
};

/** 2.4.2 选择验证方式 and its answers. */
function VerifyStep({
  flow,
  username,
  onVerified,
  onBack,
}: {
  flow: ForgotPasswordFlow;
  username: string;
  onVerified: (v: Verified) => void;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [form] = Form.useForm<VerifyValues>();
  const [method, setMethod] = useState<ForgotPasswordMethod>(flow.methods[0]?.method ?? 'sms');
  const captcha = useCaptcha(`forgot-verify-${method}`);
  const verify = useVerifyForgotPassword();
  const [failure, setFailure] = useState<string | null>(null);
  // 「提交人工审核」: offered once a method that asks for facts has failed (004 §2.4)
  const [manualOffered, setManualOffered] = useState(false);
  const navigate = useNavigate();
  const entry = flow.methods.find((m) => m.method === method);
  const needsTarget = method === 'sms' || method === 'email';
  const incomplete = needsTarget && !entry?.target;
  const required = [{ required: true, whitespace: true, message: t('recovery.forgot.required') }];
  const idTypeOptions = ID_TYPES.map((value) => ({ value, label: t(`idTypes.${value}`) }));
  const codeRules = [{ required: true, pattern: /^\d{6}$/, message: t('recovery.forgot.codeRequired') }];

  const [scanning, setScanning] = useState(false);
  const submit = (body: ForgotPasswordVerifyBody) =>
    verify.mutate(body, {
      onSuccess: (v) => onVerified({ token: v.token, username: v.username }),
      onError: (error) => {
        if (method === 'account_info') {
          captcha.refresh();
          form.setFieldValue('captchaAnswer', '');
        }
        setFailure(problemText(form, error, locale));
        if (isApiError(error) && MANUAL_REVIEW_AFTER.has(error.problem.code)) setManualOffered(true);
      },
    });

  const onFinish = (values: VerifyValues) => {
    setFailure(null);
    // 电子营业执照验证: the licence's QR code, scanned and confirmed in the licence app
    if (method === 'e_license') return setScanning(true);
    const base = { flow: flow.flow };
    const body: ForgotPasswordVerifyBody =
      method === 'sms' || method === 'email'
        ? { ...base, method, code: values.code ?? '' }
        : method === 'account_info'
          ? {
              ...base,
              method,
              name: values.name ?? '',
              idType: values.idType as IdType,
              idNumber: values.idNumber ?? '',
              captchaId: captcha.captcha?.id ?? '',
              captchaAnswer: values.captchaAnswer ?? '',
            }
          : {
              ...base,
              method,
              enterpriseName: values.enterpriseName ?? '',
              creditCode: values.creditCode ?? '',
              legalRepName: values.legalRepName ?? '',
              legalRepIdType: values.legalRepIdType as IdType,
              legalRepIdNumber: values.legalRepIdNumber ?? '',
              mobile: values.mobile ?? '',
              smsCode: values.smsCode ?? '',
            };
    submit(body);
  };

  const toManualReview = () => {
    const v = form.getFieldsValue(true) as VerifyValues;
    const admin = flow.methods.some((m) => m.method === 'legal_rep');
    const state: ManualReviewPrefill = {
      accountType: admin ? 'enterprise_admin' : 'individual',
      // the mobile proven a moment ago, with its code (still valid: a failed check only spends a try)
      ...(v.mobile ? { mobile: v.mobile } : {}),
      ...(v.smsCode ? { smsCode: v.smsCode } : {}),
      form: {
        username,
        ...(v.enterpriseName ? { enterpriseName: v.enterpriseName } : {}),
        ...(v.creditCode ? { enterpriseCode: v.creditCode } : {}),
        ...(v.legalRepName
          ? {
              legalRep: {
                name: v.legalRepName,
                idType: v.legalRepIdType as IdType,
                idNumber: v.legalRepIdNumber ?? '',
              },
            }
          : {}),
        ...(v.name
          ? { person: { name: v.name, idType: v.idType as IdType, idNumber: v.idNumber ?? '' } }
          : {}),
      } as ManualReviewPrefill['form'],
    };
    void navigate('/apps/account-recovery/apply?purpose=password', { state });
  };

  return (
    <Form
      form={form}
      name="forgot-verify"
      layout="vertical"
      disabled={verify.isPending}
      initialValues={{ idType: 'resident_id', legalRepIdType: 'resident_id' }}
      onValuesChange={() => setFailure(null)}
      onFinish={onFinish}
    >
      <h2 className="sw-section-title">{t('recovery.forgot.chooseMethod')}</h2>
      <Radio.Group
        className="sw-method-cards"
        value={method}
        onChange={(e) => {
          setMethod(e.target.value as ForgotPasswordMethod);
          setFailure(null);
          form.resetFields(['code', 'captchaAnswer', 'smsCode']);
        }}
        aria-label={t('recovery.forgot.chooseMethod')}
      >
        {flow.methods.map((m) => (
          <Radio.Button key={m.method} value={m.method} className="sw-method-card">
            <strong>{t(`recovery.forgot.methods.${m.method}.title`)}</strong>
            <span className="sw-muted">{t(`recovery.forgot.methods.${m.method}.text`)}</span>
          </Radio.Button>
        ))}
      </Radio.Group>
      {failure ? (
        <Alert
          className="sw-form-alert"
          type="error"
          showIcon
          title={failure}
          role="alert"
          action={
            manualOffered ? (
              <Button size="small" type="link" onClick={toManualReview}>
                {t('recovery.forgot.manualReview')}
              </Button>
            ) : undefined
          }
        />
      ) : null}
      {incomplete ? (
        <Alert
          className="sw-form-alert"
          type="warning"
          showIcon
          role="alert"
          title={t('recovery.forgot.incomplete')}
          description={t('recovery.forgot.incompleteHint')}
        />
      ) : null}
      {needsTarget && !incomplete ? (
        <>
          <Form.Item
            label={t(method === 'sms' ? 'recovery.forgot.boundMobile' : 'recovery.forgot.boundEmail')}
            htmlFor="forgot-verify_target"
          >
            <Input id="forgot-verify_target" value={entry?.target ?? ''} readOnly />
          </Form.Item>
          <Form.Item name="captchaAnswer" label={t('captcha.label')}>
            <CaptchaInput state={captcha} />
          </Form.Item>
          <Form.Item
            label={t(method === 'sms' ? 'recovery.forgot.smsCode' : 'recovery.forgot.emailCode')}
            htmlFor="forgot-verify_code"
            required
          >
            <Space.Compact block>
              <Form.Item name="code" noStyle rules={codeRules}>
                <Input inputMode="numeric" maxLength={6} autoComplete="one-time-code" />
              </Form.Item>
              <CaptchaCodeButton
                form={form}
                captcha={captcha}
                send={(captchaId, captchaAnswer) =>
                  sendForgotPasswordCode({
                    flow: flow.flow,
                    method: method as 'sms' | 'email',
                    captchaId,
                    captchaAnswer,
                  })
                }
              />
            </Space.Compact>
          </Form.Item>
        </>
      ) : null}
      {method === 'account_info' ? (
        <>
          <Form.Item name="name" label={t('recovery.forgot.ownerName')} rules={required}>
            <Input maxLength={100} autoComplete="name" />
          </Form.Item>
          <Form.Item name="idType" label={t('recovery.forgot.idType')} rules={required}>
            <Select options={idTypeOptions} />
          </Form.Item>
          <Form.Item name="idNumber" label={t('recovery.forgot.idNumber')} rules={required}>
            <Input maxLength={30} autoComplete="off" />
          </Form.Item>
          <Form.Item name="captchaAnswer" label={t('captcha.label')} rules={required}>
            <CaptchaInput state={captcha} />
          </Form.Item>
        </>
      ) : null}
      {method === 'legal_rep' ? (
        <>
          <Alert className="sw-form-alert" type="info" showIcon title={t('recovery.forgot.manualTip')} />
          <EnterpriseLegalRepFields />
          <Form.Item name="mobile" label={t('recovery.forgot.operatorMobile')} rules={required}>
            <Input inputMode="tel" maxLength={11} autoComplete="tel" />
          </Form.Item>
          <Form.Item name="captchaAnswer" label={t('captcha.label')}>
            <CaptchaInput state={captcha} />
          </Form.Item>
          <Form.Item label={t('recovery.forgot.smsShortCode')} htmlFor="forgot-verify_smsCode" required>
            <Space.Compact block>
              <Form.Item name="smsCode" noStyle rules={codeRules}>
                <Input inputMode="numeric" maxLength={6} autoComplete="one-time-code" />
              </Form.Item>
              <CaptchaCodeButton
                form={form}
                captcha={captcha}
                validate={['mobile']}
                send={async (captchaId, captchaAnswer) => {
                  const mobile = String(form.getFieldValue('mobile') ?? '').trim();
                  return apiClient.post<{ resendAfter: number }>('/api/otp/sms', {
                    mobile,
                    purpose: 'recover',
                    captchaId,
                    captchaAnswer,
                  });
                }}
              />
            </Space.Compact>
          </Form.Item>
        </>
      ) : null}
      {method === 'e_license' ? <p className="sw-muted">{t('recovery.forgot.eLicenseHint')}</p> : null}
      <Space className="sw-form-submit">
        <Button onClick={onBack}>{t('recovery.forgot.previous')}</Button>
        <Button type="primary" htmlType="submit" loading={verify.isPending} disabled={incomplete}>
          {method === 'e_license' ? t('recovery.forgot.eLicenseScan') : t('recovery.forgot.next')}
        </Button>
      </Space>
      <ELicenseModal
        open={scanning}
        title={t('recovery.forgot.methods.e_license.title')}
        onCancel={() => setScanning(false)}
        onAuthorized={(session) => {
          setScanning(false);
          submit({ flow: flow.flow, method: 'e_license', sessionId: session.id });
        }}
      />
    </Form>
  );
}

function passwordRules(locale: Locale) {
  return [
    { required: true, message: errorMessage('field.required', locale) },
    {
      validator: (_: unknown, value: string) =>
        !value || isStrongPassword(String(value))
          ? Promise.resolve()
          : Promise.reject(new Error(errorMessage('field.password_weak', locale))),
    },
  ];
}

/** 2.4.3 重置密码: 登录用户名, 新密码, 确认新密码. */
function ResetStep({ verified, onDone }: { verified: Verified; onDone: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [form] = Form.useForm<{ password: string; confirmPassword: string }>();
  const reset = useResetForgottenPassword();
  const [failure, setFailure] = useState<string | null>(null);
  return (
    <Form
      form={form}
      name="forgot-reset"
      layout="vertical"
      disabled={reset.isPending}
      onFinish={(values) =>
        reset.mutate(
          { token: verified.token, password: values.password, confirmPassword: values.confirmPassword },
          { onSuccess: onDone, onError: (error) => setFailure(problemText(form, error, locale)) },
        )
      }
    >
      {failure ? (
        <Alert className="sw-form-alert" type="error" showIcon title={failure} role="alert" />
      ) : null}
      <Form.Item label={t('recovery.forgot.loginUsername')} htmlFor="forgot-reset_username">
        <Input id="forgot-reset_username" value={verified.username} readOnly autoComplete="username" />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('recovery.newPassword')}
        extra={t('recovery.passwordHelp')}
        rules={passwordRules(locale)}
        hasFeedback
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
        hasFeedback
        rules={[
          { required: true, message: errorMessage('field.required', locale) },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || value === getFieldValue('password')
                ? Promise.resolve()
                : Promise.reject(new Error(errorMessage('field.password_mismatch', locale))),
          }),
        ]}
      >
        <Input.Password
          prefix={<LockOutlined aria-hidden="true" />}
          autoComplete="new-password"
          maxLength={16}
        />
      </Form.Item>
      <p className="sw-muted">{t('recovery.forgot.resetNote')}</p>
      <Form.Item className="sw-form-submit">
        <Button type="primary" htmlType="submit" block size="large" loading={reset.isPending}>
          {t('recovery.forgot.next')}
        </Button>
      </Form.Item>
    </Form>
  );
}

/** `/recover/password` — 忘记密码 (seed 004 §2.4): 填写用户名 → 安全验证 → 重置密码 → 完成. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [flow, setFlow] = useState<ForgotPasswordFlow | null>(null);
  const [username, setUsername] = useState('');
  const [verified, setVerified] = useState<Verified | null>(null);
  const [done, setDone] = useState(false);
  const step = done ? 3 : verified ? 2 : flow ? 1 : 0;
  return (
    <div className="sw-auth">
      <Card className="sw-auth__card sw-forgot">
        <h1 className="sw-auth__title">{t('recovery.forgot.title')}</h1>
        <Steps
          className="sw-forgot__steps"
          size="small"
          titlePlacement="vertical"
          current={step}
          items={(['username', 'verify', 'reset', 'done'] as const).map((key) => ({
            title: t(`recovery.forgot.steps.${key}`),
          }))}
        />
        {step === 0 ? (
          <UsernameStep
            onStarted={(started, name) => {
              setFlow(started);
              setUsername(name);
            }}
          />
        ) : null}
        {step === 1 && flow ? (
          <VerifyStep flow={flow} username={username} onVerified={setVerified} onBack={() => setFlow(null)} />
        ) : null}
        {step === 2 && verified ? <ResetStep verified={verified} onDone={() => setDone(true)} /> : null}
        {step === 3 && verified ? (
          <Result
            status="success"
            title={<h2 className="sw-result-title">{t('recovery.forgot.doneTitle')}</h2>}
            subTitle={
              <span role="status">
                {t('recovery.forgot.doneText')}
                <br />
                {t('recovery.forgot.loginUsername')}：<strong>{verified.username}</strong>
              </span>
            }
            extra={
              <LinkButton type="primary" to="/login">
                {t('recovery.toLogin')}
              </LinkButton>
            }
          />
        ) : null}
      </Card>
    </div>
  );
}
