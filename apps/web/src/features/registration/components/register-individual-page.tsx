import { CheckCircleFilled } from '@ant-design/icons';
import {
  EMAIL_VERIFIABLE_ID_TYPES,
  type ErrorCode,
  errorMessage,
  ID_TYPES,
  type IdType,
  isValidUsername,
  LONG_TERM_DATE,
  type RegisterIndividualBody,
} from '@sw/contracts';
import { Button, Card, Checkbox, DatePicker, Form, type FormRule, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CaptchaInput } from '../../../components/captcha/captcha-input';
import { useCaptcha } from '../../../components/captcha/use-captcha';
import { SendCodeButton } from '../../../components/send-code-button';
import { useErrorReporter } from '../../../hooks/use-error-reporter';
import { useLocale } from '../../../hooks/use-locale';
import { isApiError } from '../../../lib/api-client';
import {
  confirmPasswordRule,
  emailFormatRule,
  idNumberRule,
  maxLengthRule,
  mobileRule,
  otpCodeRule,
  passwordRule,
  requiredRule,
  usernameRule,
  validFromRule,
  validToRule,
} from '../../../lib/form-rules';
import { parseYmd } from '../../../lib/format';
import { forgetUsername, isUsernameAvailable } from '../api/check-username';
import { useSendSmsCode } from '../api/one-time-codes';
import { useRegisterIndividual } from '../api/register-individual';
import { useCodeSentNotice } from '../hooks/use-code-sent-notice';
import { AgreementField } from './agreement-modal';
import { EmailVerifyModal, type VerifiedEmail } from './email-verify-modal';
import { RegistrationFlow } from './register-success';

type RegisterValues = {
  name: string;
  idType: IdType;
  idNumber: string;
  idValidFrom?: string;
  idValidTo?: string;
  username: string;
  password: string;
  confirmPassword: string;
  mobile?: string;
  /** Only for sending the SMS code; never part of the registration body. */
  captchaAnswer?: string;
  smsCode?: string;
  email: string;
  agreement?: boolean;
};

const LABEL_COL = { xs: { span: 24 }, sm: { span: 7 } };
const WRAPPER_COL = { xs: { span: 24 }, sm: { span: 15 } };
const TAIL_COL = { xs: { span: 24 }, sm: { offset: 7, span: 15 } };

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** DatePicker ⇄ the API's YYYYMMDD strings: the form store holds exactly what is sent. */
const ymdField = {
  getValueProps: (value: unknown) => ({ value: parseYmd(value) }),
  normalize: (value: Dayjs | null) => (value ? value.format('YYYYMMDD') : undefined),
};

function RegisterIndividualForm({ onRegistered }: { onRegistered: (username: string) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [form] = Form.useForm<RegisterValues>();
  const idType: IdType = Form.useWatch('idType', form) ?? 'resident_id';
  const mobile = Form.useWatch('mobile', form);
  const idValidTo = Form.useWatch('idValidTo', form);
  const emailValue = Form.useWatch('email', form);
  const [verifiedEmail, setVerifiedEmail] = useState<VerifiedEmail | null>(null);
  const [isEmailModalOpen, setEmailModalOpen] = useState(false);
  const captcha = useCaptcha('register');
  const sendSms = useSendSmsCode();
  const register = useRegisterIndividual();
  const reportError = useErrorReporter();
  const noticeCodeSent = useCodeSentNotice();

  const isResident = idType === 'resident_id';
  const canVerifyByEmail = EMAIL_VERIFIABLE_ID_TYPES.includes(idType);
  // Same rule as RegisterIndividualBody: a verified e-mail stands in for the mobile only for
  // passport and permit holders; otherwise a mainland mobile with its SMS code is required.
  const isMobileRequired = !(canVerifyByEmail && verifiedEmail !== null);
  const isSmsRequired = isMobileRequired || text(mobile) !== '';
  const isLongTerm = idValidTo === LONG_TERM_DATE;

  const resetCaptcha = () => {
    captcha.refresh();
    form.setFieldValue('captchaAnswer', '');
  };

  const sendSmsCode = async (): Promise<number | null> => {
    const mobileValue = text(form.getFieldValue('mobile'));
    if (!mobileValue) {
      form.setFields([{ name: 'mobile', errors: [errorMessage('field.required', locale)] }]);
      return null;
    }
    try {
      await form.validateFields(['mobile']);
    } catch {
      return null;
    }
    const captchaAnswer = text(form.getFieldValue('captchaAnswer'));
    if (!captchaAnswer || !captcha.captcha) {
      form.setFields([{ name: 'captchaAnswer', errors: [t('individual.fillCaptchaFirst')] }]);
      return null;
    }
    try {
      const response = await sendSms.mutateAsync({
        mobile: mobileValue,
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
        codeFields: {
          'captcha.invalid': 'captchaAnswer',
          'field.mobile_invalid': 'mobile',
          'otp.resend_too_soon': 'smsCode',
          'otp.daily_limit': 'smsCode',
        },
      });
      return null;
    }
  };

  const onEmailVerified = (verified: VerifiedEmail) => {
    setVerifiedEmail(verified);
    setEmailModalOpen(false);
    form.setFields([
      { name: 'email', value: verified.email, errors: [] },
      // The mobile is now optional: drop the errors its emptiness caused.
      { name: 'mobile', errors: [] },
      { name: 'smsCode', errors: [] },
    ]);
  };

  const changeEmail = () => {
    setVerifiedEmail(null);
    form.setFieldValue('email', '');
    setEmailModalOpen(canVerifyByEmail);
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

  const onFinish = (values: RegisterValues) => {
    const email = text(values.email);
    const mobileValue = text(values.mobile);
    const body: RegisterIndividualBody = {
      name: text(values.name),
      idType: values.idType,
      idNumber: text(values.idNumber).toUpperCase(),
      ...(values.idType === 'resident_id'
        ? { idValidFrom: values.idValidFrom, idValidTo: values.idValidTo }
        : {}),
      username: text(values.username),
      password: values.password,
      confirmPassword: values.confirmPassword,
      ...(mobileValue ? { mobile: mobileValue, smsCode: text(values.smsCode) } : {}),
      email,
      ...(verifiedEmail && verifiedEmail.email === email ? { emailCode: verifiedEmail.code } : {}),
      agreement: true,
    };
    const otpField = body.mobile ? 'smsCode' : 'email';
    const otpFields: Partial<Record<ErrorCode, string>> = {
      'otp.invalid': otpField,
      'otp.expired': otpField,
      'otp.too_many_attempts': otpField,
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
          aliases: { emailCode: 'email' },
          codeFields: {
            'account.username_taken': 'username',
            'account.id_number_taken': 'idNumber',
            'account.mobile_required': 'mobile',
            'account.email_required': 'email',
            'field.password_mismatch': 'confirmPassword',
            ...otpFields,
          },
        });
        const firstError = form.getFieldsError().find((field) => field.errors.length > 0);
        if (firstError) form.scrollToField(firstError.name, { block: 'center' });
      },
    });
  };

  return (
    <Card className="sw-form-card">
      <h1 className="sw-form-card__title">{t('individual.title')}</h1>
      <Form<RegisterValues>
        form={form}
        name="register"
        layout="horizontal"
        labelCol={LABEL_COL}
        wrapperCol={WRAPPER_COL}
        labelWrap
        initialValues={{ idType: 'resident_id' }}
        onFinish={onFinish}
        scrollToFirstError={{ block: 'center' }}
        disabled={register.isPending}
      >
        <h2 className="sw-form-section">{t('individual.sectionPerson')}</h2>
        <Form.Item
          name="name"
          label={t('individual.name')}
          rules={[requiredRule(locale), maxLengthRule(50, locale)]}
        >
          <Input placeholder={t('individual.namePlaceholder')} autoComplete="name" maxLength={50} />
        </Form.Item>
        <Form.Item name="idType" label={t('individual.idType')} rules={[requiredRule(locale)]}>
          <Select
            placeholder={t('individual.idTypePlaceholder')}
            options={ID_TYPES.map((value) => ({ value, label: t(`idTypes.${value}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={t('individual.idNumber')}
          dependencies={['idType']}
          normalize={(value: string | undefined) => value?.toUpperCase()}
          validateFirst
          rules={[requiredRule(locale), maxLengthRule(30, locale), idNumberRule(idType, locale)]}
        >
          <Input placeholder={t('individual.idNumberPlaceholder')} autoComplete="off" maxLength={30} />
        </Form.Item>
        {isResident ? (
          <>
            <Form.Item
              name="idValidFrom"
              label={t('individual.idValidFrom')}
              required
              rules={[validFromRule(locale)]}
              {...ymdField}
            >
              <DatePicker
                className="sw-date"
                format="YYYYMMDD"
                placeholder={t('individual.datePlaceholder')}
                disabledDate={(date) => date.isAfter(dayjs(), 'day')}
              />
            </Form.Item>
            <Form.Item label={t('individual.idValidTo')} required htmlFor="register_idValidTo">
              <Space wrap>
                <Form.Item
                  name="idValidTo"
                  noStyle
                  dependencies={['idValidFrom']}
                  rules={[validToRule(() => form.getFieldValue('idValidFrom'), locale)]}
                  {...ymdField}
                >
                  <DatePicker
                    className="sw-date"
                    format="YYYYMMDD"
                    placeholder={isLongTerm ? t('individual.longTerm') : t('individual.datePlaceholder')}
                    disabled={isLongTerm}
                    disabledDate={(date) => date.isBefore(dayjs(), 'day')}
                  />
                </Form.Item>
                <Checkbox
                  id="register_idValidToLongTerm"
                  checked={isLongTerm}
                  onChange={(event) => {
                    form.setFieldValue('idValidTo', event.target.checked ? LONG_TERM_DATE : undefined);
                  }}
                >
                  {t('individual.longTerm')}
                </Checkbox>
              </Space>
            </Form.Item>
          </>
        ) : null}

        <h2 className="sw-form-section">{t('individual.sectionAccount')}</h2>
        <Form.Item
          name="username"
          label={t('individual.username')}
          extra={t('individual.usernameHelp')}
          validateTrigger={['onChange', 'onBlur']}
          validateFirst
          hasFeedback
          rules={[requiredRule(locale), usernameRule(locale), usernameAvailableRule]}
        >
          <Input
            placeholder={t('individual.usernamePlaceholder')}
            autoComplete="username"
            autoCapitalize="off"
            spellCheck={false}
            maxLength={18}
          />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('individual.password')}
          extra={t('individual.passwordHelp')}
          validateFirst
          rules={[requiredRule(locale), passwordRule(locale)]}
        >
          <Input.Password
            placeholder={t('individual.passwordPlaceholder')}
            autoComplete="new-password"
            maxLength={16}
          />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('individual.confirmPassword')}
          dependencies={['password']}
          validateFirst
          rules={[requiredRule(locale), confirmPasswordRule(() => form.getFieldValue('password'), locale)]}
        >
          <Input.Password
            placeholder={t('individual.confirmPasswordPlaceholder')}
            autoComplete="new-password"
            maxLength={16}
          />
        </Form.Item>
        <Form.Item
          name="mobile"
          label={t('individual.mobile')}
          required={isMobileRequired}
          rules={[mobileRule(isMobileRequired, locale)]}
          extra={
            canVerifyByEmail && !verifiedEmail ? (
              <span className="sw-no-mobile-hint">
                {t('individual.noMobileHint')}{' '}
                <Button
                  type="link"
                  size="small"
                  className="sw-inline-link"
                  onClick={() => setEmailModalOpen(true)}
                >
                  {t('individual.noMobileLink')}
                </Button>{' '}
                {t('individual.noMobileSuffix')}
              </span>
            ) : undefined
          }
        >
          <Input
            placeholder={t('individual.mobilePlaceholder')}
            inputMode="tel"
            autoComplete="tel-national"
            maxLength={11}
          />
        </Form.Item>
        <Form.Item name="captchaAnswer" label={t('captcha.label')}>
          <CaptchaInput state={captcha} />
        </Form.Item>
        <Form.Item label={t('individual.smsCode')} required={isSmsRequired} htmlFor="register_smsCode">
          <Space.Compact block>
            <Form.Item
              name="smsCode"
              noStyle
              dependencies={['mobile']}
              rules={[otpCodeRule(isSmsRequired, locale)]}
            >
              <Input
                placeholder={t('individual.codePlaceholder')}
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
              />
            </Form.Item>
            <SendCodeButton onSend={sendSmsCode} />
          </Space.Compact>
        </Form.Item>
        <Form.Item
          name="email"
          label={t('individual.email')}
          validateFirst
          rules={[requiredRule(locale), emailFormatRule(locale)]}
          extra={
            verifiedEmail ? (
              <Space size="small" wrap>
                <span className="sw-verified">
                  <CheckCircleFilled aria-hidden="true" /> {t('individual.emailVerified')}
                </span>
                <Button type="link" size="small" className="sw-inline-link" onClick={changeEmail}>
                  {t('individual.changeEmail')}
                </Button>
              </Space>
            ) : undefined
          }
        >
          <Input
            placeholder={t('individual.emailPlaceholder')}
            autoComplete="email"
            maxLength={100}
            readOnly={verifiedEmail !== null}
          />
        </Form.Item>
        <AgreementField
          form={form}
          wrapperCol={TAIL_COL}
          prefix={t('individual.agreementPrefix')}
          link={t('individual.agreementLink')}
        />
        <Form.Item wrapperCol={TAIL_COL}>
          <Button
            type="primary"
            htmlType="submit"
            size="large"
            loading={register.isPending}
            className="sw-submit"
          >
            {t('individual.submit')}
          </Button>
          <span className="sw-auth__links sw-auth__links--inline">
            {t('register.haveAccount')} <Link to="/login">{t('register.goLogin')}</Link>
          </span>
        </Form.Item>
      </Form>
      <EmailVerifyModal
        open={isEmailModalOpen}
        initialEmail={text(emailValue) || undefined}
        onCancel={() => setEmailModalOpen(false)}
        onVerified={onEmailVerified}
      />
    </Card>
  );
}

/** `/register/individual` — 个人用户账号注册 (seed 004 §1.3), then 注册成功. */
export function RegisterIndividualPage() {
  return (
    <RegistrationFlow>
      {(onRegistered) => <RegisterIndividualForm onRegistered={onRegistered} />}
    </RegistrationFlow>
  );
}
