import type { ChangePasswordBody } from '@sw/contracts';
import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorReporter } from '../../../hooks/use-error-reporter';
import { useLocale } from '../../../hooks/use-locale';
import { confirmPasswordRule, passwordRule, requiredRule } from '../../../lib/form-rules';
import { useChangePassword } from '../api/account-settings';

/** 修改密码: 原密码, 新密码 (8–16, three of upper/lower/digit/symbol), 确认密码. */
export function ChangePasswordForm({ onChanged }: { onChanged: (result: { signedOut: boolean }) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [form] = Form.useForm<ChangePasswordBody>();
  const change = useChangePassword();
  const reportError = useErrorReporter();
  return (
    <Form<ChangePasswordBody>
      form={form}
      name="change-password"
      layout="vertical"
      disabled={change.isPending}
      onFinish={(values) =>
        change.mutate(values, {
          onSuccess: onChanged,
          onError: (error) =>
            reportError(error, form, { codeFields: { 'auth.wrong_current_password': 'currentPassword' } }),
        })
      }
    >
      <Form.Item name="currentPassword" label={t('password.current')} rules={[requiredRule(locale)]}>
        <Input.Password autoComplete="current-password" maxLength={128} />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('password.new')}
        extra={t('individual.passwordHelp')}
        validateFirst
        rules={[requiredRule(locale), passwordRule(locale)]}
      >
        <Input.Password autoComplete="new-password" maxLength={16} />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('password.confirm')}
        dependencies={['newPassword']}
        validateFirst
        rules={[requiredRule(locale), confirmPasswordRule(() => form.getFieldValue('newPassword'), locale)]}
      >
        <Input.Password autoComplete="new-password" maxLength={16} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={change.isPending}>
        {t('password.submit')}
      </Button>
    </Form>
  );
}
