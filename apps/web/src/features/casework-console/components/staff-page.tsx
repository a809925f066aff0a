import { EditOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  type ErrorCode,
  errorMessage,
  isValidEmail,
  isValidMobile,
  isValidUsername,
  type StaffCreated,
  type StaffGrant,
  type StaffMemberView,
} from '@sw/contracts';
import {
  Alert,
  App,
  Badge,
  Button,
  Card,
  Form,
  type FormRule,
  Input,
  Modal,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../../components/page-title';
import { TableEmpty } from '../../../components/table-empty';
import { useErrorReporter } from '../../../hooks/use-error-reporter';
import { useLocale } from '../../../hooks/use-locale';
import { describeError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { localized, useConsoleServices, useServiceRegistry } from '../api/services';
import { useCreateStaff, useSetGrants, useStaffMembers } from '../api/staff';
import { ALL_SERVICES, type GrantValue, toGrants } from '../utils/casework-utils';
import { GrantsField } from './grants-field';
import '../casework-console.css';

const STATUS_BADGES = {
  active: 'success',
  inactive: 'default',
  pending_review: 'processing',
  locked: 'warning',
  disabled: 'error',
} as const;

/** Every service a grant may name: the registry's, the viewer's, and any already granted. */
function useServiceOptions(staff: StaffMemberView[] | undefined) {
  const locale = useLocale();
  const registry = useServiceRegistry();
  const mine = useConsoleServices();
  return useMemo(() => {
    const names = new Map<string, string>();
    for (const s of registry.data ?? []) names.set(s.code, localized(s.name, locale));
    for (const s of mine.data ?? []) names.set(s.code, localized(s.name, locale));
    for (const m of staff ?? [])
      for (const g of m.grants)
        if (g.serviceCode !== ALL_SERVICES && !names.has(g.serviceCode))
          names.set(g.serviceCode, g.serviceCode);
    // the duties (岗位) a reviewer may be limited to, as the console's services name them
    const duties = new Map<string, { value: string; label: string }[]>();
    for (const s of mine.data ?? [])
      if (s.duties.length)
        duties.set(
          s.code,
          s.duties.map((d) => ({ value: d.code, label: localized(d.name, locale) })),
        );
    return { names, options: [...names].map(([value, label]) => ({ value, label })), duties };
  }, [registry.data, mine.data, staff, locale]);
}

function GrantTags({
  grants,
  names,
  duties,
}: {
  grants: StaffGrant[];
  names: Map<string, string>;
  duties: ReadonlyMap<string, { value: string; label: string }[]>;
}) {
  const { t } = useTranslation();
  if (grants.length === 0) return <span className="sw-cw-muted">{t('casework.staff.noGrants')}</span>;
  return (
    <Space size={[4, 4]} wrap>
      {grants.map((g) => (
        <Tag key={`${g.role}:${g.serviceCode}`} color={g.role === 'platform_admin' ? 'purple' : 'blue'}>
          {t(`casework.roles.${g.role}` as 'casework.roles.reviewer')}
          {g.serviceCode === ALL_SERVICES ? '' : ` · ${names.get(g.serviceCode) ?? g.serviceCode}`}
          {g.duties?.length
            ? ` · ${g.duties
                .map((d) => duties.get(g.serviceCode)?.find((o) => o.value === d)?.label ?? d)
                .join('、')}`
            : ''}
        </Tag>
      ))}
    </Space>
  );
}

type CreateValues = { username: string; name: string; mobile: string; email: string; grants?: GrantValue[] };

function CreateStaffModal({
  open,
  onClose,
  serviceOptions,
  dutyOptions,
}: {
  open: boolean;
  onClose: () => void;
  serviceOptions: { value: string; label: string }[];
  dutyOptions: ReadonlyMap<string, { value: string; label: string }[]>;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const report = useErrorReporter();
  const [form] = Form.useForm<CreateValues>();
  const create = useCreateStaff();
  const [created, setCreated] = useState<StaffCreated | null>(null);

  const check =
    (valid: (v: string) => boolean, code: ErrorCode): FormRule =>
    () => ({
      validator: (_, value) =>
        !value || valid(String(value).trim())
          ? Promise.resolve()
          : Promise.reject(new Error(errorMessage(code, locale))),
    });
  const required: FormRule = {
    required: true,
    whitespace: true,
    message: errorMessage('field.required', locale),
  };

  const onFinish = (values: CreateValues) => {
    create.mutate(
      {
        username: values.username.trim(),
        name: values.name.trim(),
        mobile: values.mobile.trim(),
        email: values.email.trim(),
        grants: toGrants(values.grants),
      },
      {
        onSuccess: (result) => {
          form.resetFields();
          setCreated(result);
        },
        onError: (error) => report(error, form),
      },
    );
  };

  const close = () => {
    setCreated(null);
    onClose();
  };

  if (created) {
    return (
      <Modal
        open={open}
        title={t('casework.staff.createdTitle')}
        okText={t('casework.staff.createdDone')}
        onOk={close}
        onCancel={close}
        cancelButtonProps={{ style: { display: 'none' } }}
        maskClosable={false}
      >
        <Alert className="sw-form-alert" type="warning" showIcon title={t('casework.staff.passwordOnce')} />
        <dl>
          <dt>{t('casework.staff.username')}</dt>
          <dd>
            <Typography.Text strong>{created.staff.username}</Typography.Text>
          </dd>
          <dt>{t('casework.staff.initialPassword')}</dt>
          <dd>
            <Typography.Text code copyable data-testid="initial-password">
              {created.initialPassword}
            </Typography.Text>
          </dd>
        </dl>
      </Modal>
    );
  }

  return (
    <Modal
      open={open}
      title={t('casework.staff.createTitle')}
      okText={t('casework.staff.create')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={close}
      destroyOnHidden
      width={640}
    >
      <Form<CreateValues>
        form={form}
        name="staffCreate"
        layout="vertical"
        onFinish={onFinish}
        disabled={create.isPending}
        initialValues={{ grants: [{ role: 'reviewer' }] }}
      >
        <Form.Item
          name="username"
          label={t('casework.staff.username')}
          extra={t('casework.staff.usernameHelp')}
          rules={[required, check(isValidUsername, 'field.username_invalid')]}
        >
          <Input maxLength={18} autoComplete="off" autoCapitalize="off" />
        </Form.Item>
        <Form.Item name="name" label={t('casework.staff.name')} rules={[required]}>
          <Input maxLength={50} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="mobile"
          label={t('casework.staff.mobile')}
          rules={[required, check(isValidMobile, 'field.mobile_invalid')]}
        >
          <Input maxLength={11} inputMode="numeric" autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('casework.staff.email')}
          rules={[required, check(isValidEmail, 'field.email_invalid')]}
        >
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
        <GrantsField form={form} serviceOptions={serviceOptions} dutyOptions={dutyOptions} />
      </Form>
    </Modal>
  );
}

function EditGrantsModal({
  member,
  onClose,
  serviceOptions,
  dutyOptions,
}: {
  member: StaffMemberView | null;
  onClose: () => void;
  serviceOptions: { value: string; label: string }[];
  dutyOptions: ReadonlyMap<string, { value: string; label: string }[]>;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useErrorReporter();
  const [form] = Form.useForm<{ grants?: GrantValue[] }>();
  const setGrants = useSetGrants();

  const onFinish = (values: { grants?: GrantValue[] }) => {
    if (!member) return;
    setGrants.mutate(
      { id: member.id, grants: toGrants(values.grants) },
      {
        onSuccess: () => {
          void message.success(t('casework.staff.grantsSaved', { username: member.username }));
          onClose();
        },
        onError: (error) => report(error, form),
      },
    );
  };

  return (
    <Modal
      open={member !== null}
      title={
        member ? t('casework.staff.editGrantsTitle', { name: member.name, username: member.username }) : ''
      }
      okText={t('casework.staff.save')}
      cancelText={t('common.cancel')}
      confirmLoading={setGrants.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      {member ? (
        <Form
          form={form}
          name="staffGrants"
          layout="vertical"
          onFinish={onFinish}
          disabled={setGrants.isPending}
          initialValues={{
            grants: member.grants.map((g) => ({
              role: g.role,
              serviceCode: g.serviceCode === ALL_SERVICES ? undefined : g.serviceCode,
              duties: g.duties,
            })),
          }}
        >
          <GrantsField form={form} serviceOptions={serviceOptions} dutyOptions={dutyOptions} />
        </Form>
      ) : null}
    </Modal>
  );
}

/** `/console/staff` — 工作人员: staff accounts and what each may do (platform admins). */
export function StaffPage() {
  const { t } = useTranslation();
  const staff = useStaffMembers();
  const { names, options, duties } = useServiceOptions(staff.data);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<StaffMemberView | null>(null);
  const none = t('common.none');

  const columns: TableColumnsType<StaffMemberView> = [
    { key: 'username', title: t('casework.staff.username'), dataIndex: 'username' },
    { key: 'name', title: t('casework.staff.name'), dataIndex: 'name' },
    {
      key: 'status',
      title: t('casework.staff.status'),
      render: (_, m) => <Badge status={STATUS_BADGES[m.status]} text={t(`accountStatuses.${m.status}`)} />,
    },
    {
      key: 'grants',
      title: t('casework.staff.grants'),
      width: 280,
      render: (_, m) => <GrantTags grants={m.grants} names={names} duties={duties} />,
    },
    { key: 'mobile', title: t('casework.staff.mobile'), render: (_, m) => m.mobileMasked ?? none },
    { key: 'email', title: t('casework.staff.email'), render: (_, m) => m.emailMasked ?? none },
    {
      key: 'lastSignInAt',
      title: t('casework.staff.lastSignInAt'),
      render: (_, m) => formatDateTime(m.lastSignInAt, none),
    },
    {
      key: 'actions',
      title: t('casework.staff.actions'),
      fixed: 'right',
      render: (_, m) => (
        <Button
          size="small"
          icon={<EditOutlined />}
          onClick={() => setEditing(m)}
          aria-label={t('casework.staff.editGrantsOf', { username: m.username })}
        >
          {t('casework.staff.editGrants')}
        </Button>
      ),
    },
  ];

  return (
    <div className="sw-workspace-page">
      <PageTitle
        extra={
          <Space wrap>
            <Button
              icon={<ReloadOutlined />}
              onClick={() => void staff.refetch()}
              loading={staff.isRefetching}
            >
              {t('common.refresh')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('casework.staff.create')}
            </Button>
          </Space>
        }
      >
        {t('casework.staff.title')}
      </PageTitle>
      <p className="sw-lead">{t('casework.staff.lead')}</p>
      <Card>
        {staff.isError ? (
          <Alert type="error" showIcon title={describeError(staff.error)} />
        ) : (
          <Table<StaffMemberView>
            rowKey="id"
            size="middle"
            loading={staff.isPending}
            columns={columns}
            dataSource={staff.data ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
            locale={{ emptyText: <TableEmpty text={t('casework.staff.empty')} /> }}
            scroll={{ x: 1000 }}
          />
        )}
      </Card>
      <CreateStaffModal
        open={creating}
        onClose={() => setCreating(false)}
        serviceOptions={options}
        dutyOptions={duties}
      />
      <EditGrantsModal
        member={editing}
        onClose={() => setEditing(null)}
        serviceOptions={options}
        dutyOptions={duties}
      />
    </div>
  );
}
