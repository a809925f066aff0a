import {
  type EnterpriseFact,
  errorMessage,
  type RecoveryIdentity,
  type UsernameRecoveryBankCardBody,
  type UsernameRecoveryEnterpriseBankBody,
  type UsernameRecoveryEnterpriseBody,
  type UsernameRecoveryIdentityBody,
  type UsernameRecoveryKind,
  type UsernameRecoveryMobileBody,
  type UsernameRecoveryStep,
} from '@sw/contracts';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Form,
  type FormInstance,
  Input,
  Radio,
  Result,
  Space,
  Steps,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { CorporateAccountFields } from '../../../components/identity/corporate-account-fields';
import { IdentityFields } from '../../../components/identity/identity-fields';
import { MobileProof } from '../../../components/identity/mobile-proof';
import { LinkButton } from '../../../components/link-button';
import { useLocale } from '../../../hooks/use-locale';
import { applyProblemToForm, describeError, isApiError } from '../../../lib/api-client';
import { useUsernameRecoveryStep } from '../api/password-recovery';

const KINDS: UsernameRecoveryKind[] = ['enterprise_admin', 'enterprise_operator', 'individual'];

type Stage =
  | { at: 'kind' }
  | { at: 'mobile' }
  | { at: 'bank' }
  | { at: 'not-bound'; flow: string }
  | { at: 'identity'; flow: string }
  | { at: 'enterprise'; flow: string; factsNeeded: number; operators: string[] }
  | { at: 'done'; usernames: string[] };

/** Shows a problem next to its field, or returns the sentence for the alert above the form. */
function useProblem(form: FormInstance) {
  const locale = useLocale();
  const [failure, setFailure] = useState<string | null>(null);
  const show = (error: unknown) => {
    const onField =
      isApiError(error) &&
      applyProblemToForm(form, error.problem, locale, {
        aliases: { captchaId: 'captchaAnswer' },
        codeFields: { 'captcha.invalid': 'captchaAnswer' },
      });
    setFailure(onField ? null : describeError(error, locale));
  };
  return { failure, show, clear: () => setFailure(null) };
}

function identityOf(values: Record<string, unknown>): RecoveryIdentity {
  return {
    name: String(values.name ?? ''),
    idType: values.idType as RecoveryIdentity['idType'],
    idNumber: String(values.idNumber ?? ''),
    idValidFrom: String(values.idValidFrom ?? ''),
    idValidTo: String(values.idValidTo ?? ''),
  };
}

function nextStage(step: UsernameRecoveryStep): Stage {
  if (step.step === 'done') return { at: 'done', usernames: step.usernames };
  if (step.step === 'enterprise')
    return { at: 'enterprise', flow: step.flow, factsNeeded: step.factsNeeded, operators: step.operators };
  return step.boundMobile === false
    ? { at: 'not-bound', flow: step.flow }
    : { at: 'identity', flow: step.flow };
}

function MobileStep({
  kind,
  onNext,
  onBack,
}: {
  kind: UsernameRecoveryKind;
  onNext: (s: Stage) => void;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const problem = useProblem(form);
  const prove = useUsernameRecoveryStep<UsernameRecoveryMobileBody>('mobile');
  const admin = kind === 'enterprise_admin';
  return (
    <Form
      form={form}
      name="find-username"
      layout="vertical"
      disabled={prove.isPending}
      onValuesChange={problem.clear}
      onFinish={(v) =>
        prove.mutate(
          admin
            ? {
                kind,
                enterpriseName: v.enterpriseName,
                orgCode: v.orgCode,
                mobile: v.mobile,
                smsCode: v.smsCode,
              }
            : { kind, mobile: v.mobile, smsCode: v.smsCode },
          { onSuccess: (step) => onNext(nextStage(step)), onError: problem.show },
        )
      }
    >
      {problem.failure ? (
        <Alert className="sw-form-alert" type="error" showIcon title={problem.failure} role="alert" />
      ) : null}
      {admin ? (
        <>
          <Form.Item
            name="enterpriseName"
            label={t('recovery.findUsername.enterpriseName')}
            rules={[{ required: true, whitespace: true, message: t('recovery.forgot.required') }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            name="orgCode"
            label={t('recovery.findUsername.orgCode')}
            extra={t('recovery.findUsername.orgCodeHelp')}
            rules={[{ required: true, whitespace: true, message: t('recovery.forgot.required') }]}
          >
            <Input maxLength={10} />
          </Form.Item>
        </>
      ) : null}
      <MobileProof
        formName="find-username"
        form={form}
        scope="find-username-mobile"
        label={t('recovery.findUsername.mobile')}
        help={t(admin ? 'recovery.findUsername.adminMobileHelp' : 'recovery.findUsername.mobileHelp')}
      />
      <Space className="sw-form-submit">
        <Button onClick={onBack}>{t('recovery.forgot.previous')}</Button>
        <Button type="primary" htmlType="submit" loading={prove.isPending}>
          {t('recovery.forgot.next')}
        </Button>
      </Space>
    </Form>
  );
}

function IdentityStep({
  kind,
  flow,
  onNext,
}: {
  kind: UsernameRecoveryKind;
  flow: string;
  onNext: (s: Stage) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const problem = useProblem(form);
  const prove = useUsernameRecoveryStep<UsernameRecoveryIdentityBody>('identity');
  const operator = kind === 'enterprise_operator';
  return (
    <Form
      form={form}
      name="find-username"
      layout="vertical"
      disabled={prove.isPending}
      onValuesChange={problem.clear}
      onFinish={(v) =>
        prove.mutate(
          {
            flow,
            ...identityOf(v),
            ...(operator ? { enterpriseName: v.enterpriseName, orgCode: v.orgCode } : {}),
          },
          { onSuccess: (step) => onNext(nextStage(step)), onError: problem.show },
        )
      }
    >
      <h2 className="sw-section-title">
        {t(
          kind === 'enterprise_admin'
            ? 'recovery.findUsername.agentTitle'
            : 'recovery.findUsername.selfTitle',
        )}
      </h2>
      {kind === 'enterprise_admin' ? (
        <p className="sw-muted">{t('recovery.findUsername.agentHelp')}</p>
      ) : null}
      {problem.failure ? (
        <Alert className="sw-form-alert" type="error" showIcon title={problem.failure} role="alert" />
      ) : null}
      {operator ? (
        <>
          <Form.Item
            name="enterpriseName"
            label={t('recovery.findUsername.enterpriseName')}
            rules={[{ required: true, whitespace: true, message: t('recovery.forgot.required') }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            name="orgCode"
            label={t('recovery.findUsername.orgCode')}
            extra={t('recovery.findUsername.orgCodeHelp')}
            rules={[{ required: true, whitespace: true, message: t('recovery.forgot.required') }]}
          >
            <Input maxLength={10} />
          </Form.Item>
        </>
      ) : null}
      <IdentityFields formName="find-username" />
      <Form.Item className="sw-form-submit">
        <Button type="primary" htmlType="submit" loading={prove.isPending}>
          {t('recovery.forgot.next')}
        </Button>
      </Form.Item>
    </Form>
  );
}

function EnterpriseStep({
  stage,
  onNext,
}: {
  stage: Extract<Stage, { at: 'enterprise' }>;
  onNext: (s: Stage) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const problem = useProblem(form);
  const prove = useUsernameRecoveryStep<UsernameRecoveryEnterpriseBody>('enterprise');
  const [facts, setFacts] = useState<EnterpriseFact[]>(['legal_rep']);
  const noOperators = stage.operators.length < 2;
  return (
    <Form
      form={form}
      name="find-username"
      layout="vertical"
      disabled={prove.isPending}
      onValuesChange={problem.clear}
      onFinish={(v) =>
        prove.mutate(
          {
            flow: stage.flow,
            ...(facts.includes('legal_rep') ? { legalRep: identityOf(v.legalRep ?? {}) } : {}),
            ...(facts.includes('administrator') ? { administrator: identityOf(v.administrator ?? {}) } : {}),
            ...(facts.includes('operators')
              ? {
                  operators: [0, 1].map((i) => ({
                    mobile: String(v.operators?.[i]?.mobile ?? ''),
                    smsCode: String(v.operators?.[i]?.smsCode ?? ''),
                  })),
                }
              : {}),
          },
          { onSuccess: (step) => onNext(nextStage(step)), onError: problem.show },
        )
      }
    >
      <h2 className="sw-section-title">{t('recovery.findUsername.factsTitle')}</h2>
      {problem.failure ? (
        <Alert className="sw-form-alert" type="error" showIcon title={problem.failure} role="alert" />
      ) : null}
      <Form.Item label={t('recovery.findUsername.factsNeeded', { count: stage.factsNeeded })} required>
        {stage.factsNeeded === 1 ? (
          <Radio.Group
            value={facts[0]}
            onChange={(e) => setFacts([e.target.value as EnterpriseFact])}
            options={(['legal_rep', 'administrator', 'operators'] as const).map((f) => ({
              value: f,
              label: t(`recovery.findUsername.facts.${f}`),
              disabled: f === 'operators' && noOperators,
            }))}
          />
        ) : (
          <Checkbox.Group
            value={facts}
            onChange={(v) => setFacts(v as EnterpriseFact[])}
            options={(['legal_rep', 'administrator', 'operators'] as const).map((f) => ({
              value: f,
              label: t(`recovery.findUsername.facts.${f}`),
              disabled: f === 'operators' && noOperators,
            }))}
          />
        )}
      </Form.Item>
      {noOperators ? <p className="sw-muted">{t('recovery.findUsername.noTwoOperators')}</p> : null}
      {facts.includes('legal_rep') ? (
        <IdentityFields
          formName="find-username"
          prefix={['legalRep']}
          who={t('recovery.findUsername.legalRep')}
        />
      ) : null}
      {facts.includes('administrator') ? (
        <IdentityFields
          formName="find-username"
          prefix={['administrator']}
          who={t('recovery.findUsername.administrator')}
        />
      ) : null}
      {facts.includes('operators')
        ? stage.operators.map((name, i) => (
            <MobileProof
              formName="find-username"
              key={name}
              form={form}
              prefix={['operators', i]}
              scope={`find-username-operator-${i}`}
              label={t('recovery.findUsername.operatorMobile', { name })}
            />
          ))
        : null}
      <Form.Item className="sw-form-submit">
        <Button
          type="primary"
          htmlType="submit"
          loading={prove.isPending}
          disabled={facts.length !== stage.factsNeeded}
        >
          {t('recovery.forgot.next')}
        </Button>
      </Form.Item>
    </Form>
  );
}

/** 个人实名认证 / 操作员实名认证: identity and bank card (four elements) in one form. */
/**
 * 企业实名认证 (§2.3.1.2): 您的手机号 and its code, 企业名称 and 组织机构代码, then the enterprise's bank
 * (建设银行, 农业银行, 民生银行) confirms its corporate account → every username of the enterprise.
 */
function EnterpriseBankStep({ onNext, onBack }: { onNext: (s: Stage) => void; onBack: () => void }) {
  const { t } = useTranslation();
  const _locale = useLocale();
  const [form] = Form.useForm();
  const problem = useProblem(form);
  const prove = useUsernameRecoveryStep<UsernameRecoveryEnterpriseBankBody>('enterprise-bank');
  const required = [{ required: true, whitespace: true, message: t('recovery.forgot.required') }];
  return (
    <Form
      form={form}
      name="find-username"
      layout="vertical"
      disabled={prove.isPending}
      initialValues={{ bank: 'ccb' }}
      onValuesChange={problem.clear}
      onFinish={(v) =>
        prove.mutate(
          {
            mobile: String(v.mobile ?? ''),
            smsCode: String(v.smsCode ?? ''),
            enterpriseName: String(v.enterpriseName ?? ''),
            orgCode: String(v.orgCode ?? ''),
            bank: v.bank,
            accountNumber: String(v.accountNumber ?? ''),
          },
          { onSuccess: (step) => onNext(nextStage(step)), onError: problem.show },
        )
      }
    >
      <p className="sw-muted">{t('recovery.findUsername.enterpriseBankHelp')}</p>
      {problem.failure ? (
        <Alert className="sw-form-alert" type="error" showIcon title={problem.failure} role="alert" />
      ) : null}
      <MobileProof
        formName="find-username"
        form={form}
        scope="find-username-enterprise-bank"
        label={t('recovery.findUsername.yourMobile')}
      />
      <Form.Item name="enterpriseName" label={t('recovery.findUsername.enterpriseName')} rules={required}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        name="orgCode"
        label={t('recovery.findUsername.orgCode')}
        extra={t('recovery.findUsername.orgCodeHelp')}
        rules={required}
      >
        <Input maxLength={10} />
      </Form.Item>
      <CorporateAccountFields bankHelp={t('recovery.findUsername.bankChoiceHelp')} />
      <Space className="sw-form-submit">
        <Button onClick={onBack}>{t('recovery.forgot.previous')}</Button>
        <Button type="primary" htmlType="submit" loading={prove.isPending}>
          {t('recovery.findUsername.queryUsernames')}
        </Button>
      </Space>
    </Form>
  );
}

function BankCardStep({
  kind,
  onNext,
  onBack,
}: {
  kind: 'individual' | 'enterprise_operator';
  onNext: (s: Stage) => void;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [form] = Form.useForm();
  const problem = useProblem(form);
  const prove = useUsernameRecoveryStep<UsernameRecoveryBankCardBody>('bank-card');
  const operator = kind === 'enterprise_operator';
  return (
    <Form
      form={form}
      name="find-username"
      layout="vertical"
      disabled={prove.isPending}
      onValuesChange={problem.clear}
      onFinish={(v) =>
        prove.mutate(
          {
            kind,
            ...identityOf(v),
            ...(operator ? { enterpriseName: v.enterpriseName, orgCode: v.orgCode } : {}),
            cardNumber: String(v.cardNumber ?? ''),
            mobile: String(v.mobile ?? ''),
            smsCode: String(v.smsCode ?? ''),
          },
          { onSuccess: (step) => onNext(nextStage(step)), onError: problem.show },
        )
      }
    >
      <p className="sw-muted">{t('recovery.findUsername.bankHelp')}</p>
      {problem.failure ? (
        <Alert className="sw-form-alert" type="error" showIcon title={problem.failure} role="alert" />
      ) : null}
      {operator ? (
        <>
          <Form.Item
            name="enterpriseName"
            label={t('recovery.findUsername.enterpriseName')}
            rules={[{ required: true, whitespace: true, message: t('recovery.forgot.required') }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            name="orgCode"
            label={t('recovery.findUsername.orgCode')}
            extra={t('recovery.findUsername.orgCodeHelp')}
            rules={[{ required: true, whitespace: true, message: t('recovery.forgot.required') }]}
          >
            <Input maxLength={10} />
          </Form.Item>
        </>
      ) : null}
      <IdentityFields formName="find-username" />
      <Form.Item
        name="cardNumber"
        label={t('recovery.findUsername.cardNumber')}
        rules={[
          {
            required: true,
            pattern: /^[\d\s]{12,23}$/,
            message: errorMessage('realname.card_invalid', locale),
          },
        ]}
      >
        <Input inputMode="numeric" maxLength={23} autoComplete="off" />
      </Form.Item>
      <MobileProof
        formName="find-username"
        form={form}
        scope="find-username-bank"
        label={t('recovery.findUsername.bankMobile')}
      />
      <Space className="sw-form-submit">
        <Button onClick={onBack}>{t('recovery.forgot.previous')}</Button>
        <Button type="primary" htmlType="submit" loading={prove.isPending}>
          {t('recovery.forgot.next')}
        </Button>
      </Space>
    </Form>
  );
}

/** `/recover/username` — 找回用户名 (seed 004 §2.3) for 企业管理员, 企业操作员 and 个人用户. */
export function ForgotUsernamePage() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<UsernameRecoveryKind>('individual');
  const [method, setMethod] = useState<'mobile' | 'bank' | 'manual'>('mobile');
  const navigate = useNavigate();
  const [stage, setStage] = useState<Stage>({ at: 'kind' });
  const admin = kind === 'enterprise_admin';
  const stepKeys = admin
    ? (['kind', 'mobile', 'identity', 'enterprise', 'done'] as const)
    : (['kind', 'mobile', 'identity', 'done'] as const);
  const current = {
    kind: 0,
    mobile: 1,
    bank: 1,
    'not-bound': 1,
    identity: 2,
    enterprise: 3,
    done: stepKeys.length - 1,
  }[stage.at];
  return (
    <div className="sw-auth">
      <Card className="sw-auth__card sw-forgot">
        <h1 className="sw-auth__title">{t('recovery.findUsername.title')}</h1>
        <Steps
          className="sw-forgot__steps"
          size="small"
          titlePlacement="vertical"
          current={current}
          items={stepKeys.map((key) => ({ title: t(`recovery.findUsername.steps.${key}`) }))}
        />
        {stage.at === 'kind' ? (
          <>
            <Radio.Group
              className="sw-method-cards"
              value={kind}
              onChange={(e) => setKind(e.target.value as UsernameRecoveryKind)}
              aria-label={t('recovery.findUsername.steps.kind')}
            >
              {KINDS.map((k) => (
                <Radio.Button key={k} value={k} className="sw-method-card">
                  <strong>{t(`recovery.findUsername.kinds.${k}.title`)}</strong>
                  <span className="sw-muted">{t(`recovery.findUsername.kinds.${k}.text`)}</span>
                </Radio.Button>
              ))}
            </Radio.Group>
            <Form.Item label={t('recovery.findUsername.method')} className="sw-find-method">
              <Radio.Group
                value={method}
                onChange={(e) => setMethod(e.target.value)}
                options={[
                  {
                    value: 'mobile',
                    label: t(
                      admin
                        ? 'recovery.findUsername.methods.accountInfo'
                        : 'recovery.findUsername.methods.mobile',
                    ),
                  },
                  { value: 'bank', label: t(`recovery.findUsername.methods.bank.${kind}`) },
                  { value: 'manual', label: t('recovery.findUsername.methods.manual') },
                ]}
              />
            </Form.Item>
            <Form.Item className="sw-form-submit">
              <Button
                type="primary"
                block
                size="large"
                onClick={() => {
                  if (method === 'manual')
                    void navigate(`/apps/account-recovery/apply?purpose=username&type=${kind}`);
                  else setStage({ at: method });
                }}
              >
                {t('recovery.forgot.next')}
              </Button>
            </Form.Item>
            <p className="sw-auth__links">
              <Link to="/login">{t('recovery.backToLogin')}</Link>
              <span className="sw-footer__sep" aria-hidden="true">
                |
              </span>
              <Link to="/recover/password">{t('recovery.forgotPassword')}</Link>
            </p>
          </>
        ) : null}
        {stage.at === 'mobile' ? (
          <MobileStep kind={kind} onNext={setStage} onBack={() => setStage({ at: 'kind' })} />
        ) : null}
        {stage.at === 'bank' && kind === 'enterprise_admin' ? (
          <EnterpriseBankStep onNext={setStage} onBack={() => setStage({ at: 'kind' })} />
        ) : null}
        {stage.at === 'bank' && kind !== 'enterprise_admin' ? (
          <BankCardStep kind={kind} onNext={setStage} onBack={() => setStage({ at: 'kind' })} />
        ) : null}
        {stage.at === 'not-bound' ? (
          <Result
            status="warning"
            title={<h2 className="sw-result-title">{t('recovery.findUsername.notBoundTitle')}</h2>}
            subTitle={t('recovery.findUsername.notBoundText')}
            extra={
              <Space>
                <Button onClick={() => setStage({ at: 'mobile' })}>
                  {t('recovery.findUsername.reenter')}
                </Button>
                <Button type="primary" onClick={() => setStage({ at: 'identity', flow: stage.flow })}>
                  {t('recovery.forgot.next')}
                </Button>
              </Space>
            }
          />
        ) : null}
        {stage.at === 'identity' ? <IdentityStep kind={kind} flow={stage.flow} onNext={setStage} /> : null}
        {stage.at === 'enterprise' ? <EnterpriseStep stage={stage} onNext={setStage} /> : null}
        {stage.at === 'done' ? (
          <Result
            status="success"
            title={<h2 className="sw-result-title">{t('recovery.findUsername.doneTitle')}</h2>}
            subTitle={
              <span role="status">
                {t('recovery.findUsername.doneText')}
                <strong data-testid="recovered-usernames">{stage.usernames.join('、')}</strong>
              </span>
            }
            extra={
              <LinkButton type="primary" to="/login">
                {t('recovery.findUsername.signIn')}
              </LinkButton>
            }
          />
        ) : null}
      </Card>
    </div>
  );
}
