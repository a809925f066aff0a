import { type ErrorCode, errorMessage, isValidUsername, type RegisterOverseasBody } from '@sw/contracts';
import { Button, Card, Flex, Form, type FormRule, Input, Space } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { CaptchaInput } from '../../../components/captcha/captcha-input';
import { useCaptcha } from '../../../components/captcha/use-captcha';
import { LinkButton } from '../../../components/link-button';
import { SendCodeButton } from '../../../components/send-code-button';
import { useErrorReporter } from '../../../hooks/use-error-reporter';
import { useLocale } from '../../../hooks/use-locale';
import { isApiError } from '../../../lib/api-client';
import {
  confirmPasswordRule,
  emailFormatRule,
  maxLengthRule,
  otpCodeRule,
  passwordRule,
  requiredRule,
  usernameRule,
} from '../../../lib/form-rules';
import { forgetUsername, isUsernameAvailable } from '../api/check-username';
import { useSendEmailCode } from '../api/one-time-codes';
import { useRegisterOverseas } from '../api/register-overseas';
import { useCodeSentNotice } from '../hooks/use-code-sent-notice';
import { countryRule, noMarkupRule, phoneRule } from '../utils/overseas-rules';
import { AgreementField } from './agreement-modal';
import { CountrySelect } from './country-select';
import { PageLanguageToggle } from './page-language-toggle';
import { RegistrationFlow } from './register-success';

type OverseasValues = {
  username: string;
  password: string;
  confirmPassword: string;
  countryCode?: string;
  registrationNo?: string;
  organizationName: string;
  department?: string;
  jobTitle?: string;
  contactName: string;
  contactPhone: string;
  fax?: string;
  mobile?: string;
  address: string;
  email: string;
  /** Only for sending the e-mail code; never part of the registration body. */
  captchaAnswer?: string;
  emailCode: string;
  notes?: string;
  agreement?: boolean;
};

const LABEL_COL = { xs: { span: 24 }, sm: { span: 8 } };
const WRAPPER_COL = { xs: { span: 24 }, sm: { span: 14 } };
const TAIL_COL = { xs: { span: 24 }, sm: { offset: 8, span: 14 } };

const OTP_FIELDS: Partial<Record<ErrorCode, string>> = {
  'otp.invalid': 'emailCode',
  'otp.expired': 'emailCode',
  'otp.too_many_attempts': 'emailCode',
  'otp.resend_too_soon': 'emailCode',
  'otp.daily_limit': 'emailCode',
};

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** Blank optional fields are left out of the body. */
function optional(value: unknown): string | undefined {
  return text(value) || undefined;
}

function RegisterOverseasForm({ onRegistered }: { onRegistered: (username: string) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [form] = Form.useForm<OverseasValues>();
  const captcha = useCaptcha('register-overseas');
  const sendEmail = useSendEmailCode();
  const register = useRegisterOverseas();
  const reportError = useErrorReporter();
  const noticeCodeSent = useCodeSentNotice();

  // The EN | 中 switch changes the language mid-form: say the errors already shown in the new one.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the language change is the trigger.
  useEffect(() => {
    const withErrors = form
      .getFieldsError()
      .filter((field) => field.errors.length > 0)
      .map((field) => field.name);
    if (withErrors.length > 0) void form.validateFields(withErrors).catch(() => undefined);
  }, [locale, form]);

  const resetCaptcha = () => {
    captcha.refresh();
    form.setFieldValue('captchaAnswer', '');
  };

  const sendEmailCode = async (): Promise<number | null> => {
    const email = text(form.getFieldValue('email'));
    try {
      await form.validateFields(['email']);
    } catch {
      return null;
    }
    const captchaAnswer = text(form.getFieldValue('captchaAnswer'));
    if (!captchaAnswer || !captcha.captcha) {
      form.setFields([{ name: 'captchaAnswer', errors: [t('individual.fillCaptchaFirst')] }]);
      return null;
    }
    try {
      const response = await sendEmail.mutateAsync({
        email,
        purpose: 'register',
        captchaId: captcha.captcha.id,
        captchaAnswer,
      });
      resetCaptcha();
      noticeCodeSent(response);
      return response.resendAfter;
    } catch (error) {
      resetCaptcha();
      reportError(error, form, {
        aliases: { captchaId: 'captchaAnswer' },
        codeFields: { 'captcha.invalid': 'captchaAnswer', 'field.email_invalid': 'email', ...OTP_FIELDS },
      });
      return null;
    }
  };

  const usernameAvailableRule: FormRule = {
    validateTrigger: 'onBlur',
    validator: async (_, value) => {
      const username = text(value);
      if (!isValidUsername(username)) return;
      let isAvailable: boolean;
      try {
        isAvailable = await isUsernameAvailable(username);
      } catch {
        return; // the server checks again on submit
      }
      if (!isAvailable) throw new Error(errorMessage('account.username_taken', locale));
    },
  };

  const onFinish = (values: OverseasValues) => {
    const body: RegisterOverseasBody = {
      username: text(values.username),
      password: values.password,
      confirmPassword: values.confirmPassword,
      countryCode: values.countryCode ?? '',
      registrationNo: optional(values.registrationNo),
      organizationName: text(values.organizationName),
      department: optional(values.department),
      jobTitle: optional(values.jobTitle),
      contactName: text(values.contactName),
      contactPhone: text(values.contactPhone),
      fax: optional(values.fax),
      mobile: optional(values.mobile),
      address: text(values.address),
      email: text(values.email),
      emailCode: text(values.emailCode),
      notes: optional(values.notes),
      agreement: true,
    };
    register.mutate(body, {
      onSuccess: (response) => {
        forgetUsername(response.username, false);
        onRegistered(response.username);
        window.scrollTo({ top: 0 });
      },
      onError: (error) => {
        if (isApiError(error) && error.code === 'account.username_taken')
          forgetUsername(body.username, false);
        reportError(error, form, {
          codeFields: {
            'account.username_taken': 'username',
            'field.password_mismatch': 'confirmPassword',
            ...OTP_FIELDS,
          },
        });
        const firstError = form.getFieldsError().find((field) => field.errors.length > 0);
        if (firstError) form.scrollToField(firstError.name, { block: 'center' });
      },
    });
  };

  const required = requiredRule(locale);
  const noMarkup = noMarkupRule(locale);

  return (
    <Card className="sw-form-card">
      <Flex justify="flex-end">
        <PageLanguageToggle />
      </Flex>
      <h1 className="sw-form-card__title">{t('overseas.title')}</h1>
      <Form<OverseasValues>
        form={form}
        name="overseas"
        layout="horizontal"
        labelCol={LABEL_COL}
        wrapperCol={WRAPPER_COL}
        labelWrap
        onFinish={onFinish}
        scrollToFirstError={{ block: 'center' }}
        disabled={register.isPending}
      >
        <Form.Item
          name="username"
          label={t('overseas.username')}
          extra={t('overseas.usernameHelp')}
          validateTrigger={['onChange', 'onBlur']}
          validateFirst
          hasFeedback
          rules={[required, usernameRule(locale), usernameAvailableRule]}
        >
          <Input
            placeholder={t('overseas.usernamePlaceholder')}
            autoComplete="username"
            autoCapitalize="off"
            spellCheck={false}
            maxLength={18}
          />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('overseas.password')}
          extra={t('overseas.passwordHelp')}
          validateFirst
          rules={[required, passwordRule(locale)]}
        >
          <Input.Password
            placeholder={t('overseas.passwordPlaceholder')}
            autoComplete="new-password"
            maxLength={16}
          />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('overseas.confirmPassword')}
          dependencies={['password']}
          validateFirst
          rules={[required, confirmPasswordRule(() => form.getFieldValue('password'), locale)]}
        >
          <Input.Password
            placeholder={t('overseas.confirmPasswordPlaceholder')}
            autoComplete="new-password"
            maxLength={16}
          />
        </Form.Item>
        <Form.Item
          name="countryCode"
          label={t('overseas.country')}
          extra={t('overseas.countryHelp')}
          required
          rules={[countryRule(locale)]}
        >
          <CountrySelect placeholder={t('overseas.countryPlaceholder')} />
        </Form.Item>
        <Form.Item
          name="registrationNo"
          label={t('overseas.registrationNo')}
          extra={t('overseas.registrationNoHelp')}
          validateFirst
          rules={[maxLengthRule(60, locale), noMarkup]}
        >
          <Input placeholder={t('overseas.registrationNoPlaceholder')} autoComplete="off" maxLength={60} />
        </Form.Item>
        <Form.Item
          name="organizationName"
          label={t('overseas.organizationName')}
          validateFirst
          rules={[required, maxLengthRule(200, locale), noMarkup]}
        >
          <Input
            placeholder={t('overseas.organizationNamePlaceholder')}
            autoComplete="organization"
            maxLength={200}
          />
        </Form.Item>
        <Form.Item
          name="department"
          label={t('overseas.department')}
          validateFirst
          rules={[maxLengthRule(100, locale), noMarkup]}
        >
          <Input placeholder={t('overseas.departmentPlaceholder')} maxLength={100} />
        </Form.Item>
        <Form.Item
          name="jobTitle"
          label={t('overseas.jobTitle')}
          validateFirst
          rules={[maxLengthRule(100, locale), noMarkup]}
        >
          <Input
            placeholder={t('overseas.jobTitlePlaceholder')}
            autoComplete="organization-title"
            maxLength={100}
          />
        </Form.Item>
        <Form.Item
          name="contactName"
          label={t('overseas.contactName')}
          validateFirst
          rules={[required, maxLengthRule(100, locale), noMarkup]}
        >
          <Input placeholder={t('overseas.contactNamePlaceholder')} autoComplete="name" maxLength={100} />
        </Form.Item>
        <Form.Item
          name="contactPhone"
          label={t('overseas.contactPhone')}
          validateFirst
          rules={[required, phoneRule('landline', locale)]}
        >
          <Input
            placeholder={t('overseas.phonePlaceholder')}
            inputMode="tel"
            autoComplete="tel"
            maxLength={30}
          />
        </Form.Item>
        <Form.Item name="fax" label={t('overseas.fax')} rules={[phoneRule('landline', locale)]}>
          <Input
            placeholder={t('overseas.phonePlaceholder')}
            inputMode="tel"
            autoComplete="off"
            maxLength={30}
          />
        </Form.Item>
        <Form.Item name="mobile" label={t('overseas.mobile')} rules={[phoneRule('mobile', locale)]}>
          <Input
            placeholder={t('overseas.mobilePlaceholder')}
            inputMode="tel"
            autoComplete="tel"
            maxLength={30}
          />
        </Form.Item>
        <Form.Item
          name="address"
          label={t('overseas.address')}
          validateFirst
          rules={[required, maxLengthRule(300, locale), noMarkup]}
        >
          <Input
            placeholder={t('overseas.addressPlaceholder')}
            autoComplete="street-address"
            maxLength={300}
          />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('overseas.email')}
          validateFirst
          rules={[required, emailFormatRule(locale)]}
        >
          <Input placeholder={t('overseas.emailPlaceholder')} autoComplete="email" maxLength={100} />
        </Form.Item>
        <Form.Item name="captchaAnswer" label={t('overseas.captcha')} required>
          <CaptchaInput state={captcha} />
        </Form.Item>
        <Form.Item label={t('overseas.emailCode')} required htmlFor="overseas_emailCode">
          <Space.Compact block>
            <Form.Item name="emailCode" noStyle rules={[otpCodeRule(true, locale)]}>
              <Input
                placeholder={t('overseas.emailCodePlaceholder')}
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
              />
            </Form.Item>
            <SendCodeButton onSend={sendEmailCode} label={t('overseas.sendEmailCode')} />
          </Space.Compact>
        </Form.Item>
        <Form.Item
          name="notes"
          label={t('overseas.notes')}
          validateFirst
          rules={[maxLengthRule(500, locale), noMarkup]}
        >
          <Input.TextArea placeholder={t('overseas.notesPlaceholder')} maxLength={500} showCount rows={3} />
        </Form.Item>
        <AgreementField
          form={form}
          wrapperCol={TAIL_COL}
          prefix={t('overseas.agreementPrefix')}
          link={t('overseas.agreementLink')}
        />
        <Form.Item wrapperCol={TAIL_COL}>
          <Space wrap size="middle">
            <LinkButton to="/register" size="large">
              {t('overseas.back')}
            </LinkButton>
            <Button
              type="primary"
              htmlType="submit"
              size="large"
              loading={register.isPending}
              className="sw-submit"
            >
              {t('overseas.submit')}
            </Button>
          </Space>
        </Form.Item>
      </Form>
    </Card>
  );
}

/** `/register/overseas` — 国外及港澳台地区企业注册 (seed 004 §1.5), then 注册成功 → 登录系统. */
export function RegisterOverseasPage() {
  return (
    <RegistrationFlow>
      {(onRegistered) => <RegisterOverseasForm onRegistered={onRegistered} />}
    </RegistrationFlow>
  );
}
