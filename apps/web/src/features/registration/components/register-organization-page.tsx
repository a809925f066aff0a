import {
  type ELicenseSession,
  errorMessage,
  ID_TYPES,
  type IdType,
  isValidCreditCode,
  isValidOrgCode,
  isValidUsername,
  LONG_TERM_DATE,
  normalizeOrgCode,
  type OrganizationStep,
  orgCodeOfCreditCode,
  type RegisterOrganizationBody,
} from '@sw/contracts';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Form,
  type FormInstance,
  type FormRule,
  Input,
  Select,
  Space,
  Steps,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { CaptchaInput } from '../../../components/captcha/captcha-input';
import { useCaptcha } from '../../../components/captcha/use-captcha';
import { ELicenseModal } from '../../../components/e-license/e-license-modal';
import { SendCodeButton } from '../../../components/send-code-button';
import { useErrorReporter } from '../../../hooks/use-error-reporter';
import { useLocale } from '../../../hooks/use-locale';
import { sessionQueryOptions } from '../../../hooks/use-session';
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
import { useCheckOrganization, useRegisterOrganization } from '../api/register-organization';
import { useCodeSentNotice } from '../hooks/use-code-sent-notice';
import { AgreementField } from './agreement-modal';

type Kind = 'enterprise' | 'institution';
type OrgValues = Omit<OrganizationStep, 'kind' | 'eLicenseSessionId'>;
type AdminValues = {
  username: string;
  password: string;
  confirmPassword: string;
  name: string;
  idType: IdType;
  idNumber: string;
  idValidFrom?: string;
  idValidTo?: string;
  email: string;
  mobile: string;
  smsCode: string;
};
type Values = {
  organization: OrgValues;
  administrator: AdminValues;
  captchaAnswer?: string;
  agreement?: boolean;
};

const ORG_FIELDS = [
  'creditCode',
  'orgCode',
  'name',
  'legalRepName',
  'legalRepIdType',
  'legalRepIdNumber',
  'legalRepIdValidFrom',
  'legalRepIdValidTo',
] as const;
const LABEL_COL = { xs: { span: 24 }, sm: { span: 8 } };
const WRAPPER_COL = { xs: { span: 24 }, sm: { span: 14 } };
const TAIL_COL = { xs: { span: 24 }, sm: { offset: 8, span: 14 } };

const ymdField = {
  getValueProps: (value: unknown) => ({ value: parseYmd(value) }),
  normalize: (value: Dayjs | null) => (value ? value.format('YYYYMMDD') : undefined),
};

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** A resident-ID validity pair: start date, end date or 长期 (00000000). */
function ValidityItems({
  fromName,
  toName,
  form,
}: {
  fromName: string[];
  toName: string[];
  // biome-ignore lint/suspicious/noExplicitAny: nested name paths of the registration form
  form: FormInstance<any>;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const validTo = Form.useWatch(toName, form);
  const isLongTerm = validTo === LONG_TERM_DATE;
  const toId = toName.join('_');
  return (
    <>
      <Form.Item
        name={fromName}
        label={t('orgRegister.idValidFrom')}
        required
        extra={t('orgRegister.dateHint')}
        rules={[validFromRule(locale)]}
        {...ymdField}
      >
        <DatePicker
          className="sw-date"
          format="YYYYMMDD"
          placeholder="YYYYMMDD"
          disabledDate={(date) => date.isAfter(dayjs(), 'day')}
        />
      </Form.Item>
      <Form.Item
        label={t('orgRegister.idValidTo')}
        required
        htmlFor={`register-org_${toId}`}
        extra={t('orgRegister.longTermHint')}
      >
        <Space wrap>
          <Form.Item
            name={toName}
            noStyle
            dependencies={[fromName]}
            rules={[validToRule(() => form.getFieldValue(fromName), locale)]}
            {...ymdField}
          >
            <DatePicker
              className="sw-date"
              format="YYYYMMDD"
              placeholder={isLongTerm ? t('individual.longTerm') : 'YYYYMMDD'}
              disabled={isLongTerm}
              disabledDate={(date) => date.isBefore(dayjs(), 'day')}
            />
          </Form.Item>
          <Checkbox
            checked={isLongTerm}
            onChange={(event) =>
              form.setFieldValue(toName, event.target.checked ? LONG_TERM_DATE : undefined)
            }
          >
            {t('individual.longTerm')}
          </Checkbox>
        </Space>
      </Form.Item>
    </>
  );
}

/** 1 企业(事业单位)基本信息 → 2 管理员账号信息 → 3 完成 */
function OrganizationSteps({ kind, current }: { kind: Kind; current: number }) {
  const { t } = useTranslation();
  return (
    <Steps
      className="sw-steps"
      current={current}
      items={[
        { title: t(`orgRegister.${kind}.step1`) },
        { title: t('orgRegister.step2') },
        { title: t('orgRegister.step3') },
      ]}
    />
  );
}

function RegisterOrganizationForm({
  kind,
  onRegistered,
}: {
  kind: Kind;
  onRegistered: (username: string) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [form] = Form.useForm<Values>();
  const [step, setStep] = useState(0);
  const [orgTaken, setOrgTaken] = useState(false);
  const [licence, setLicence] = useState<ELicenseSession | null>(null);
  const [isLicenceOpen, setLicenceOpen] = useState(false);
  const legalRepIdType: IdType = Form.useWatch(['organization', 'legalRepIdType'], form) ?? 'resident_id';
  const adminIdType: IdType = Form.useWatch(['administrator', 'idType'], form) ?? 'resident_id';
  const captcha = useCaptcha('register-org');
  const sendSms = useSendSmsCode();
  const check = useCheckOrganization();
  const register = useRegisterOrganization();
  const reportError = useErrorReporter();
  const noticeCodeSent = useCodeSentNotice();

  const organizationBody = (): OrganizationStep => {
    const o = form.getFieldValue('organization') as OrgValues;
    return {
      kind,
      creditCode: text(o.creditCode).toUpperCase(),
      orgCode: normalizeOrgCode(text(o.orgCode)),
      name: text(o.name),
      legalRepName: text(o.legalRepName),
      legalRepIdType: o.legalRepIdType,
      legalRepIdNumber: text(o.legalRepIdNumber).toUpperCase(),
      legalRepIdValidFrom: o.legalRepIdValidFrom,
      legalRepIdValidTo: o.legalRepIdValidTo,
      ...(licence ? { eLicenseSessionId: licence.id } : {}),
    };
  };

  const next = async () => {
    setOrgTaken(false);
    try {
      await form.validateFields(ORG_FIELDS.map((f) => ['organization', f]));
    } catch {
      return;
    }
    check.mutate(organizationBody(), {
      onSuccess: () => {
        setStep(1);
        window.scrollTo({ top: 0 });
      },
      onError: (error) => {
        if (isApiError(error) && error.code === 'account.org_code_taken') setOrgTaken(true);
        reportError(error, form, {
          aliases: Object.fromEntries(ORG_FIELDS.map((f) => [f, `organization.${f}`])),
          codeFields: { 'e_license.mismatch': 'organization.name', 'e_license.pending': 'organization.name' },
        });
      },
    });
  };

  const onLicence = useCallback(
    (session: ELicenseSession) => {
      const e = session.enterprise!;
      setLicence(session);
      setLicenceOpen(false);
      form.setFieldsValue({
        organization: {
          creditCode: e.creditCode,
          orgCode: e.orgCode,
          name: e.name,
          legalRepName: e.legalRepName,
          legalRepIdType: e.legalRepIdType,
          legalRepIdNumber: e.legalRepIdNumber,
        },
      });
    },
    [form],
  );

  const creditOrgRule: FormRule = {
    validator: (_, value) => {
      const v = text(value).toUpperCase();
      if (!v) return Promise.resolve();
      return isValidCreditCode(v)
        ? Promise.resolve()
        : Promise.reject(new Error(errorMessage('field.credit_code_invalid', locale)));
    },
  };
  const orgCodeRule: FormRule = {
    validator: (_, value) => {
      const v = normalizeOrgCode(text(value));
      if (!v) return Promise.resolve();
      if (!isValidOrgCode(v))
        return Promise.reject(new Error(errorMessage('field.org_code_invalid', locale)));
      const credit = text(form.getFieldValue(['organization', 'creditCode'])).toUpperCase();
      if (isValidCreditCode(credit) && orgCodeOfCreditCode(credit) !== v)
        return Promise.reject(new Error(errorMessage('field.org_code_mismatch', locale)));
      return Promise.resolve();
    },
  };
  const usernameAvailableRule: FormRule = {
    validateTrigger: 'onBlur',
    validator: async (_, value) => {
      const username = text(value);
      if (!isValidUsername(username)) return;
      let isAvailable = true;
      try {
        isAvailable = await isUsernameAvailable(username);
      } catch {
        return;
      }
      if (!isAvailable) throw new Error(errorMessage('account.username_taken', locale));
    },
  };

  const sendSmsCode = async (): Promise<number | null> => {
    const mobileName: ['administrator', 'mobile'] = ['administrator', 'mobile'];
    try {
      await form.validateFields([mobileName]);
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
        mobile: text(form.getFieldValue(mobileName)),
        purpose: 'register',
        captchaId: captcha.captcha.id,
        captchaAnswer,
      });
      captcha.refresh();
      form.setFieldValue('captchaAnswer', '');
      noticeCodeSent(response);
      return response.resendAfter;
    } catch (error) {
      captcha.refresh();
      form.setFieldValue('captchaAnswer', '');
      reportError(error, form, {
        aliases: { captchaId: 'captchaAnswer', mobile: 'administrator.mobile' },
        codeFields: {
          'captcha.invalid': 'captchaAnswer',
          'otp.resend_too_soon': 'administrator.smsCode',
          'otp.daily_limit': 'administrator.smsCode',
        },
      });
      return null;
    }
  };

  const onFinish = () => {
    const a = form.getFieldValue('administrator') as AdminValues;
    const body: RegisterOrganizationBody = {
      organization: organizationBody(),
      administrator: {
        username: text(a.username),
        password: a.password,
        confirmPassword: a.confirmPassword,
        name: text(a.name),
        idType: a.idType,
        idNumber: text(a.idNumber).toUpperCase(),
        ...(a.idType === 'resident_id' && a.idValidFrom
          ? { idValidFrom: a.idValidFrom, idValidTo: a.idValidTo }
          : {}),
        email: text(a.email),
        mobile: text(a.mobile),
        smsCode: text(a.smsCode),
      },
      agreement: true,
    };
    register.mutate(body, {
      onSuccess: (response) => {
        forgetUsername(response.username, false);
        onRegistered(response.username);
        window.scrollTo({ top: 0 });
      },
      onError: (error) => {
        if (
          isApiError(error) &&
          (error.code === 'account.org_code_taken' || error.code === 'account.credit_code_taken')
        ) {
          setOrgTaken(true);
          setStep(0);
        }
        reportError(error, form, {
          codeFields: {
            'otp.invalid': 'administrator.smsCode',
            'otp.expired': 'administrator.smsCode',
            'otp.too_many_attempts': 'administrator.smsCode',
          },
        });
      },
    });
  };

  return (
    <Card className="sw-form-card">
      <h1 className="sw-form-card__title">{t(`orgRegister.${kind}.title`)}</h1>
      <OrganizationSteps kind={kind} current={step} />
      <Form<Values>
        form={form}
        name="register-org"
        layout="horizontal"
        labelCol={LABEL_COL}
        wrapperCol={WRAPPER_COL}
        labelWrap
        initialValues={{
          organization: { legalRepIdType: 'resident_id' },
          administrator: { idType: 'resident_id' },
        }}
        onFinish={onFinish}
        scrollToFirstError={{ block: 'center' }}
        disabled={register.isPending}
      >
        {step === 0 ? (
          <>
            {kind === 'enterprise' ? (
              <p className="sw-form-aside">
                <Button type="link" className="sw-inline-link" onClick={() => setLicenceOpen(true)}>
                  {t('orgRegister.eLicense.link')}
                </Button>
              </p>
            ) : null}
            {licence ? <Alert type="success" showIcon message={t('orgRegister.eLicense.prefilled')} /> : null}
            {orgTaken ? (
              <Alert
                type="error"
                showIcon
                role="alert"
                message={errorMessage('account.org_code_taken', locale)}
                description={
                  <span>
                    {t('orgRegister.takenHelp')} <Link to="/login">{t('orgRegister.takenLogin')}</Link>{' '}
                    <Link to="/recover/password">{t('recovery.forgotPassword')}</Link>
                  </span>
                }
              />
            ) : null}
            <Form.Item
              name={['organization', 'creditCode']}
              label={t('orgRegister.creditCode')}
              normalize={(v: string | undefined) => v?.toUpperCase()}
              validateFirst
              rules={[requiredRule(locale), creditOrgRule]}
            >
              <Input maxLength={18} autoComplete="off" readOnly={licence !== null} />
            </Form.Item>
            <Form.Item
              name={['organization', 'orgCode']}
              label={t(`orgRegister.${kind}.orgCode`)}
              extra={t('orgRegister.orgCodeHint')}
              dependencies={[['organization', 'creditCode']]}
              normalize={(v: string | undefined) => v?.toUpperCase()}
              validateFirst
              rules={[requiredRule(locale), orgCodeRule]}
            >
              <Input maxLength={10} autoComplete="off" />
            </Form.Item>
            <Form.Item
              name={['organization', 'name']}
              label={t(`orgRegister.${kind}.name`)}
              rules={[requiredRule(locale), maxLengthRule(100, locale)]}
            >
              <Input maxLength={100} readOnly={licence !== null} />
            </Form.Item>
            <Form.Item
              name={['organization', 'legalRepName']}
              label={t('orgRegister.legalRepName')}
              rules={[requiredRule(locale), maxLengthRule(50, locale)]}
            >
              <Input maxLength={50} readOnly={licence !== null} />
            </Form.Item>
            <Form.Item
              name={['organization', 'legalRepIdType']}
              label={t('orgRegister.legalRepIdType')}
              rules={[requiredRule(locale)]}
            >
              <Select options={ID_TYPES.map((value) => ({ value, label: t(`idTypes.${value}`) }))} />
            </Form.Item>
            <Form.Item
              name={['organization', 'legalRepIdNumber']}
              label={t('orgRegister.legalRepIdNumber')}
              dependencies={[['organization', 'legalRepIdType']]}
              normalize={(v: string | undefined) => v?.toUpperCase()}
              validateFirst
              rules={
                // from the licence the number arrives masked and is registered from the licence itself
                licence
                  ? [requiredRule(locale)]
                  : [requiredRule(locale), maxLengthRule(30, locale), idNumberRule(legalRepIdType, locale)]
              }
            >
              <Input maxLength={30} autoComplete="off" readOnly={licence !== null} />
            </Form.Item>
            <ValidityItems
              fromName={['organization', 'legalRepIdValidFrom']}
              toName={['organization', 'legalRepIdValidTo']}
              form={form}
            />
            <Form.Item wrapperCol={TAIL_COL}>
              <Alert type="info" showIcon message={t('orgRegister.copyHint')} />
            </Form.Item>
            <Form.Item wrapperCol={TAIL_COL}>
              <Space>
                <Button type="primary" size="large" onClick={() => void next()} loading={check.isPending}>
                  {t('orgRegister.next')}
                </Button>
                <Link to="/register">{t('orgRegister.back')}</Link>
              </Space>
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item
              name={['administrator', 'username']}
              label={t('individual.username')}
              extra={t('individual.usernameHelp')}
              validateTrigger={['onChange', 'onBlur']}
              validateFirst
              hasFeedback
              rules={[requiredRule(locale), usernameRule(locale), usernameAvailableRule]}
            >
              <Input autoComplete="username" autoCapitalize="off" spellCheck={false} maxLength={18} />
            </Form.Item>
            <Form.Item
              name={['administrator', 'password']}
              label={t('individual.password')}
              extra={t('individual.passwordHelp')}
              validateFirst
              rules={[requiredRule(locale), passwordRule(locale)]}
            >
              <Input.Password autoComplete="new-password" maxLength={16} />
            </Form.Item>
            <Form.Item
              name={['administrator', 'confirmPassword']}
              label={t('individual.confirmPassword')}
              dependencies={[['administrator', 'password']]}
              validateFirst
              rules={[
                requiredRule(locale),
                confirmPasswordRule(() => form.getFieldValue(['administrator', 'password']), locale),
              ]}
            >
              <Input.Password autoComplete="new-password" maxLength={16} />
            </Form.Item>
            <Form.Item
              name={['administrator', 'name']}
              label={t('individual.name')}
              rules={[requiredRule(locale), maxLengthRule(50, locale)]}
            >
              <Input autoComplete="name" maxLength={50} />
            </Form.Item>
            <Form.Item
              name={['administrator', 'idType']}
              label={t('individual.idType')}
              rules={[requiredRule(locale)]}
            >
              <Select options={ID_TYPES.map((value) => ({ value, label: t(`idTypes.${value}`) }))} />
            </Form.Item>
            <Form.Item
              name={['administrator', 'idNumber']}
              label={t('individual.idNumber')}
              dependencies={[['administrator', 'idType']]}
              normalize={(v: string | undefined) => v?.toUpperCase()}
              validateFirst
              rules={[requiredRule(locale), maxLengthRule(30, locale), idNumberRule(adminIdType, locale)]}
            >
              <Input autoComplete="off" maxLength={30} />
            </Form.Item>
            {kind === 'institution' && adminIdType === 'resident_id' ? (
              <ValidityItems
                fromName={['administrator', 'idValidFrom']}
                toName={['administrator', 'idValidTo']}
                form={form}
              />
            ) : null}
            <Form.Item
              name={['administrator', 'email']}
              label={t('individual.email')}
              validateFirst
              rules={[requiredRule(locale), emailFormatRule(locale)]}
            >
              <Input autoComplete="email" maxLength={100} />
            </Form.Item>
            <Form.Item
              name={['administrator', 'mobile']}
              label={t('individual.mobile')}
              required
              rules={[mobileRule(true, locale)]}
            >
              <Input inputMode="tel" autoComplete="tel-national" maxLength={11} />
            </Form.Item>
            <Form.Item name="captchaAnswer" label={t('captcha.label')}>
              <CaptchaInput state={captcha} />
            </Form.Item>
            <Form.Item label={t('individual.smsCode')} required htmlFor="register-org_administrator_smsCode">
              <Space.Compact block>
                <Form.Item name={['administrator', 'smsCode']} noStyle rules={[otpCodeRule(true, locale)]}>
                  <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
                </Form.Item>
                <SendCodeButton onSend={sendSmsCode} />
              </Space.Compact>
            </Form.Item>
            <AgreementField
              form={form}
              wrapperCol={TAIL_COL}
              prefix={t('individual.agreementPrefix')}
              link={t('individual.agreementLink')}
            />
            <Form.Item wrapperCol={TAIL_COL}>
              <Space>
                <Button size="large" onClick={() => setStep(0)}>
                  {t('orgRegister.previous')}
                </Button>
                <Button type="primary" htmlType="submit" size="large" loading={register.isPending}>
                  {t('orgRegister.submit')}
                </Button>
              </Space>
            </Form.Item>
          </>
        )}
      </Form>
      <ELicenseModal open={isLicenceOpen} onCancel={() => setLicenceOpen(false)} onAuthorized={onLicence} />
    </Card>
  );
}

/**
 * `/register/enterprise` (无卡用户注册, seed 004 §1.2.2) and `/register/institution` (事业单位注册, §1.4).
 * The registration signs the administrator in; the page then goes to 账号信息, as the manual says
 * (「跳转至账号信息管理界面」), and says which username was registered.
 */
export function RegisterOrganizationPage({ kind }: { kind: Kind }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return (
    <div className="sw-container sw-container--form">
      <RegisterOrganizationForm
        key={kind}
        kind={kind}
        onRegistered={(username) => {
          void (async () => {
            await queryClient.fetchQuery({ ...sessionQueryOptions, staleTime: 0 });
            void message.success(t('registerSuccess.subtitle', { username }));
            void navigate('/account/info', { replace: true });
          })();
        }}
      />
    </div>
  );
}

export function RegisterEnterprisePage() {
  return <RegisterOrganizationPage kind="enterprise" />;
}

export function RegisterInstitutionPage() {
  return <RegisterOrganizationPage kind="institution" />;
}
