import { errorMessage } from '@sw/contracts';
import { Form, Input, Modal, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { CaptchaInput } from '../../../components/captcha/captcha-input';
import { useCaptcha } from '../../../components/captcha/use-captcha';
import { SendCodeButton } from '../../../components/send-code-button';
import { useErrorReporter } from '../../../hooks/use-error-reporter';
import { useLocale } from '../../../hooks/use-locale';
import { emailFormatRule, otpCodeRule, requiredRule } from '../../../lib/form-rules';
import { useCheckCode, useSendEmailCode } from '../api/one-time-codes';
import { useCodeSentNotice } from '../hooks/use-code-sent-notice';

type EmailVerifyValues = { email: string; captchaAnswer: string; emailCode: string };

export type VerifiedEmail = { email: string; code: string };

type EmailVerifyModalProps = {
  open: boolean;
  initialEmail?: string;
  onCancel: () => void;
  onVerified: (verified: VerifiedEmail) => void;
};

const OTP_FIELD_CODES = {
  'captcha.invalid': 'captchaAnswer',
  'otp.invalid': 'emailCode',
  'otp.expired': 'emailCode',
  'otp.too_many_attempts': 'emailCode',
  'otp.resend_too_soon': 'emailCode',
  'otp.daily_limit': 'emailCode',
  'field.email_invalid': 'email',
} as const;

function EmailVerifyForm({ initialEmail, onCancel, onVerified }: Omit<EmailVerifyModalProps, 'open'>) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [form] = Form.useForm<EmailVerifyValues>();
  const captcha = useCaptcha('register-email');
  const sendCode = useSendEmailCode();
  const checkCode = useCheckCode();
  const reportError = useErrorReporter();
  const noticeCodeSent = useCodeSentNotice();
  const problemOptions = {
    aliases: { captchaId: 'captchaAnswer', target: 'email', code: 'emailCode' },
    codeFields: OTP_FIELD_CODES,
  };

  const send = async (): Promise<number | null> => {
    const email = (form.getFieldValue('email') as string | undefined)?.trim() ?? '';
    const captchaAnswer = (form.getFieldValue('captchaAnswer') as string | undefined)?.trim() ?? '';
    try {
      await form.validateFields(['email']);
    } catch {
      return null;
    }
    if (!captchaAnswer || !captcha.captcha) {
      form.setFields([{ name: 'captchaAnswer', errors: [t('individual.fillCaptchaFirst')] }]);
      return null;
    }
    // Single-use: whatever the outcome, the next send needs a new image (cleared before errors are shown).
    const resetCaptcha = () => {
      captcha.refresh();
      form.setFieldValue('captchaAnswer', '');
    };
    try {
      const response = await sendCode.mutateAsync({
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
      reportError(error, form, problemOptions);
      return null;
    }
  };

  const confirm = async () => {
    let values: EmailVerifyValues;
    try {
      values = await form.validateFields(['email', 'emailCode']);
    } catch {
      return;
    }
    const email = values.email.trim();
    const code = values.emailCode.trim();
    try {
      const result = await checkCode.mutateAsync({
        channel: 'email',
        target: email,
        purpose: 'register',
        code,
      });
      if (!result.valid) {
        form.setFields([{ name: 'emailCode', errors: [errorMessage('otp.invalid', locale)] }]);
        return;
      }
      onVerified({ email, code });
    } catch (error) {
      reportError(error, form, problemOptions);
    }
  };

  return (
    <Modal
      open
      title={t('emailVerify.title')}
      onCancel={onCancel}
      onOk={() => void confirm()}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: checkCode.isPending }}
      destroyOnHidden
      maskClosable={false}
    >
      <Form<EmailVerifyValues>
        form={form}
        name="emailVerify"
        layout="vertical"
        initialValues={{ email: initialEmail ?? '' }}
        onFinish={() => void confirm()}
      >
        <Form.Item
          name="email"
          label={t('emailVerify.email')}
          rules={[requiredRule(locale), emailFormatRule(locale)]}
          validateFirst
        >
          <Input placeholder={t('individual.emailPlaceholder')} autoComplete="email" maxLength={100} />
        </Form.Item>
        <Form.Item name="captchaAnswer" label={t('captcha.label')}>
          <CaptchaInput state={captcha} />
        </Form.Item>
        <Form.Item label={t('emailVerify.emailCode')} htmlFor="emailVerify_emailCode" required>
          <Space.Compact block>
            <Form.Item name="emailCode" noStyle rules={[otpCodeRule(true, locale)]}>
              <Input
                placeholder={t('individual.codePlaceholder')}
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
              />
            </Form.Item>
            <SendCodeButton onSend={send} />
          </Space.Compact>
        </Form.Item>
        {/* Enter in a field submits the form. */}
        <button type="submit" hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}

/** 邮箱验证 (seed 004 §1.3): for passport and permit holders without a mainland mobile. */
export function EmailVerifyModal({ open, ...props }: EmailVerifyModalProps) {
  // Mounted only while open, so each opening starts with a clean form and a fresh captcha.
  return open ? <EmailVerifyForm {...props} /> : null;
}
