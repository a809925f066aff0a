import { ExclamationCircleOutlined } from '@ant-design/icons';
import { countryNameOf, errorMessage } from '@sw/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  type DescriptionsProps,
  Form,
  Input,
  Modal,
  Skeleton,
} from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorReporter } from '../../../hooks/use-error-reporter';
import { useLocale } from '../../../hooks/use-locale';
import { describeError } from '../../../lib/api-client';
import { useMyOrganization, useSupplementRegistrationNo } from '../api/overseas-organization';

type SupplementValues = { registrationNo: string };

/** 补充所在国家(地区)注册编号 (seed 004 §3.1): once, and it cannot be changed afterwards. */
function SupplementRegistrationNoModal({
  countryCode,
  onClose,
}: {
  countryCode: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<SupplementValues>();
  const supplement = useSupplementRegistrationNo();
  const reportError = useErrorReporter();

  const submit = (values: SupplementValues) => {
    supplement.mutate(
      { registrationNo: values.registrationNo.trim() },
      {
        onSuccess: () => {
          void message.success(t('overseas.org.supplemented'));
          onClose();
        },
        onError: (error) =>
          reportError(error, form, {
            codeFields: { 'organization.registration_no_immutable': 'registrationNo' },
          }),
      },
    );
  };

  return (
    <Modal
      open
      title={t('overseas.org.supplement')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: supplement.isPending }}
      destroyOnHidden
      maskClosable={false}
    >
      <Alert
        type="warning"
        showIcon
        icon={<ExclamationCircleOutlined />}
        title={t('overseas.org.supplementWarning')}
        className="sw-form-alert"
      />
      <Form<SupplementValues> form={form} name="supplementRegistrationNo" layout="vertical" onFinish={submit}>
        <Form.Item label={t('overseas.org.country')}>
          <span data-testid="supplement-country">
            {countryNameOf(countryCode, locale)} ({countryCode})
          </span>
        </Form.Item>
        <Form.Item
          name="registrationNo"
          label={t('overseas.org.registrationNo')}
          validateFirst
          rules={[
            { required: true, whitespace: true, message: errorMessage('field.required', locale) },
            { max: 60, message: errorMessage('field.too_long', locale) },
            {
              pattern: /^[^<>]*$/,
              message: errorMessage('field.markup_not_allowed', locale),
            },
          ]}
        >
          <Input placeholder={t('overseas.registrationNoPlaceholder')} autoComplete="off" maxLength={60} />
        </Form.Item>
        <button type="submit" hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}

/**
 * 账号信息 of a 国外及港澳台地区用户 (seed 004 §3.1): the enterprise — country or region, its registration
 * number there, name and address — and, while that number is empty, the way to supply it once.
 */
export function OverseasOrganizationCard() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { data: organization, isPending, isError, error } = useMyOrganization(true);
  const [isSupplementOpen, setSupplementOpen] = useState(false);

  let body: ReactNode;
  if (isPending) {
    body = <Skeleton active paragraph={{ rows: 3 }} />;
  } else if (isError) {
    body = <Alert type="error" showIcon title={describeError(error)} />;
  } else {
    const country = organization.countryCode;
    const items: DescriptionsProps['items'] = [
      {
        key: 'country',
        label: t('overseas.org.country'),
        children: country ? `${countryNameOf(country, locale)} (${country})` : t('common.none'),
      },
      {
        key: 'registrationNo',
        label: t('overseas.org.registrationNo'),
        children: organization.registrationNo ?? t('overseas.org.notSet'),
      },
      { key: 'name', label: t('overseas.org.name'), children: organization.name },
      {
        key: 'address',
        label: t('overseas.org.address'),
        children: organization.address ?? t('common.none'),
      },
    ];
    body = (
      <>
        <Descriptions bordered size="middle" column={{ xs: 1, sm: 1, md: 2 }} items={items} />
        {organization.registrationNo === null && country ? (
          <>
            <Button
              type="primary"
              ghost
              className="sw-org-card__action"
              onClick={() => setSupplementOpen(true)}
            >
              {t('overseas.org.supplement')}
            </Button>
            {isSupplementOpen ? (
              <SupplementRegistrationNoModal countryCode={country} onClose={() => setSupplementOpen(false)} />
            ) : null}
          </>
        ) : null}
      </>
    );
  }

  return (
    <section aria-labelledby="overseas-organization-title">
      <Card
        title={
          <h2 id="overseas-organization-title" className="sw-card-title">
            {t('overseas.org.title')}
          </h2>
        }
      >
        {body}
      </Card>
    </section>
  );
}
