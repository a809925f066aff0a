import type { UploadedFile, UsernameRecoveryKind } from '@sw/contracts';
import { USERNAME_RECOVERY_KINDS } from '@sw/contracts';
import { Alert, Button, Card, Form, Input, Modal, Radio, Result, Space, Steps } from 'antd';
import { useState } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import {
  ACCOUNT_TYPE_NAMES,
  type AccountRecoveryForm,
  type AccountRecoverySubmitted,
  RECOVERY_ATTACHMENT_MAX_BYTES,
  RECOVERY_ATTACHMENT_TYPES,
  type RecoveryPurpose,
  type RecoverySlot,
} from '../../../../../server/src/modules/services/account-recovery/contract.ts';
import { IdentityFields } from '../../../components/identity/identity-fields';
import { MobileProof } from '../../../components/identity/mobile-proof';
import { LinkButton } from '../../../components/link-button';
import { AttachmentUpload } from '../../../components/upload/attachment-upload';
import { useLocale } from '../../../hooks/use-locale';
import { applyProblemToForm, describeError, isApiError } from '../../../lib/api-client';
import { confirmPasswordRule, passwordRule, requiredRule } from '../../../lib/form-rules';
import { formatDateTime } from '../../../lib/format';
import { discardUpload, useSubmitRecovery } from '../api';
import { useMessages } from '../messages';

const FORM_NAME = 'manual-review';

/** What 「提交人工审核」 carries over from the method that failed (route state). */
export type ManualReviewPrefill = {
  accountType?: UsernameRecoveryKind;
  mobile?: string;
  /** the code that proved the mobile in the failed method (still valid: a failure spends only a try) */
  smsCode?: string;
  form?: Partial<Omit<AccountRecoveryForm, 'purpose' | 'accountType' | 'mobile'>>;
};

type Values = {
  mobile: string;
  captchaAnswer?: string;
  smsCode: string;
  form: Omit<AccountRecoveryForm, 'purpose' | 'mobile'>;
  attachments: Partial<Record<RecoverySlot, UploadedFile[]>>;
  newPassword?: string;
  confirmPassword?: string;
};

type StepKey = 'mobile' | 'info' | 'upload' | 'password';

/** The step holding a field a problem names (to show it there). */
function stepOfPath(path: string): StepKey {
  if (path === 'smsCode' || path === 'form.mobile' || path === 'mobile') return 'mobile';
  if (path.startsWith('attachments')) return 'upload';
  if (path === 'newPassword' || path === 'confirmPassword') return 'password';
  return 'info';
}

function isPurpose(v: string | null): v is RecoveryPurpose {
  return v === 'username' || v === 'password';
}

function isKind(v: unknown): v is UsernameRecoveryKind {
  return (USERNAME_RECOVERY_KINDS as readonly unknown[]).includes(v);
}

/**
 * `/apps/account-recovery/apply?purpose=username|password` — 人工资料审核 (seed 004 §2.3.1.3,
 * §2.3.3.3) and 「提交人工审核」 of 忘记密码 (§2.4): 验证当前手机号 → 填写信息 → 上传资料 →
 * (password) 重置密码, then 「知道了」 and the wait for the SMS. What the failed method had is
 * filled in and may be changed.
 */
export function ApplyPage() {
  const m = useMessages();
  const locale = useLocale();
  const [params] = useSearchParams();
  const prefill = (useLocation().state ?? {}) as ManualReviewPrefill;
  const purpose: RecoveryPurpose = isPurpose(params.get('purpose'))
    ? (params.get('purpose') as RecoveryPurpose)
    : 'username';
  const typeParam = params.get('type') ?? prefill.accountType;
  const [form] = Form.useForm<Values>();
  const accountType = (Form.useWatch(['form', 'accountType'], form) ??
    (isKind(typeParam) ? typeParam : 'individual')) as UsernameRecoveryKind;
  const steps: StepKey[] =
    purpose === 'password' ? ['mobile', 'info', 'upload', 'password'] : ['mobile', 'info', 'upload'];
  const [step, setStep] = useState(0);
  const [submitted, setSubmitted] = useState<AccountRecoverySubmitted | null>(null);
  const [acknowledged, setAcknowledged] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const submit = useSubmitRecovery();
  const required = [requiredRule(locale)];
  const enterprise = accountType !== 'individual';
  const needsLegalRep = accountType === 'enterprise_admin';
  const needsPerson = !(accountType === 'enterprise_admin' && purpose === 'password');
  const key = steps[step]!;

  /** the fields of a step, as antd names them, for validating it alone */
  const fieldsOf = (k: StepKey): (string | number)[][] | undefined =>
    k === 'mobile'
      ? [['mobile'], ['smsCode']]
      : k === 'upload'
        ? [
            ['attachments', 'idCard'],
            ['attachments', 'businessLicence'],
          ]
        : k === 'password'
          ? [['newPassword'], ['confirmPassword']]
          : undefined;

  const next = async () => {
    try {
      const names = fieldsOf(key);
      if (names) await form.validateFields(names);
      else
        await form.validateFields(
          form
            .getFieldsError()
            .map((f) => f.name)
            .filter((n) => n[0] === 'form'),
        );
    } catch {
      return;
    }
    if (step < steps.length - 1) setStep(step + 1);
    else send();
  };

  const send = () => {
    const v = form.getFieldsValue(true) as Values;
    const uploads = Object.entries(v.attachments ?? {}).flatMap(([slot, files]) =>
      (files ?? []).map((f) => ({
        slot: slot as RecoverySlot,
        fileId: f.id,
        uploadToken: f.uploadToken ?? '',
      })),
    );
    const f = v.form;
    setFailure(null);
    submit.mutate(
      {
        form: {
          purpose,
          accountType: f.accountType,
          mobile: v.mobile.trim(),
          ...(purpose === 'password' ? { username: f.username } : {}),
          ...(enterprise ? { enterpriseName: f.enterpriseName, enterpriseCode: f.enterpriseCode } : {}),
          ...(needsLegalRep ? { legalRep: f.legalRep } : {}),
          ...(needsPerson ? { person: f.person } : {}),
        } as AccountRecoveryForm,
        smsCode: v.smsCode.trim(),
        attachments: uploads,
        ...(purpose === 'password' ? { newPassword: v.newPassword, confirmPassword: v.confirmPassword } : {}),
      },
      {
        onSuccess: setSubmitted,
        onError: (error) => {
          if (isApiError(error)) {
            const first = error.problem.errors?.[0]?.path;
            if (first) setStep(Math.max(0, steps.indexOf(stepOfPath(first))));
            // after the step renders its fields
            setTimeout(() => {
              if (!applyProblemToForm(form, error.problem, locale, { aliases: { 'form.mobile': 'mobile' } }))
                setFailure(describeError(error, locale));
            }, 0);
            return;
          }
          setFailure(describeError(error, locale));
        },
      },
    );
  };

  if (submitted && acknowledged) {
    return (
      <div className="sw-auth">
        <Card className="sw-auth__card sw-forgot">
          <Result
            status="info"
            title={<h1 className="sw-result-title">{m('waitingTitle')}</h1>}
            subTitle={
              <span role="status" data-testid="manual-review-number">
                {m('waitingText', { number: submitted.number, due: formatDateTime(submitted.dueAt) })}
              </span>
            }
            extra={
              <LinkButton type="primary" to="/login">
                {m('backToLogin')}
              </LinkButton>
            }
          />
        </Card>
      </div>
    );
  }

  return (
    <div className="sw-auth">
      <Card className="sw-auth__card sw-forgot">
        <h1 className="sw-auth__title">{m(`title.${purpose}`)}</h1>
        <Steps
          className="sw-forgot__steps"
          size="small"
          titlePlacement="vertical"
          current={step}
          items={[...steps.map((s) => ({ title: m(`steps.${s}`) })), { title: m('steps.done') }]}
        />
        {failure ? (
          <Alert className="sw-form-alert" type="error" showIcon title={failure} role="alert" />
        ) : null}
        <Form
          form={form}
          name={FORM_NAME}
          layout="vertical"
          disabled={submit.isPending}
          initialValues={{
            mobile: prefill.mobile ?? '',
            smsCode: prefill.smsCode ?? '',
            form: {
              accountType: isKind(typeParam) ? typeParam : 'individual',
              ...prefill.form,
              legalRep: { idType: 'resident_id', ...prefill.form?.legalRep },
              person: { idType: 'resident_id', ...prefill.form?.person },
            },
          }}
          onFinish={() => void next()}
        >
          <div hidden={key !== 'mobile'}>
            <Alert className="sw-form-alert" type="info" showIcon title={m('mobile.hint')} />
            <MobileProof formName={FORM_NAME} form={form} scope="manual-review" label={m('mobile.label')} />
          </div>
          {key === 'info' ? (
            <>
              <p className="sw-muted">{m('info.hint')}</p>
              <Form.Item name={['form', 'accountType']} label={m('info.accountType')} rules={required}>
                <Radio.Group
                  options={USERNAME_RECOVERY_KINDS.map((k) => ({
                    value: k,
                    label: ACCOUNT_TYPE_NAMES[k][locale],
                  }))}
                />
              </Form.Item>
              {purpose === 'password' ? (
                <Form.Item name={['form', 'username']} label={m('info.username')} rules={required}>
                  <Input maxLength={64} autoComplete="username" />
                </Form.Item>
              ) : null}
              {enterprise ? (
                <>
                  <Form.Item
                    name={['form', 'enterpriseName']}
                    label={m('info.enterpriseName')}
                    rules={required}
                  >
                    <Input maxLength={200} />
                  </Form.Item>
                  <Form.Item
                    name={['form', 'enterpriseCode']}
                    label={m('info.enterpriseCode')}
                    rules={required}
                  >
                    <Input maxLength={18} />
                  </Form.Item>
                </>
              ) : null}
              {needsLegalRep ? (
                <IdentityFields formName={FORM_NAME} prefix={['form', 'legalRep']} who={m('info.legalRep')} />
              ) : null}
              {needsPerson ? <IdentityFields formName={FORM_NAME} prefix={['form', 'person']} /> : null}
            </>
          ) : null}
          {key === 'upload' ? (
            <>
              <p className="sw-muted">{m('upload.hint')}</p>
              {(enterprise ? (['idCard', 'businessLicence'] as const) : (['idCard'] as const)).map((slot) => {
                const maxCount = slot === 'idCard' ? 2 : 1;
                const slotName = m(`upload.${slot}`);
                return (
                  <Form.Item
                    key={slot}
                    name={['attachments', slot]}
                    label={slotName}
                    required
                    rules={[
                      {
                        validator: async (_, value: UploadedFile[] | undefined) => {
                          const count = value?.length ?? 0;
                          if (count === 0) throw new Error(m('upload.required', { slot: slotName }));
                          if (count > maxCount)
                            throw new Error(m('upload.tooMany', { slot: slotName, count: maxCount }));
                        },
                      },
                    ]}
                  >
                    <AttachmentUpload
                      service="account-recovery"
                      slot={slot}
                      accept={RECOVERY_ATTACHMENT_TYPES}
                      maxBytes={RECOVERY_ATTACHMENT_MAX_BYTES}
                      maxCount={maxCount}
                      anonymous
                      label={slotName}
                      onRemove={(file) => discardUpload(file.id, file.uploadToken)}
                    />
                  </Form.Item>
                );
              })}
            </>
          ) : null}
          {key === 'password' ? (
            <>
              <Form.Item label={m('password.username')} htmlFor={`${FORM_NAME}_loginUsername`}>
                <Input
                  id={`${FORM_NAME}_loginUsername`}
                  value={form.getFieldValue(['form', 'username'])}
                  readOnly
                  aria-readonly="true"
                />
              </Form.Item>
              <Form.Item
                name="newPassword"
                label={m('password.newPassword')}
                rules={[requiredRule(locale), passwordRule(locale)]}
              >
                <Input.Password maxLength={20} autoComplete="new-password" />
              </Form.Item>
              <Form.Item
                name="confirmPassword"
                label={m('password.confirmPassword')}
                dependencies={['newPassword']}
                rules={[
                  requiredRule(locale),
                  confirmPasswordRule(() => form.getFieldValue('newPassword'), locale),
                ]}
              >
                <Input.Password maxLength={20} autoComplete="new-password" />
              </Form.Item>
              <Alert className="sw-form-alert" type="warning" showIcon title={m('password.keep')} />
            </>
          ) : null}
          <Space className="sw-form-submit">
            {step > 0 ? <Button onClick={() => setStep(step - 1)}>{m('previous')}</Button> : null}
            <Button type="primary" htmlType="submit" loading={submit.isPending}>
              {step === steps.length - 1 ? m('submit') : m('next')}
            </Button>
          </Space>
        </Form>
      </Card>
      <Modal
        open={!!submitted && !acknowledged}
        title={m('submittedTitle')}
        closable={false}
        maskClosable={false}
        footer={
          <Button type="primary" onClick={() => setAcknowledged(true)}>
            {m('gotIt')}
          </Button>
        }
      >
        <p role="status">
          {submitted
            ? m('submittedText', { number: submitted.number, mobile: submitted.mobileMasked })
            : null}
        </p>
      </Modal>
    </div>
  );
}
