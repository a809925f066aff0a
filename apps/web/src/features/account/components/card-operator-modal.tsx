import { CreditCardOutlined } from '@ant-design/icons';
import { OPERATOR_DEFAULT_PASSWORD } from '@sw/contracts';
import { Alert, App, Button, Checkbox, Descriptions, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CardFields, type CardFieldValues } from '../../../components/card-media/card-fields';
import { useErrorReporter } from '../../../hooks/use-error-reporter';
import { useLocale } from '../../../hooks/use-locale';
import type { OpenedCard } from '../../../lib/card-media';
import { proveCard } from '../../../lib/card-proof';
import { emailFormatRule, mobileRule, requiredRule, usernameRule } from '../../../lib/form-rules';
import { openCardInForm } from '../../../lib/open-card-form';
import { useCreateCardOperator } from '../api/account-settings';

type RegistrationValues = { username: string; mobile: string; email?: string; agreement?: boolean };

/**
 * 新增有卡操作员 (seed 004 §3.2): insert the operator's IC card or IKey and enter its PIN (登录),
 * then 有卡操作员账号注册: the name comes from the card, the administrator fills in the rest and
 * agrees to the registration agreement (确认注册). The card answers a fresh challenge at that moment
 * (its key never leaves the browser) and is bound to the new operator.
 */
export function CardOperatorModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const [cardForm] = Form.useForm<CardFieldValues>();
  const [form] = Form.useForm<RegistrationValues>();
  const [card, setCard] = useState<OpenedCard | null>(null);
  const [opening, setOpening] = useState(false);
  const create = useCreateCardOperator();
  const reportError = useErrorReporter();
  const close = () => {
    setCard(null);
    onClose();
  };
  return (
    <Modal
      open={open}
      title={t('operators.createWithCard')}
      onCancel={close}
      destroyOnHidden
      footer={
        card ? (
          <>
            <Button onClick={() => setCard(null)}>{t('operators.cardBack')}</Button>
            <Button type="primary" loading={create.isPending} onClick={() => form.submit()}>
              {t('operators.cardRegister')}
            </Button>
          </>
        ) : (
          <>
            <Button onClick={close}>{t('common.cancel')}</Button>
            <Button type="primary" loading={opening} onClick={() => cardForm.submit()}>
              {t('operators.cardOpen')}
            </Button>
          </>
        )
      }
    >
      {!card ? (
        // distinct keys: in the same place of the tree, antd's Form keeps the instance it mounted with
        <Form<CardFieldValues>
          key="card"
          form={cardForm}
          name="card-operator-card"
          layout="vertical"
          disabled={opening}
          onFinish={async (values) => {
            if (!values.cardFile) return;
            setOpening(true);
            try {
              setCard(await openCardInForm(cardForm, values.cardFile, values.pin));
            } finally {
              setOpening(false);
            }
          }}
        >
          <p className="sw-muted">{t('operators.cardHint')}</p>
          <CardFields disabled={opening} />
        </Form>
      ) : (
        <Form<RegistrationValues>
          key="registration"
          form={form}
          name="card-operator"
          layout="vertical"
          disabled={create.isPending}
          onFinish={async (values) => {
            try {
              const created = await create.mutateAsync({
                ...(await proveCard(card)),
                username: values.username,
                mobile: values.mobile,
                ...(values.email?.trim() ? { email: values.email.trim() } : {}),
                agreement: true,
              });
              void message.success(t('operators.created', { username: created.username }));
              close();
            } catch (error) {
              reportError(error, form);
            }
          }}
        >
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'cardNo', label: t('operators.cardNo'), children: card.cardNo ?? '—' },
              { key: 'holder', label: t('individual.name'), children: card.holderName ?? '—' },
            ]}
          />
          <Alert
            className="sw-form-alert"
            type="info"
            showIcon
            icon={<CreditCardOutlined aria-hidden="true" />}
            title={t('operators.defaultPasswordHint', { password: OPERATOR_DEFAULT_PASSWORD })}
          />
          <Form.Item
            name="username"
            label={t('individual.username')}
            validateFirst
            rules={[requiredRule(locale), usernameRule(locale)]}
          >
            <Input autoComplete="off" maxLength={18} />
          </Form.Item>
          <Form.Item name="mobile" label={t('individual.mobile')} required rules={[mobileRule(true, locale)]}>
            <Input inputMode="tel" maxLength={11} />
          </Form.Item>
          <Form.Item name="email" label={t('individual.email')} rules={[emailFormatRule(locale)]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="agreement"
            valuePropName="checked"
            rules={[
              {
                validator: (_, v) =>
                  v ? Promise.resolve() : Promise.reject(new Error(t('operators.agreementRequired'))),
              },
            ]}
          >
            <Checkbox>{t('operators.agreement')}</Checkbox>
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
