import type { FormInstance } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../hooks/use-locale';
import { applyProblemToForm, describeError, isApiError } from '../../lib/api-client';
import { SendCodeButton } from '../send-code-button';
import type { CaptchaState } from './use-captcha';

type Props = {
  form: FormInstance;
  captcha: CaptchaState;
  /** the form field holding the image captcha's answer */
  captchaField?: NamePath;
  /** fields to validate before sending (the mobile or address the code goes to) */
  validate?: NamePath[];
  /** sends the code with the captcha; resolves to the server's answer */
  send: (captchaId: string, captchaAnswer: string) => Promise<{ resendAfter: number }>;
};

/**
 * 「获取验证码」 after the form's image captcha: checks the target field and that the captcha is
 * filled, sends, shows a refusal next to its field (or the captcha's), and always takes a fresh
 * captcha afterwards — each one is single-use.
 */
export function CaptchaCodeButton({
  form,
  captcha,
  captchaField = 'captchaAnswer',
  validate = [],
  send,
}: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <SendCodeButton
      onSend={async () => {
        try {
          if (validate.length > 0) await form.validateFields(validate);
        } catch {
          return null;
        }
        const answer = String(form.getFieldValue(captchaField) ?? '').trim();
        if (!answer || !captcha.captcha) {
          form.setFields([{ name: captchaField, errors: [t('recovery.forgot.captchaFirst')] }]);
          return null;
        }
        try {
          return (await send(captcha.captcha.id, answer)).resendAfter;
        } catch (error) {
          const onField = isApiError(error) && applyProblemToForm(form, error.problem, locale);
          if (!onField) form.setFields([{ name: captchaField, errors: [describeError(error, locale)] }]);
          return null;
        } finally {
          captcha.refresh();
          form.setFieldValue(captchaField, '');
        }
      }}
    />
  );
}
