import { errorMessage } from '@sw/contracts';
import { Form, type FormInstance, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../hooks/use-locale';
import { apiClient } from '../../lib/api-client';
import { CaptchaCodeButton } from '../captcha/captcha-code-button';
import { CaptchaInput } from '../captcha/captcha-input';
import { useCaptcha } from '../captcha/use-captcha';

/**
 * 手机号码, 图片验证码 and 验证码 (purpose `recover` unless told), under `prefix` of the form named `formName`: a
 * mobile proven by its code, as 找回用户名 and 人工资料审核 ask it (seed 004 §2.3).
 */
export function MobileProof({
  formName,
  form,
  prefix = [],
  label,
  help,
  scope,
  purpose = 'recover',
}: {
  formName: string;
  form: FormInstance;
  prefix?: (string | number)[];
  label: string;
  help?: string;
  scope: string;
  /** what the code is for (a registration's code does not recover an account) */
  purpose?: 'recover' | 'register';
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const captcha = useCaptcha(scope);
  const id = [formName, ...prefix, 'smsCode'].join('_');
  return (
    <>
      <Form.Item
        name={[...prefix, 'mobile']}
        label={label}
        extra={help}
        rules={[
          { required: true, pattern: /^1\d{10}$/, message: errorMessage('field.mobile_invalid', locale) },
        ]}
      >
        <Input inputMode="tel" maxLength={11} autoComplete="tel" />
      </Form.Item>
      <Form.Item name={[...prefix, 'captchaAnswer']} label={t('captcha.label')}>
        <CaptchaInput state={captcha} />
      </Form.Item>
      <Form.Item label={t('recovery.findUsername.smsCode')} htmlFor={id} required>
        <Space.Compact block>
          <Form.Item
            name={[...prefix, 'smsCode']}
            noStyle
            rules={[{ required: true, pattern: /^\d{6}$/, message: t('recovery.forgot.codeRequired') }]}
          >
            <Input id={id} inputMode="numeric" maxLength={6} autoComplete="one-time-code" />
          </Form.Item>
          <CaptchaCodeButton
            form={form}
            captcha={captcha}
            captchaField={[...prefix, 'captchaAnswer']}
            validate={[[...prefix, 'mobile']]}
            send={(captchaId, captchaAnswer) =>
              apiClient.post<{ resendAfter: number }>('/api/otp/sms', {
                mobile: String(form.getFieldValue([...prefix, 'mobile'])).trim(),
                purpose,
                captchaId,
                captchaAnswer,
              })
            }
          />
        </Space.Compact>
      </Form.Item>
    </>
  );
}
