import type { CorporateBank, IdType, RealNameLegalRepStep, RealNameView } from '@sw/contracts';
import { Alert, Button, Descriptions, Form, type FormInstance, Input, Steps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCaptcha } from '../../../components/captcha/use-captcha';
import { CardFields, type CardFieldValues } from '../../../components/card-media/card-fields';
import { BankCardFields } from '../../../components/identity/bank-card-fields';
import { CorporateAccountFields } from '../../../components/identity/corporate-account-fields';
import { EnterpriseLegalRepFields } from '../../../components/identity/enterprise-legal-rep-fields';
import { LONG_TERM } from '../../../components/identity/identity-fields';
import { useLocale } from '../../../hooks/use-locale';
import { applyProblemToForm, describeError, isApiError } from '../../../lib/api-client';
import { proveCard } from '../../../lib/card-proof';
import { openCardInForm } from '../../../lib/open-card-form';
import {
  useCheckEnterprise,
  useCheckLegalRep,
  useVerifyAdministrator,
  useVerifyBankUkey,
  useVerifyByCard,
} from '../api/real-name';

type Done = (view: RealNameView) => void;
type Fail = (text: string | null) => void;

/** Shows a problem next to its field; otherwise hands its sentence to the page's alert. */
// biome-ignore lint/suspicious/noExplicitAny: any form of the page
function reportTo(form: FormInstance<any>, locale: ReturnType<typeof useLocale>, onFailure: Fail) {
  return (error: unknown) => {
    const onField = isApiError(error) && applyProblemToForm(form, error.problem, locale);
    onFailure(onField ? null : describeError(error, locale));
  };
}

/**
 * IC 卡认证 (§3.6.1, §3.6.2): the card answers a challenge in the browser (its key never leaves it).
 * An administrator may use any card of the enterprise; an operator its own operator card.
 */
export function CardRealNameForm({ onDone, onFailure }: { onDone: Done; onFailure: Fail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [form] = Form.useForm<CardFieldValues>();
  const verify = useVerifyByCard();
  const [busy, setBusy] = useState(false);
  return (
    <Form<CardFieldValues>
      form={form}
      name="real-name-card"
      layout="vertical"
      disabled={busy}
      onValuesChange={() => onFailure(null)}
      onFinish={async (values) => {
        if (!values.cardFile) return;
        setBusy(true);
        try {
          const card = await openCardInForm(form, values.cardFile, values.pin);
          if (!card) return;
          onDone(await verify.mutateAsync(await proveCard(card)));
          form.resetFields();
        } catch (error) {
          reportTo(form, locale, onFailure)(error);
        } finally {
          setBusy(false);
        }
      }}
    >
      <p className="sw-muted">{t('realName.enterprise.cardHint')}</p>
      <CardFields disabled={busy} />
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('realName.confirm')}
      </Button>
    </Form>
  );
}

type UkeyValues = { bank: CorporateBank; accountNumber: string };

/** 银行UKEY认证: the enterprise's corporate account at 建设银行, 农业银行 or 民生银行. */
export function BankUkeyForm({ onDone, onFailure }: { onDone: Done; onFailure: Fail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [form] = Form.useForm<UkeyValues>();
  const verify = useVerifyBankUkey();
  return (
    <Form<UkeyValues>
      form={form}
      name="real-name-ukey"
      layout="vertical"
      disabled={verify.isPending}
      initialValues={{ bank: 'ccb' }}
      onValuesChange={() => onFailure(null)}
      onFinish={(v) => verify.mutate(v, { onSuccess: onDone, onError: reportTo(form, locale, onFailure) })}
    >
      <p className="sw-muted">{t('realName.enterprise.ukeyHint')}</p>
      <CorporateAccountFields />
      <Button type="primary" htmlType="submit" loading={verify.isPending}>
        {t('realName.enterprise.ukeyConfirm')}
      </Button>
    </Form>
  );
}

type PersonValues = {
  idValidFrom?: string;
  idValidTo?: string;
  cardNumber?: string;
  mobile?: string;
  captchaAnswer?: string;
  smsCode?: string;
};

/** 第二步 / 第三步: 身份证认证 (the document's validity) or 银行卡认证 (four elements, the reserved mobile's code). */
function PersonStepForm({
  step,
  pending,
  onSubmit,
  form,
}: {
  step: RealNameLegalRepStep;
  pending: boolean;
  onSubmit: (values: PersonValues) => void;
  form: FormInstance<PersonValues>;
}) {
  const { t } = useTranslation();
  const _locale = useLocale();
  const captcha = useCaptcha(`real-name-${step.step}`);
  const date = [{ required: true, pattern: /^\d{8}$/, message: t('recovery.findUsername.dateHelp') }];
  return (
    <Form<PersonValues>
      form={form}
      name={`real-name-${step.step}`}
      layout="vertical"
      disabled={pending}
      onFinish={onSubmit}
    >
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'name', label: t('realName.name'), children: step.person.name },
          {
            key: 'idType',
            label: t('realName.idType'),
            children: step.person.idType ? t(`idTypes.${step.person.idType}`) : '—',
          },
          { key: 'idNumber', label: t('realName.idNumber'), children: step.person.idNumberMasked ?? '—' },
        ]}
      />
      {step.method === 'identity' ? (
        <>
          <Form.Item
            name="idValidFrom"
            label={t('realName.changes.validFrom')}
            extra={t('recovery.findUsername.dateHelp')}
            rules={date}
          >
            <Input maxLength={8} inputMode="numeric" placeholder="YYYYMMDD" />
          </Form.Item>
          <Form.Item
            name="idValidTo"
            label={t('realName.changes.validTo')}
            extra={t('realName.enterprise.longTermHelp', { zeros: LONG_TERM })}
            rules={date}
          >
            <Input maxLength={8} inputMode="numeric" placeholder="YYYYMMDD" />
          </Form.Item>
        </>
      ) : (
        <>
          <Alert
            className="sw-form-alert"
            type="info"
            showIcon
            title={t('realName.enterprise.bankCardInstead')}
          />
          <BankCardFields formName={`real-name-${step.step}`} form={form} captcha={captcha} />
        </>
      )}
      <Button type="primary" htmlType="submit" loading={pending}>
        {step.step === 'administrator' ? t('realName.enterprise.finish') : t('recovery.forgot.next')}
      </Button>
    </Form>
  );
}

function personBody(step: RealNameLegalRepStep, v: PersonValues) {
  return step.method === 'identity'
    ? {
        flow: step.flow,
        method: 'identity' as const,
        idValidFrom: v.idValidFrom ?? '',
        idValidTo: v.idValidTo ?? '',
      }
    : {
        flow: step.flow,
        method: 'bank_card' as const,
        cardNumber: v.cardNumber ?? '',
        mobile: v.mobile ?? '',
        smsCode: v.smsCode ?? '',
      };
}

type EnterpriseValues = {
  enterpriseName: string;
  creditCode: string;
  legalRepName: string;
  legalRepIdType: IdType;
  legalRepIdNumber: string;
};

/**
 * 法人身份认证 (§3.6.1): 第一步 核验企业信息 → 第二步 核验法人身份信息 → 第三步 核验管理员身份信息.
 * The second and third steps check the person the way the document allows (身份证认证 or 银行卡认证).
 */
export function LegalRepRealNameForm({ onDone, onFailure }: { onDone: Done; onFailure: Fail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [enterpriseForm] = Form.useForm<EnterpriseValues>();
  const [legalRepForm] = Form.useForm<PersonValues>();
  const [adminForm] = Form.useForm<PersonValues>();
  const checkEnterprise = useCheckEnterprise();
  const checkLegalRep = useCheckLegalRep();
  const verifyAdministrator = useVerifyAdministrator();
  const [step, setStep] = useState<RealNameLegalRepStep | null>(null);
  const [legalRepNumber, setLegalRepNumber] = useState('');
  const current = !step ? 0 : step.step === 'legal_rep' ? 1 : 2;
  const _required = [{ required: true, whitespace: true, message: t('recovery.forgot.required') }];
  const restartOnExpiry = (error: unknown) => {
    if (isApiError(error) && error.problem.code === 'realname.flow_expired') setStep(null);
  };
  return (
    <>
      <Steps
        className="sw-forgot__steps"
        size="small"
        current={current}
        items={(['enterprise', 'legalRep', 'administrator'] as const).map((k) => ({
          title: t(`realName.enterprise.steps.${k}`),
        }))}
      />
      {current === 0 ? (
        <Form<EnterpriseValues>
          form={enterpriseForm}
          name="real-name-enterprise"
          layout="vertical"
          disabled={checkEnterprise.isPending}
          initialValues={{ legalRepIdType: 'resident_id' }}
          onValuesChange={() => onFailure(null)}
          onFinish={(v) =>
            checkEnterprise.mutate(v, {
              onSuccess: (next) => {
                setLegalRepNumber(v.legalRepIdNumber);
                setStep(next);
              },
              onError: reportTo(enterpriseForm, locale, onFailure),
            })
          }
        >
          <p className="sw-muted">{t('realName.enterprise.enterpriseHint')}</p>
          <EnterpriseLegalRepFields />
          <Button type="primary" htmlType="submit" loading={checkEnterprise.isPending}>
            {t('recovery.forgot.next')}
          </Button>
        </Form>
      ) : null}
      {step && current === 1 ? (
        <PersonStepForm
          key="legal-rep"
          form={legalRepForm}
          step={step}
          pending={checkLegalRep.isPending}
          onSubmit={(v) =>
            checkLegalRep.mutate(
              { ...personBody(step, v), legalRepIdNumber: legalRepNumber },
              {
                onSuccess: setStep,
                onError: (error) => {
                  restartOnExpiry(error);
                  reportTo(legalRepForm, locale, onFailure)(error);
                },
              },
            )
          }
        />
      ) : null}
      {step && current === 2 ? (
        <PersonStepForm
          key="administrator"
          form={adminForm}
          step={step}
          pending={verifyAdministrator.isPending}
          onSubmit={(v) =>
            verifyAdministrator.mutate(personBody(step, v), {
              onSuccess: (view) => {
                setStep(null);
                onDone(view);
              },
              onError: (error) => {
                restartOnExpiry(error);
                reportTo(adminForm, locale, onFailure)(error);
              },
            })
          }
        />
      ) : null}
    </>
  );
}
