import { type AccountView, ID_TYPES, type IdType } from '@sw/contracts';
import { Alert, App, Button, Form, type FormInstance, Input, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CaptchaCodeButton } from '../../../components/captcha/captcha-code-button';
import { CaptchaInput } from '../../../components/captcha/captcha-input';
import { useCaptcha } from '../../../components/captcha/use-captcha';
import { SendCodeButton } from '../../../components/send-code-button';
import { useErrorReporter } from '../../../hooks/use-error-reporter';
import { useLocale } from '../../../hooks/use-locale';
import { apiClient } from '../../../lib/api-client';
import { emailFormatRule, mobileRule, otpCodeRule, requiredRule } from '../../../lib/form-rules';
import {
  sendBoundMobileCode,
  useChangeEmail,
  useChangeIdentity,
  useChangeMobile,
} from '../api/account-changes';

type Dialog = 'mobile' | 'email' | 'identity' | null;

/** 获取验证码 to the address typed in `field` (purpose change_contact), after the form's image captcha. */
function CodeToField({
  form,
  field,
  channel,
}: {
  form: FormInstance;
  field: string;
  channel: 'sms' | 'email';
}) {
  const { t } = useTranslation();
  const captcha = useCaptcha(`account-change-${field}`);
  return (
    <>
      <Form.Item name="captchaAnswer" label={t('captcha.label')}>
        <CaptchaInput state={captcha} />
      </Form.Item>
      <CaptchaCodeButton
        form={form}
        captcha={captcha}
        validate={[field]}
        send={(captchaId, captchaAnswer) => {
          const target = String(form.getFieldValue(field)).trim();
          return apiClient.post<{ resendAfter: number }>(`/api/otp/${channel}`, {
            ...(channel === 'sms' ? { mobile: target } : { email: target }),
            purpose: 'change_contact',
            captchaId,
            captchaAnswer,
          });
        }}
      />
    </>
  );
}

function MobileDialog({ account, onClose }: { account: AccountView; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const change = useChangeMobile();
  const report = useErrorReporter();
  const [byIdentity, setByIdentity] = useState(!account.mobileMasked);
  return (
    <Modal
      open
      title={t('realName.changes.mobileTitle')}
      okText={t('realName.changes.save')}
      cancelText={t('realName.changes.cancel')}
      onCancel={onClose}
      confirmLoading={change.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Alert className="sw-form-alert" type="warning" showIcon title={t('realName.changes.mobileWarning')} />
      <Form
        form={form}
        name="change-mobile"
        layout="vertical"
        initialValues={{ idType: account.idType ?? 'resident_id' }}
        onFinish={(v) =>
          change.mutate(
            {
              proof: byIdentity
                ? { method: 'identity', idType: v.idType as IdType, idNumber: String(v.idNumber ?? '') }
                : { method: 'mobile', code: String(v.oldCode ?? '') },
              newMobile: String(v.newMobile ?? ''),
              newCode: String(v.newCode ?? ''),
            },
            {
              onSuccess: () => {
                void message.success(t('realName.changes.saved'));
                onClose();
              },
              onError: (error) =>
                report(error, form, {
                  aliases: {
                    'proof.code': 'oldCode',
                    'proof.idNumber': 'idNumber',
                    captchaId: 'captchaAnswer',
                  },
                }),
            },
          )
        }
      >
        {byIdentity ? (
          <>
            <p className="sw-muted">{t('realName.changes.identityProof')}</p>
            <Form.Item name="idType" label={t('realName.changes.idType')} rules={[requiredRule(locale)]}>
              <Select options={ID_TYPES.map((value) => ({ value, label: t(`idTypes.${value}`) }))} />
            </Form.Item>
            <Form.Item name="idNumber" label={t('realName.changes.idNumber')} rules={[requiredRule(locale)]}>
              <Input maxLength={30} autoComplete="off" />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item label={t('realName.changes.currentMobile')} htmlFor="change-mobile_current">
              <Input id="change-mobile_current" value={account.mobileMasked ?? ''} readOnly />
            </Form.Item>
            <Form.Item label={t('realName.changes.codeToCurrent')} htmlFor="change-mobile_oldCode" required>
              <Space.Compact block>
                <Form.Item name="oldCode" noStyle rules={[otpCodeRule(true, locale)]}>
                  <Input inputMode="numeric" maxLength={6} autoComplete="one-time-code" />
                </Form.Item>
                <SendCodeButton
                  onSend={async () => {
                    try {
                      return (await sendBoundMobileCode()).resendAfter;
                    } catch (error) {
                      report(error, form);
                      return null;
                    }
                  }}
                />
              </Space.Compact>
            </Form.Item>
          </>
        )}
        {account.mobileMasked ? (
          <p>
            <Button type="link" className="sw-link-button" onClick={() => setByIdentity(!byIdentity)}>
              {byIdentity ? t('realName.changes.switchToMobile') : t('realName.changes.switchToIdentity')}
            </Button>
          </p>
        ) : null}
        <Form.Item
          name="newMobile"
          label={t('realName.changes.newMobile')}
          rules={[mobileRule(true, locale)]}
        >
          <Input inputMode="tel" maxLength={11} autoComplete="tel" />
        </Form.Item>
        <CodeToField form={form} field="newMobile" channel="sms" />
        <Form.Item name="newCode" label={t('realName.changes.newCode')} rules={[otpCodeRule(true, locale)]}>
          <Input inputMode="numeric" maxLength={6} autoComplete="one-time-code" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function EmailDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const change = useChangeEmail();
  const report = useErrorReporter();
  return (
    <Modal
      open
      title={t('realName.changes.emailTitle')}
      okText={t('realName.changes.save')}
      cancelText={t('realName.changes.cancel')}
      onCancel={onClose}
      confirmLoading={change.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        name="change-email"
        layout="vertical"
        onFinish={(v) =>
          change.mutate(
            { email: String(v.email ?? ''), code: String(v.code ?? '') },
            {
              onSuccess: () => {
                void message.success(t('realName.changes.saved'));
                onClose();
              },
              onError: (error) => report(error, form),
            },
          )
        }
      >
        <Form.Item
          name="email"
          label={t('realName.changes.email')}
          rules={[requiredRule(locale), emailFormatRule(locale)]}
        >
          <Input maxLength={100} autoComplete="email" />
        </Form.Item>
        <CodeToField form={form} field="email" channel="email" />
        <Form.Item name="code" label={t('realName.changes.emailCode')} rules={[otpCodeRule(true, locale)]}>
          <Input inputMode="numeric" maxLength={6} autoComplete="one-time-code" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function IdentityDialog({ account, onClose }: { account: AccountView; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const change = useChangeIdentity();
  const report = useErrorReporter();
  const date = [{ required: true, pattern: /^\d{8}$/, message: t('recovery.findUsername.dateHelp') }];
  return (
    <Modal
      open
      title={t('realName.changes.identityTitle')}
      okText={t('realName.changes.save')}
      cancelText={t('realName.changes.cancel')}
      onCancel={onClose}
      confirmLoading={change.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Alert
        className="sw-form-alert"
        type="warning"
        showIcon
        title={t('realName.changes.identityWarning')}
      />
      <Form
        form={form}
        name="change-identity"
        layout="vertical"
        initialValues={{
          name: account.name,
          idType: account.idType ?? 'resident_id',
          idValidFrom: account.idValidFrom ?? '',
          idValidTo: account.idValidTo ?? '',
        }}
        onFinish={(v) =>
          change.mutate(
            {
              name: String(v.name ?? ''),
              idType: v.idType as IdType,
              idNumber: String(v.idNumber ?? ''),
              idValidFrom: String(v.idValidFrom ?? ''),
              idValidTo: String(v.idValidTo ?? ''),
            },
            {
              onSuccess: (result) => {
                void message.success(
                  t(result.realNameReset ? 'realName.changes.realNameReset' : 'realName.changes.saved'),
                );
                onClose();
              },
              onError: (error) => report(error, form),
            },
          )
        }
      >
        <Form.Item name="name" label={t('realName.changes.name')} rules={[requiredRule(locale)]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="idType" label={t('realName.changes.idType')} rules={[requiredRule(locale)]}>
          <Select options={ID_TYPES.map((value) => ({ value, label: t(`idTypes.${value}`) }))} />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={t('realName.changes.idNumber')}
          extra={account.idNumberMasked ?? undefined}
          rules={[requiredRule(locale)]}
        >
          <Input maxLength={30} autoComplete="off" />
        </Form.Item>
        <Form.Item name="idValidFrom" label={t('realName.changes.validFrom')} rules={date}>
          <Input maxLength={8} inputMode="numeric" placeholder="YYYYMMDD" />
        </Form.Item>
        <Form.Item
          name="idValidTo"
          label={t('realName.changes.validTo')}
          extra={t('recovery.findUsername.dateHelp')}
          rules={date}
        >
          <Input maxLength={8} inputMode="numeric" placeholder="YYYYMMDD（00000000 = 长期）" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 「修改」 beside 绑定手机, 邮箱 and (individuals, operators) 个人信息 on 账号信息, with its dialog. */
export function useAccountChanges(account: AccountView | undefined) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const edit = (which: Exclude<Dialog, null>, label: string) => (
    <Button
      type="link"
      size="small"
      onClick={() => setDialog(which)}
      aria-label={`${t('realName.changes.edit')} ${label}`}
    >
      {t('realName.changes.edit')}
    </Button>
  );
  const dialogs =
    account && dialog === 'mobile' ? (
      <MobileDialog account={account} onClose={() => setDialog(null)} />
    ) : account && dialog === 'email' ? (
      <EmailDialog onClose={() => setDialog(null)} />
    ) : account && dialog === 'identity' ? (
      <IdentityDialog account={account} onClose={() => setDialog(null)} />
    ) : null;
  // 修改管理员信息 too (004 §3.1); overseas accounts change with their organization
  const canEditIdentity =
    account?.kind === 'individual' ||
    account?.kind === 'enterprise_operator' ||
    account?.kind === 'enterprise_admin' ||
    account?.kind === 'institution_admin';
  const hasContacts = !!account && account.kind !== 'staff';
  return { edit, dialogs, canEditIdentity, hasContacts };
}
