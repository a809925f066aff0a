import { errorMessage, type Locale } from '@sw/contracts';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Cascader,
  Checkbox,
  DatePicker,
  Form,
  Input,
  Radio,
  Result,
  Select,
  Steps,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  NB_ID_TYPES,
  type RegionNode,
  SAR_REGIONS,
} from '../../../../../server/src/modules/services/northbound/contract.ts';
import { FaceCheckPanel } from '../../../components/face-check/face-check-panel';
import { MobileProof } from '../../../components/identity/mobile-proof';
import { useLocale } from '../../../hooks/use-locale';
import { SESSION_QUERY_KEY } from '../../../hooks/use-session';
import { apiClient, applyProblemToForm, describeError, isApiError } from '../../../lib/api-client';
import { confirmPasswordRule, passwordRule, requiredRule, usernameRule } from '../../../lib/form-rules';
import { northbound } from '../api';
import { useMessages } from '../messages';

type Values = {
  username: string;
  password: string;
  confirmPassword: string;
  name: string;
  idType: (typeof NB_ID_TYPES)[number];
  idNumber: string;
  gender: 'male' | 'female';
  birthDate: Dayjs;
  idValidTo: Dayjs;
  region: string[];
  address: string;
  mobile: string;
  smsCode: string;
  agreement: boolean;
  activateNational: boolean;
};

type RegionOption = { value: string; label: string; children?: RegionOption[] };

function regionOptions(nodes: readonly RegionNode[], locale: Locale): RegionOption[] {
  return nodes.map((n) => ({
    value: n.code,
    label: n.name[locale],
    ...(n.children ? { children: regionOptions(n.children, locale) } : {}),
  }));
}

/**
 * `/apps/northbound/register` — 个人注册 (000 §2.1): 输入基础信息 → 实名核验 (face check, simulator
 * labelled) → 注册完成, then straight into the system's first sign-in.
 */
export function RegisterPage() {
  const t = useMessages();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [step, setStep] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // for values that are not text (dates, the region path): requiredRule also refuses blank text
  const chosen = { required: true, message: errorMessage('field.required', locale) };

  const submit = async (values: Values) => {
    setBusy(true);
    setFailure(null);
    try {
      // the image captcha was spent on the SMS code; the registration does not take it
      const { captchaAnswer: _spent, ...fields } = values as Values & { captchaAnswer?: string };
      await northbound.register({
        ...fields,
        birthDate: values.birthDate.format('YYYY-MM-DD'),
        idValidTo: values.idValidTo.format('YYYY-MM-DD'),
        username: values.username.trim(),
        mobile: values.mobile.trim(),
        smsCode: String(values.smsCode ?? '').trim(),
        agreement: values.agreement === true,
        activateNational: values.activateNational === true,
      });
      // the registration signed the person in: the session the page holds is stale
      await queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY });
      setStep(1);
    } catch (error) {
      if (!(isApiError(error) && applyProblemToForm(form, error.problem, locale)))
        setFailure(describeError(error, locale));
    } finally {
      setBusy(false);
    }
  };

  const faceVerified = async (faceCheckId: string) => {
    await apiClient.post('/api/account/real-name/face', { faceCheckId });
    setStep(2);
  };

  return (
    <div className="nb-narrow">
      <Card className="sw-block" title={<h1 className="sw-card-heading">{t('register.title')}</h1>}>
        <Steps
          className="nb-gap"
          current={step}
          items={[
            { title: t('register.stepBasic') },
            { title: t('register.stepVerify') },
            { title: t('register.stepDone') },
          ]}
        />
        {step === 0 ? (
          <Form<Values>
            form={form}
            name="nbRegister"
            layout="horizontal"
            labelCol={{ span: 6 }}
            wrapperCol={{ span: 16 }}
            initialValues={{ idType: 'hk_macao_permit', activateNational: true }}
            onFinish={(v) => void submit(v)}
            scrollToFirstError
          >
            <h2 className="nb-section">{t('register.account')}</h2>
            <Form.Item name="username" label={t('register.username')} rules={[usernameRule(locale)]}>
              <Input autoComplete="username" maxLength={20} />
            </Form.Item>
            <Form.Item name="password" label={t('register.password')} rules={[passwordRule(locale)]}>
              <Input.Password autoComplete="new-password" maxLength={32} />
            </Form.Item>
            <Form.Item
              name="confirmPassword"
              label={t('register.confirmPassword')}
              dependencies={['password']}
              rules={[confirmPasswordRule(() => form.getFieldValue('password'), locale)]}
            >
              <Input.Password autoComplete="new-password" maxLength={32} />
            </Form.Item>
            <h2 className="nb-section">{t('register.identity')}</h2>
            <Form.Item name="name" label={t('register.name')} rules={[requiredRule(locale)]}>
              <Input autoComplete="name" maxLength={50} />
            </Form.Item>
            <Form.Item name="idType" label={t('register.idType')} rules={[requiredRule(locale)]}>
              <Select
                options={NB_ID_TYPES.map((value) => ({
                  value,
                  label:
                    value === 'hk_macao_permit'
                      ? t('register.hkmPermit')
                      : value === 'passport'
                        ? t('register.passport')
                        : t('register.residentId'),
                }))}
              />
            </Form.Item>
            <Form.Item
              name="idNumber"
              label={t('register.idNumber')}
              rules={[requiredRule(locale)]}
              extra={t('register.tip1')}
            >
              <Input placeholder={t('register.idNumberPlaceholder')} maxLength={30} />
            </Form.Item>
            <Form.Item name="gender" label={t('register.gender')} rules={[chosen]}>
              <Radio.Group
                options={[
                  { value: 'male', label: t('register.male') },
                  { value: 'female', label: t('register.female') },
                ]}
              />
            </Form.Item>
            <Form.Item name="birthDate" label={t('register.birthDate')} rules={[chosen]}>
              <DatePicker className="nb-date" />
            </Form.Item>
            <Form.Item name="idValidTo" label={t('register.validTo')} rules={[chosen]}>
              <DatePicker className="nb-date" />
            </Form.Item>
            <Form.Item label={t('register.address')} required extra={t('register.tip3')}>
              <Form.Item name="region" noStyle rules={[chosen]}>
                <Cascader options={regionOptions(SAR_REGIONS, locale)} aria-label={t('register.address')} />
              </Form.Item>
              <Form.Item name="address" noStyle rules={[requiredRule(locale)]}>
                <Input
                  className="nb-gap-top"
                  placeholder={t('register.addressPlaceholder')}
                  maxLength={100}
                />
              </Form.Item>
            </Form.Item>
            <h2 className="nb-section">{t('register.contact')}</h2>
            <MobileProof
              formName="nbRegister"
              form={form}
              label={t('register.mobile')}
              help={`${t('register.mobileHelp')}。${t('register.tip2')}`}
              scope="nb-register"
              purpose="register"
            />
            <Form.Item
              name="agreement"
              valuePropName="checked"
              wrapperCol={{ offset: 6, span: 16 }}
              rules={[
                {
                  validator: (_, v) =>
                    v ? Promise.resolve() : Promise.reject(new Error(t('register.agreement'))),
                },
              ]}
            >
              <Checkbox>{t('register.agreement')}</Checkbox>
            </Form.Item>
            <Form.Item name="activateNational" valuePropName="checked" wrapperCol={{ offset: 6, span: 16 }}>
              <Checkbox>{t('register.activateNational')}</Checkbox>
            </Form.Item>
            {failure ? <Alert type="error" showIcon message={failure} className="nb-gap" /> : null}
            <Form.Item wrapperCol={{ offset: 6, span: 16 }}>
              <Button type="primary" htmlType="submit" loading={busy}>
                {t('register.next')}
              </Button>
            </Form.Item>
            <Alert
              type="info"
              showIcon
              message={t('register.notes')}
              description={
                <ol className="nb-list">
                  {(['note1', 'note2', 'note3', 'note4', 'note5'] as const).map((k) => (
                    <li key={k}>{t(`register.${k}`)}</li>
                  ))}
                </ol>
              }
            />
          </Form>
        ) : step === 1 ? (
          <div>
            <Alert type="info" showIcon message={t('register.verifyLead')} className="nb-gap" />
            <FaceCheckPanel purpose="real_name" onPassed={faceVerified} />
          </div>
        ) : (
          <Result
            status="success"
            title={t('register.done')}
            subTitle={t('register.doneLead')}
            extra={
              <Link className="nb-cta nb-cta--primary" to="/apps/northbound/bind">
                {t('register.enter')}
              </Link>
            }
          />
        )}
      </Card>
    </div>
  );
}
