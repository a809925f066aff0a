import { DownloadOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { CARD_STATUSES, type CardStatus, type StaffCardView } from '@sw/contracts';
import {
  Alert,
  App,
  Badge,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../../components/page-title';
import { TableEmpty } from '../../../components/table-empty';
import { describeError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { cardFileUrl, useIssuedCards, useRevokeCard } from '../api/cards';
import { IssueCardModal } from './issue-card-modal';

// a badge rather than a coloured tag: green and orange tag text fail WCAG AA contrast
const STATUS_BADGES = {
  valid: 'success',
  not_yet_valid: 'processing',
  expired: 'warning',
  revoked: 'error',
} as const;

function RevokeCardModal({ card, onClose }: { card: StaffCardView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const revoke = useRevokeCard();
  const [failure, setFailure] = useState<string | null>(null);
  const onFinish = async ({ reason }: { reason: string }) => {
    if (!card) return;
    try {
      await revoke.mutateAsync({ id: card.id, reason: reason.trim() });
      void message.success(t('cards.admin.revoked'));
      form.resetFields();
      onClose();
    } catch (error) {
      setFailure(describeError(error));
    }
  };
  return (
    <Modal
      open={card !== null}
      title={card ? t('cards.admin.revokeTitle', { cardNo: card.cardNo }) : ''}
      okText={t('cards.admin.revoke')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={revoke.isPending}
      onOk={() => form.submit()}
      onCancel={() => {
        setFailure(null);
        onClose();
      }}
      destroyOnHidden
    >
      {failure ? <Alert className="sw-form-alert" type="error" showIcon title={failure} /> : null}
      <Form form={form} name="revoke-card" layout="vertical" onFinish={(v) => void onFinish(v)}>
        <Form.Item
          name="reason"
          label={t('cards.admin.revokeReason')}
          rules={[{ required: true, whitespace: true, message: t('cards.admin.revokeReasonPlaceholder') }]}
        >
          <Input.TextArea maxLength={200} rows={3} placeholder={t('cards.admin.revokeReasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * `/console/cards` — 卡介质管理: issue cards (certificate from the platform CA, PIN-protected
 * PKCS#12), find them, download the .p12 again, revoke with a reason.
 */
export function CardAdminPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<CardStatus | undefined>(undefined);
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [issuing, setIssuing] = useState(false);
  const [revoking, setRevoking] = useState<StaffCardView | null>(null);
  const cards = useIssuedCards({ q: q || undefined, status, ...page });

  const columns: TableColumnsType<StaffCardView> = [
    { key: 'cardNo', title: t('cards.admin.cardNo'), dataIndex: 'cardNo' },
    { key: 'role', title: t('cards.admin.role'), render: (_, c) => t(`cards.roles.${c.role}`) },
    { key: 'holderName', title: t('cards.admin.holderName'), dataIndex: 'holderName' },
    { key: 'orgName', title: t('cards.admin.orgName'), dataIndex: 'orgName' },
    { key: 'orgCode', title: t('cards.admin.orgCode'), dataIndex: 'orgCode' },
    {
      key: 'validity',
      title: t('cards.admin.validity'),
      render: (_, c) => `${formatDateTime(c.notBefore)} – ${formatDateTime(c.notAfter)}`,
    },
    {
      key: 'status',
      title: t('cards.admin.status'),
      render: (_, c) => (
        <Badge
          status={STATUS_BADGES[c.status]}
          text={t(`cards.statuses.${c.status}`)}
          title={c.revokeReason ?? undefined}
        />
      ),
    },
    {
      key: 'boundTo',
      title: t('cards.admin.boundTo'),
      render: (_, c) => c.boundUsername ?? t('cards.admin.notBound'),
    },
    {
      key: 'issuedAt',
      title: t('cards.admin.issuedAt'),
      render: (_, c) => formatDateTime(c.issuedAt),
    },
    {
      key: 'actions',
      title: t('cards.admin.actions'),
      fixed: 'right',
      render: (_, c) => (
        <Space>
          <Button
            size="small"
            icon={<DownloadOutlined aria-hidden="true" />}
            href={cardFileUrl(c.id)}
            download={`${c.cardNo}.p12`}
            aria-label={t('cards.admin.downloadLabel', { cardNo: c.cardNo })}
          >
            {t('cards.admin.download')}
          </Button>
          <Button
            size="small"
            danger
            icon={<StopOutlined aria-hidden="true" />}
            disabled={c.status === 'revoked'}
            onClick={() => setRevoking(c)}
          >
            {t('cards.admin.revoke')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <div className="sw-workspace-page">
      <PageTitle
        extra={
          <Button type="primary" icon={<PlusOutlined aria-hidden="true" />} onClick={() => setIssuing(true)}>
            {t('cards.admin.issue')}
          </Button>
        }
      >
        {t('cards.admin.title')}
      </PageTitle>
      <Alert className="sw-form-alert" type="info" showIcon title={t('cards.admin.intro')} />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            aria-label={t('cards.admin.search')}
            placeholder={t('cards.admin.searchPlaceholder')}
            enterButton={t('cards.admin.search')}
            maxLength={100}
            style={{ width: 360 }}
            onSearch={(value) => {
              setQ(value.trim());
              setPage((p) => ({ ...p, page: 1 }));
            }}
          />
          <Select<CardStatus | 'all'>
            aria-label={t('cards.admin.status')}
            style={{ width: 160 }}
            value={status ?? 'all'}
            onChange={(value) => {
              setStatus(value === 'all' ? undefined : value);
              setPage((p) => ({ ...p, page: 1 }));
            }}
            options={[
              { value: 'all', label: t('cards.admin.allStatuses') },
              ...CARD_STATUSES.map((s) => ({ value: s, label: t(`cards.statuses.${s}`) })),
            ]}
          />
        </Space>
        {cards.isError ? (
          <Alert type="error" showIcon title={describeError(cards.error)} />
        ) : (
          <Table<StaffCardView>
            rowKey="id"
            size="middle"
            loading={cards.isPending || cards.isFetching}
            columns={columns}
            dataSource={cards.data?.items ?? []}
            locale={{ emptyText: <TableEmpty text={t('cards.admin.empty')} /> }}
            pagination={{
              current: page.page,
              pageSize: page.pageSize,
              total: cards.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => t('cards.admin.total', { count: total }),
              onChange: (current, pageSize) => setPage({ page: current, pageSize }),
            }}
            // an empty table has nothing to focus, and a scrollable region without focus fails axe
            scroll={cards.data?.items.length ? { x: 1200 } : undefined}
          />
        )}
      </Card>
      <IssueCardModal open={issuing} onClose={() => setIssuing(false)} />
      <RevokeCardModal card={revoking} onClose={() => setRevoking(null)} />
    </div>
  );
}
