import { errorMessage } from '@sw/contracts';
import { Form, type FormInstance, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../hooks/use-locale';
import { apiClient } from '../../lib/api-client';
import { CaptchaCodeButton } from '../captcha/captcha-code-button';
import { CaptchaInput } from '../captcha/captcha-input';
import type { CaptchaState } from '../captcha/use-captcha';

/**
 * 银行卡认证's fields (seed 004 §3.6): 银行卡号, 银行预留手机号 (which need not be the account's own),
 * 图片验证码 and the reserved mobile's 短信验证码 (purpose `settings`), in the form named `formName`.
 * The four-element check itself is the caller's route.
 */
export function BankCardFields({
  formName,
  form,
  captcha,
  mobileHelp,
}: {
  formName: string;
  form: FormInstance;
  captcha: CaptchaState;
  mobileHelp?: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      <Form.Item
        name="cardNumber"
        label={t('realName.cardNumber')}
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
      <Form.Item
        name="mobile"
        label={t('realName.bankMobile')}
        extra={mobileHelp}
        rules={[
          { required: true, pattern: /^1\d{10}$/, message: errorMessage('field.mobile_invalid', locale) },
        ]}
      >
        <Input inputMode="tel" maxLength={11} autoComplete="off" />
      </Form.Item>
      <Form.Item name="captchaAnswer" label={t('captcha.label')}>
        <CaptchaInput state={captcha} />
      </Form.Item>
      <Form.Item label={t('realName.smsCode')} htmlFor={`${formName}_smsCode`} required>
        <Space.Compact block>
          <Form.Item
            name="smsCode"
            noStyle
            rules={[{ required: true, pattern: /^\d{6}$/, message: t('recovery.forgot.codeRequired') }]}
          >
            <Input inputMode="numeric" maxLength={6} autoComplete="one-time-code" />
          </Form.Item>
          <CaptchaCodeButton
            form={form}
            captcha={captcha}
            validate={['mobile']}
            send={(captchaId, captchaAnswer) =>
              apiClient.post<{ resendAfter: number }>('/api/otp/sms', {
                mobile: form.getFieldValue('mobile'),
                purpose: 'settings',
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
