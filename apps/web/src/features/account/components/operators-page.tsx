import { CreditCardOutlined, PlusOutlined } from '@ant-design/icons';
import {
  type CreateOperatorBody,
  ID_TYPES,
  type IdType,
  OPERATOR_DEFAULT_PASSWORD,
  type OperatorQuery,
  type OperatorView,
} from '@sw/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Popconfirm,
  Radio,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ColumnChooser } from '../../../components/column-chooser';
import { PageTitle } from '../../../components/page-title';
import { useErrorReporter } from '../../../hooks/use-error-reporter';
import { useLocale } from '../../../hooks/use-locale';
import { useStoredColumns } from '../../../hooks/use-stored-columns';
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
import {
  useCreateOperator,
  useDeleteOperator,
  useOperators,
  useResetOperatorPassword,
  useUpdateOperator,
} from '../api/account-settings';
import { CardOperatorModal } from './card-operator-modal';

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

function EditOperatorModal({ operator, onClose }: { operator: OperatorView; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const update = useUpdateOperator();
  const report = useErrorReporter();
  const date = [{ pattern: /^\d{8}$/, message: t('operators.dateHelp') }];
  return (
    <Modal
      open
      title={t('operators.editTitle')}
      okText={t('operators.save')}
      cancelText={t('operators.cancel')}
      confirmLoading={update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        name="edit-operator"
        layout="vertical"
        initialValues={{
          name: operator.name,
          idType: operator.idType ?? 'resident_id',
          idValidFrom: operator.idValidFrom ?? '',
          idValidTo: operator.idValidTo ?? '',
          status: operator.status === 'disabled' ? 'disabled' : 'active',
        }}
        onFinish={(v) =>
          update.mutate(
            {
              id: operator.id,
              body: {
                name: String(v.name ?? ''),
                idType: v.idType,
                idNumber: String(v.idNumber ?? ''),
                ...(v.idValidFrom ? { idValidFrom: String(v.idValidFrom) } : {}),
                ...(v.idValidTo ? { idValidTo: String(v.idValidTo) } : {}),
                mobile: String(v.mobile ?? ''),
                status: v.status,
              },
            },
            {
              onSuccess: () => {
                void message.success(t('operators.saved'));
                onClose();
              },
              onError: (error) => report(error, form),
            },
          )
        }
      >
        <Form.Item label={t('account.username')} htmlFor="edit-operator_username">
          <Input id="edit-operator_username" value={operator.username} disabled />
        </Form.Item>
        <Form.Item name="name" label={t('account.name')} rules={[requiredRule(locale)]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="idType" label={t('account.idType')} rules={[requiredRule(locale)]}>
          <Select options={ID_TYPES.map((value) => ({ value, label: t(`idTypes.${value}`) }))} />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={t('account.idNumber')}
          extra={operator.idNumberMasked ?? undefined}
          rules={[requiredRule(locale)]}
        >
          <Input maxLength={30} autoComplete="off" />
        </Form.Item>
        <Form.Item name="idValidFrom" label={t('operators.validFrom')} rules={date}>
          <Input maxLength={8} inputMode="numeric" placeholder="YYYYMMDD" />
        </Form.Item>
        <Form.Item
          name="idValidTo"
          label={t('operators.validTo')}
          extra={t('operators.dateHelp')}
          rules={date}
        >
          <Input maxLength={8} inputMode="numeric" placeholder="YYYYMMDD" />
        </Form.Item>
        <Form.Item
          name="mobile"
          label={t('account.mobile')}
          extra={operator.mobileMasked ?? undefined}
          rules={[mobileRule(true, locale)]}
        >
          <Input inputMode="tel" maxLength={11} />
        </Form.Item>
        <Form.Item name="status" label={t('operators.status')}>
          <Radio.Group
            options={[
              { value: 'active', label: t('operators.enabled') },
              { value: 'disabled', label: t('operators.disabled') },
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** `/account/operators` — 我的操作员 (seed 004 §3.2), administrators only. */
const COLUMNS_KEY = 'sw.operators.columns';
const DATA_COLUMNS = ['username', 'name', 'idType', 'idNumber', 'mobile', 'status', 'createdAt'] as const;
type DataColumn = (typeof DATA_COLUMNS)[number];

export function OperatorsPage() {
  const { t } = useTranslation();
  const columnTitle = (key: DataColumn) =>
    ({
      username: t('account.username'),
      name: t('account.name'),
      idType: t('account.idType'),
      idNumber: t('account.idNumber'),
      mobile: t('account.mobile'),
      status: t('account.status'),
      createdAt: t('account.createdAt'),
    })[key];
  const { message } = App.useApp();
  const [query, setQuery] = useState<OperatorQuery>({});
  const [searchForm] = Form.useForm<OperatorQuery>();
  const { data, isPending, isError, error } = useOperators(query);
  const [isCreateOpen, setCreateOpen] = useState(false);
  const [isCardCreateOpen, setCardCreateOpen] = useState(false);
  // 选择显示列 (seed 004 §3.7.3), remembered in this browser
  const [visible, chooseColumns] = useStoredColumns(COLUMNS_KEY, DATA_COLUMNS, DATA_COLUMNS);
  const [editing, setEditing] = useState<OperatorView | null>(null);
  const remove = useDeleteOperator();
  const reset = useResetOperatorPassword();
  const report = useErrorReporter();
  const none = t('common.none');
  return (
    <div className="sw-workspace-page">
      <PageTitle>{t('operators.title')}</PageTitle>
      <Card
        extra={
          <Space wrap>
            <Button
              type="primary"
              icon={<PlusOutlined aria-hidden="true" />}
              onClick={() => setCreateOpen(true)}
            >
              {t('operators.create')}
            </Button>
            <Button icon={<CreditCardOutlined aria-hidden="true" />} onClick={() => setCardCreateOpen(true)}>
              {t('operators.createWithCard')}
            </Button>
            <ColumnChooser
              columns={DATA_COLUMNS.map((key) => ({ key, title: columnTitle(key) }))}
              visible={visible}
              onChange={chooseColumns}
            />
          </Space>
        }
      >
        <Form
          form={searchForm}
          name="operator-search"
          layout="inline"
          className="sw-operator-search"
          onFinish={(v) =>
            setQuery({ username: v.username?.trim() || undefined, name: v.name?.trim() || undefined })
          }
        >
          <Form.Item name="username" label={t('operators.queryUsername')}>
            <Input maxLength={64} allowClear />
          </Form.Item>
          <Form.Item name="name" label={t('operators.queryName')}>
            <Input maxLength={50} allowClear />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit">
                {t('operators.search')}
              </Button>
              <Button
                onClick={() => {
                  searchForm.resetFields();
                  setQuery({});
                }}
              >
                {t('operators.resetQuery')}
              </Button>
            </Space>
          </Form.Item>
        </Form>
        {isError ? <Alert type="error" showIcon message={describeError(error)} /> : null}
        <Table<OperatorView>
          rowKey="id"
          loading={isPending}
          dataSource={data ?? []}
          pagination={false}
          columns={(
            [
              { key: 'username', title: columnTitle('username'), dataIndex: 'username' },
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
              {
                key: 'actions',
                title: t('operators.actions'),
                render: (_, r) => (
                  <Space size={0} wrap>
                    {r.cardBound ? <Tag color="gold">{t('operators.cardBound')}</Tag> : null}
                    <Button
                      type="link"
                      size="small"
                      onClick={() => setEditing(r)}
                      aria-label={`${t('operators.edit')} ${r.username}`}
                    >
                      {t('operators.edit')}
                    </Button>
                    <Popconfirm
                      title={t('operators.resetConfirm', { username: r.username })}
                      onConfirm={() =>
                        reset.mutate(r.id, {
                          onSuccess: () => void message.success(t('operators.resetDone')),
                          onError: (e) => report(e),
                        })
                      }
                    >
                      <Button
                        type="link"
                        size="small"
                        aria-label={`${t('operators.resetPassword')} ${r.username}`}
                      >
                        {t('operators.resetPassword')}
                      </Button>
                    </Popconfirm>
                    <Popconfirm
                      title={t('operators.deleteConfirm', { username: r.username })}
                      okButtonProps={{ danger: true }}
                      onConfirm={() =>
                        remove.mutate(r.id, {
                          onSuccess: () => void message.success(t('operators.deleted')),
                          onError: (e) => report(e),
                        })
                      }
                    >
                      <Button
                        type="link"
                        size="small"
                        danger
                        aria-label={`${t('operators.delete')} ${r.username}`}
                      >
                        {t('operators.delete')}
                      </Button>
                    </Popconfirm>
                  </Space>
                ),
              },
            ] satisfies TableColumnsType<OperatorView>
          ).filter((c) => c.key === 'actions' || visible.includes(c.key as DataColumn))}
        />
      </Card>
      <CreateOperatorModal open={isCreateOpen} onClose={() => setCreateOpen(false)} />
      <CardOperatorModal open={isCardCreateOpen} onClose={() => setCardCreateOpen(false)} />
      {editing ? <EditOperatorModal operator={editing} onClose={() => setEditing(null)} /> : null}
    </div>
  );
}
