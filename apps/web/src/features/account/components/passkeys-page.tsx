import { EditOutlined, KeyOutlined, PlusOutlined } from '@ant-design/icons';
import { browserSupportsWebAuthn } from '@simplewebauthn/browser';
import type { PasskeyView } from '@sw/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Popconfirm,
  Space,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../../components/page-title';
import { TableEmpty } from '../../../components/table-empty';
import { applyProblemToForm, describeError, isApiError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { describePasskeyError } from '../../../lib/webauthn';
import { useAddPasskey, useDeletePasskey, usePasskeys, useRenamePasskey } from '../api/passkeys';

type NameValues = { name: string };

/** A name to offer: the browser and system this passkey is being made on ("Chrome · Windows"). */
function suggestedName(): string {
  const ua = navigator.userAgent;
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /Chrome\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : '';
  const system = /Windows/.test(ua)
    ? 'Windows'
    : /iPhone|iPad/.test(ua)
      ? 'iOS'
      : /Android/.test(ua)
        ? 'Android'
        : /Mac OS X/.test(ua)
          ? 'macOS'
          : /Linux/.test(ua)
            ? 'Linux'
            : '';
  return [browser, system].filter(Boolean).join(' · ').slice(0, 32);
}

/** The name form of the add and rename dialogs. */
function NameModal({
  formName,
  open,
  title,
  okText,
  initialName,
  pending,
  onSubmit,
  onCancel,
}: {
  formName: string;
  open: boolean;
  title: string;
  okText: string;
  initialName: string;
  pending: boolean;
  onSubmit: (name: string, form: ReturnType<typeof Form.useForm<NameValues>>[0]) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<NameValues>();
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText={t('common.cancel')}
      confirmLoading={pending}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form<NameValues>
        form={form}
        name={formName}
        initialValues={{ name: initialName }}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => onSubmit(values.name.trim(), form)}
        disabled={pending}
      >
        <Form.Item
          name="name"
          label={t('passkeys.name')}
          extra={t('passkeys.nameHelp')}
          rules={[{ required: true, whitespace: true, message: t('passkeys.nameRequired') }]}
        >
          <Input maxLength={32} placeholder={t('passkeys.namePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * `/account/passkeys` — 通行密钥: sign in with the device's fingerprint, face or screen lock instead
 * of a password. List, add (named), rename, remove.
 */
export function PasskeysPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const passkeys = usePasskeys();
  const add = useAddPasskey();
  const rename = useRenamePasskey();
  const remove = useDeletePasskey();
  const [adding, setAdding] = useState(false);
  const [renaming, setRenaming] = useState<PasskeyView | null>(null);
  const supported = browserSupportsWebAuthn();

  const onAdd = (name: string, form: ReturnType<typeof Form.useForm<NameValues>>[0]) => {
    add.mutate(name, {
      onSuccess: () => {
        setAdding(false);
        void message.success(t('passkeys.added'));
      },
      onError: (error) => {
        if (isApiError(error) && applyProblemToForm(form, error.problem)) return;
        void message.error(describePasskeyError(error));
      },
    });
  };

  const onRename = (name: string, form: ReturnType<typeof Form.useForm<NameValues>>[0]) => {
    if (!renaming) return;
    rename.mutate(
      { id: renaming.id, name },
      {
        onSuccess: () => {
          setRenaming(null);
          void message.success(t('passkeys.renamed'));
        },
        onError: (error) => {
          if (isApiError(error) && applyProblemToForm(form, error.problem)) return;
          void message.error(describeError(error));
        },
      },
    );
  };

  const columns: TableColumnsType<PasskeyView> = [
    {
      key: 'name',
      title: t('passkeys.name'),
      render: (_, p) => (
        <Space>
          <KeyOutlined aria-hidden="true" />
          {p.name}
          {p.backedUp ? <Tag color="blue">{t('passkeys.synced')}</Tag> : null}
        </Space>
      ),
    },
    {
      key: 'createdAt',
      title: t('passkeys.createdAt'),
      dataIndex: 'createdAt',
      render: (v: string) => formatDateTime(v),
    },
    {
      key: 'lastUsedAt',
      title: t('passkeys.lastUsedAt'),
      dataIndex: 'lastUsedAt',
      render: (v: string | null) => formatDateTime(v, t('passkeys.neverUsed')),
    },
    {
      key: 'actions',
      title: t('passkeys.actions'),
      render: (_, p) => (
        <Space>
          <Button size="small" icon={<EditOutlined />} onClick={() => setRenaming(p)}>
            {t('passkeys.rename')}
          </Button>
          <Popconfirm
            title={t('passkeys.confirmDelete', { name: p.name })}
            description={t('passkeys.confirmDeleteHint')}
            okText={t('passkeys.delete')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={async () => {
              try {
                await remove.mutateAsync(p.id);
                void message.success(t('passkeys.deleted'));
              } catch (error) {
                void message.error(describeError(error));
              }
            }}
          >
            <Button size="small" danger>
              {t('passkeys.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <div className="sw-workspace-page">
      <PageTitle
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            disabled={!supported}
            onClick={() => setAdding(true)}
          >
            {t('passkeys.add')}
          </Button>
        }
      >
        {t('passkeys.title')}
      </PageTitle>
      <Alert
        className="sw-form-alert"
        type={supported ? 'info' : 'warning'}
        showIcon
        title={supported ? t('passkeys.intro') : t('passkeys.errors.unsupported')}
      />
      <Card>
        {passkeys.isError ? (
          <Alert type="error" showIcon title={describeError(passkeys.error)} />
        ) : (
          <Table<PasskeyView>
            rowKey="id"
            size="middle"
            loading={passkeys.isPending}
            columns={columns}
            dataSource={passkeys.data ?? []}
            pagination={false}
            locale={{ emptyText: <TableEmpty text={t('passkeys.empty')} /> }}
            scroll={{ x: 640 }}
          />
        )}
      </Card>
      <NameModal
        formName="addPasskey"
        open={adding}
        title={t('passkeys.addTitle')}
        okText={t('passkeys.create')}
        initialName={suggestedName()}
        pending={add.isPending}
        onSubmit={onAdd}
        onCancel={() => setAdding(false)}
      />
      <NameModal
        formName="renamePasskey"
        open={renaming !== null}
        title={t('passkeys.renameTitle')}
        okText={t('common.confirm')}
        initialName={renaming?.name ?? ''}
        pending={rename.isPending}
        onSubmit={onRename}
        onCancel={() => setRenaming(null)}
      />
    </div>
  );
}
