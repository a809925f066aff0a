import type { AccountView } from '@sw/contracts';
import { Alert, App, Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../hooks/use-locale';
import { useSession } from '../../../hooks/use-session';
import { applyProblemToForm, describeError, isApiError } from '../../../lib/api-client';
// the registration form's password rules, so activation asks for exactly what registration does
import { confirmPasswordRule, passwordRule } from '../../../lib/form-rules';
import { useActivateAccount } from '../api/cards';

type Values = { password: string; confirmPassword: string };

/**
 * The account status with 「激活」 next to it (seed 004 §3.1 账号激活): shown to an inactive
 * account signed in with its card. The modal sets the account password; the account becomes
 * active and username + password sign in from then on.
 */
export function AccountStatusWithActivation({ account }: { account: AccountView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const session = useSession();
  const activate = useActivateAccount();
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [form] = Form.useForm<Values>();
  const status = t(`accountStatuses.${account.status}`);
  if (account.status !== 'inactive' || session.data?.method !== 'card') return <>{status}</>;

  const onFinish = async (values: Values) => {
    setFailure(null);
    try {
      await activate.mutateAsync(values);
      setOpen(false);
      form.resetFields();
      void message.success(t('cards.activation.done'));
    } catch (error) {
      const onField = isApiError(error) && applyProblemToForm(form, error.problem, locale);
      if (!onField) setFailure(describeError(error));
    }
  };

  return (
    <Space>
      {status}
      <Button size="small" type="primary" onClick={() => setOpen(true)}>
        {t('cards.activation.button')}
      </Button>
      <Modal
        open={open}
        title={t('cards.activation.title')}
        okText={t('cards.activation.submit')}
        cancelText={t('common.cancel')}
        confirmLoading={activate.isPending}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Alert className="sw-form-alert" type="info" showIcon title={t('cards.activation.hint')} />
        {failure ? <Alert className="sw-form-alert" type="error" showIcon title={failure} /> : null}
        <Form<Values>
          form={form}
          name="activate"
          layout="vertical"
          requiredMark={false}
          onFinish={(values) => void onFinish(values)}
        >
          <p>
            {t('account.username')}: <strong>{account.username}</strong>
          </p>
          <Form.Item
            name="password"
            label={t('cards.activation.password')}
            extra={t('individual.passwordHelp')}
            rules={[
              { required: true, message: t('cards.activation.passwordPlaceholder') },
              passwordRule(locale),
            ]}
          >
            <Input.Password
              placeholder={t('cards.activation.passwordPlaceholder')}
              autoComplete="new-password"
              maxLength={16}
            />
          </Form.Item>
          <Form.Item
            name="confirmPassword"
            label={t('cards.activation.confirmPassword')}
            dependencies={['password']}
            rules={[
              { required: true, message: t('cards.activation.confirmPlaceholder') },
              confirmPasswordRule(() => form.getFieldValue('password'), locale),
            ]}
          >
            <Input.Password
              placeholder={t('cards.activation.confirmPlaceholder')}
              autoComplete="new-password"
              maxLength={16}
            />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
