import { PlusOutlined } from '@ant-design/icons';
import {
  type CreateOperatorBody,
  ID_TYPES,
  type IdType,
  OPERATOR_DEFAULT_PASSWORD,
  type OperatorView,
} from '@sw/contracts';
import { Alert, App, Button, Card, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../../components/page-title';
import { useErrorReporter } from '../../../hooks/use-error-reporter';
import { useLocale } from '../../../hooks/use-locale';
import { describeError } from '../../../lib/api-client';
import {
  emailFormatRule,
  idNumberRule,
  maxLengthRule,
  mobileRule,
  requiredRule,
  usernameRule,
} from '../../../lib/form-rules';
import { formatDateTime } from '../../../lib/format';
import { useCreateOperator, useOperators } from '../api/account-settings';

function CreateOperatorModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateOperatorBody>();
  const idType: IdType = Form.useWatch('idType', form) ?? 'resident_id';
  const create = useCreateOperator();
  const reportError = useErrorReporter();
  return (
    <Modal
      open={open}
      title={t('operators.create')}
      okText={t('operators.createSubmit')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert
        type="info"
        showIcon
        message={t('operators.defaultPasswordHint', { password: OPERATOR_DEFAULT_PASSWORD })}
      />
      <Form<CreateOperatorBody>
        form={form}
        name="create-operator"
        layout="vertical"
        preserve={false}
        initialValues={{ idType: 'resident_id' }}
        onFinish={(values) =>
          create.mutate(
            { ...values, email: values.email?.trim() || undefined },
            {
              onSuccess: (created) => {
                void message.success(t('operators.created', { username: created.username }));
                onClose();
              },
              onError: (error) => reportError(error, form),
            },
          )
        }
      >
        <Form.Item
          name="username"
          label={t('individual.username')}
          validateFirst
          rules={[requiredRule(locale), usernameRule(locale)]}
        >
          <Input autoComplete="off" maxLength={18} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('individual.name')}
          rules={[requiredRule(locale), maxLengthRule(50, locale)]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="idType" label={t('individual.idType')} rules={[requiredRule(locale)]}>
          <Select options={ID_TYPES.map((value) => ({ value, label: t(`idTypes.${value}`) }))} />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={t('individual.idNumber')}
          normalize={(v: string | undefined) => v?.toUpperCase()}
          validateFirst
          rules={[requiredRule(locale), idNumberRule(idType, locale)]}
        >
          <Input maxLength={30} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="mobile"
          label={t('individual.mobile')}
          required
          rules={[mobileRule(true, locale)]}
          extra={t('operators.mobileHint')}
        >
          <Input inputMode="tel" maxLength={11} />
        </Form.Item>
        <Form.Item name="email" label={t('individual.email')} rules={[emailFormatRule(locale)]}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** `/account/operators` — 我的操作员 (seed 004 §3.2), administrators only. */
export function OperatorsPage() {
  const { t } = useTranslation();
  const { data, isPending, isError, error } = useOperators();
  const [isCreateOpen, setCreateOpen] = useState(false);
  const none = t('common.none');
  return (
    <div className="sw-workspace-page">
      <PageTitle>{t('operators.title')}</PageTitle>
      <Card
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined aria-hidden="true" />}
            onClick={() => setCreateOpen(true)}
          >
            {t('operators.create')}
          </Button>
        }
      >
        {isError ? <Alert type="error" showIcon message={describeError(error)} /> : null}
        <Table<OperatorView>
          rowKey="id"
          loading={isPending}
          dataSource={data ?? []}
          pagination={false}
          columns={[
            { key: 'username', title: t('account.username'), dataIndex: 'username' },
            { key: 'name', title: t('account.name'), dataIndex: 'name' },
            {
              key: 'idType',
              title: t('account.idType'),
              render: (_, r) => (r.idType ? t(`idTypes.${r.idType}`) : none),
            },
            { key: 'idNumber', title: t('account.idNumber'), render: (_, r) => r.idNumberMasked ?? none },
            { key: 'mobile', title: t('account.mobile'), render: (_, r) => r.mobileMasked ?? none },
            {
              key: 'status',
              title: t('account.status'),
              render: (_, r) =>
                r.firstSignInPending ? (
                  <Tag color="blue">{t('operators.pending')}</Tag>
                ) : (
                  <Tag>{t(`accountStatuses.${r.status}`)}</Tag>
                ),
            },
            {
              key: 'createdAt',
              title: t('account.createdAt'),
              render: (_, r) => formatDateTime(r.createdAt),
            },
          ]}
        />
      </Card>
      <CreateOperatorModal open={isCreateOpen} onClose={() => setCreateOpen(false)} />
    </div>
  );
}
