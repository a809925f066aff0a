import type { RealNameMethod, RealNameView } from '@sw/contracts';
import { Alert, App, Button, Card, Descriptions, Form, Radio, Skeleton, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCaptcha } from '../../../components/captcha/use-captcha';
import { FaceCheckPanel } from '../../../components/face-check/face-check-panel';
import { BankCardFields } from '../../../components/identity/bank-card-fields';
import { PageTitle } from '../../../components/page-title';
import { useLocale } from '../../../hooks/use-locale';
import { applyProblemToForm, describeError, isApiError } from '../../../lib/api-client';
import { useRealName, useVerifyBankCard, useVerifyFace, useVerifyIdentity } from '../api/real-name';
import { BankUkeyForm, CardRealNameForm, LegalRepRealNameForm } from './enterprise-real-name';

// solid tags whose white text reads at AA contrast (antd's light presets do not, e.g. green)
const LEVEL_COLORS = { none: 'default', low: '#ad4e00', medium: '#0958d9', high: '#237804' } as const;

type CardValues = { cardNumber: string; mobile: string; captchaAnswer: string; smsCode: string };

function BankCardForm() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<CardValues>();
  const captcha = useCaptcha('real-name-bank');
  const verify = useVerifyBankCard();
  const [failure, setFailure] = useState<string | null>(null);
  return (
    <Form<CardValues>
      form={form}
      name="real-name-bank"
      layout="vertical"
      disabled={verify.isPending}
      onValuesChange={() => setFailure(null)}
      onFinish={(v) =>
        verify.mutate(
          { cardNumber: v.cardNumber, mobile: v.mobile, smsCode: v.smsCode },
          {
            onSuccess: (view) => {
              void message.success(t('realName.done', { level: t(`realNameLevels.${view.level}`) }));
              form.resetFields();
            },
            onError: (error) => {
              const onField = isApiError(error) && applyProblemToForm(form, error.problem, locale);
              setFailure(onField ? null : describeError(error, locale));
            },
          },
        )
      }
    >
      {failure ? (
        <Alert className="sw-form-alert" type="error" showIcon title={failure} role="alert" />
      ) : null}
      <BankCardFields
        formName="real-name-bank"
        form={form}
        captcha={captcha}
        mobileHelp={t('realName.bankMobileHelp')}
      />
      <Button type="primary" htmlType="submit" loading={verify.isPending}>
        {t('realName.confirm')}
      </Button>
    </Form>
  );
}

/** `/account/real-name` — 实名认证 (seed 004 §3.6.1 企业, §3.6.2 操作员, §3.6.3 个人用户). */
export function RealNamePage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const view = useRealName();
  const verifyIdentity = useVerifyIdentity();
  const verifyFace = useVerifyFace();
  const [chosen, setMethod] = useState<RealNameMethod | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  if (view.isPending) return <Skeleton active />;
  if (view.isError) return <Alert type="error" showIcon title={describeError(view.error, locale)} />;
  const data = view.data;
  const method = chosen && data.methods.includes(chosen) ? chosen : (data.methods[0] ?? 'identity');
  const done = (v: RealNameView) =>
    void message.success(t('realName.done', { level: t(`realNameLevels.${v.level}`) }));
  const personal = method === 'identity' || method === 'bank_card' || method === 'face';
  return (
    <>
      <PageTitle>{t('realName.title')}</PageTitle>
      <Card>
        <p>
          {t('realName.level')}：
          <Tag color={LEVEL_COLORS[data.level]} data-testid="real-name-level">
            {t(`realNameLevels.${data.level}`)}
          </Tag>
        </p>
        {data.simulated ? (
          <Alert className="sw-form-alert" type="warning" showIcon title={t('realName.simulated')} />
        ) : null}
        {data.methods.length === 0 ? (
          <p className="sw-muted">{t('realName.none')}</p>
        ) : (
          <>
            <Radio.Group
              className="sw-method-cards"
              value={method}
              onChange={(e) => {
                setMethod(e.target.value as RealNameMethod);
                setFailure(null);
              }}
              aria-label={t('realName.title')}
            >
              {data.methods.map((m) => (
                <Radio.Button key={m} value={m} className="sw-method-card">
                  <strong>{t(`realName.methods.${m}.title`)}</strong>
                  <span className="sw-muted">{t(`realName.methods.${m}.text`)}</span>
                </Radio.Button>
              ))}
            </Radio.Group>
            {failure ? (
              <Alert className="sw-form-alert" type="error" showIcon title={failure} role="alert" />
            ) : null}
            {personal ? (
              <Descriptions
                title={t('realName.basicInfo')}
                column={1}
                size="small"
                items={[
                  { key: 'name', label: t('realName.name'), children: data.name },
                  {
                    key: 'idType',
                    label: t('realName.idType'),
                    children: data.idType ? t(`idTypes.${data.idType}`) : '—',
                  },
                  { key: 'idNumber', label: t('realName.idNumber'), children: data.idNumberMasked ?? '—' },
                ]}
              />
            ) : null}
            {method === 'card' ? (
              <CardRealNameForm onDone={done} onFailure={setFailure} />
            ) : method === 'legal_rep' ? (
              <LegalRepRealNameForm onDone={done} onFailure={setFailure} />
            ) : method === 'bank_ukey' ? (
              <BankUkeyForm onDone={done} onFailure={setFailure} />
            ) : method === 'identity' ? (
              <Button
                type="primary"
                loading={verifyIdentity.isPending}
                onClick={() =>
                  verifyIdentity.mutate(undefined, {
                    onSuccess: done,
                    onError: (error) => setFailure(describeError(error, locale)),
                  })
                }
              >
                {t('realName.confirm')}
              </Button>
            ) : method === 'bank_card' ? (
              <BankCardForm />
            ) : (
              <FaceCheckPanel
                purpose="real_name"
                onPassed={async (faceCheckId) => {
                  try {
                    done(await verifyFace.mutateAsync({ faceCheckId }));
                  } catch (error) {
                    setFailure(describeError(error, locale));
                  }
                }}
              />
            )}
            <Alert className="sw-real-name-tip" type="info" showIcon title={t('realName.tip')} />
          </>
        )}
      </Card>
    </>
  );
}
