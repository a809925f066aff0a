import type { CardView } from '@sw/contracts';
import {
  Alert,
  App,
  Badge,
  Button,
  Card,
  Form,
  Modal,
  Popconfirm,
  Space,
  Table,
  type TableColumnsType,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CardFields, type CardFieldValues } from '../../../components/card-media/card-fields';
import { ColumnChooser } from '../../../components/column-chooser';
import { PageTitle } from '../../../components/page-title';
import { TableEmpty } from '../../../components/table-empty';
import { useStoredColumns } from '../../../hooks/use-stored-columns';
import { describeError } from '../../../lib/api-client';
import { proveCard } from '../../../lib/card-proof';
import { formatDateTime } from '../../../lib/format';
import { openCardInForm } from '../../../lib/open-card-form';
import { useBindCard, useMyCards, useUnbindCards } from '../api/cards';

const COLUMNS_KEY = 'sw.myCards.columns';
const ALL_COLUMNS = [
  'cardNo',
  'role',
  'holderName',
  'holderIdType',
  'holderIdNumber',
  'orgName',
  'orgCode',
  'creditCode',
  'validity',
  'status',
  'boundAt',
] as const;
type ColumnKey = (typeof ALL_COLUMNS)[number];
const DEFAULT_COLUMNS: ColumnKey[] = [
  'cardNo',
  'role',
  'holderName',
  'orgName',
  'validity',
  'status',
  'boundAt',
];

// a badge rather than a coloured tag: green and orange tag text fail WCAG AA contrast
const STATUS_BADGES = {
  valid: 'success',
  not_yet_valid: 'processing',
  expired: 'warning',
  revoked: 'error',
} as const;

function BindCardModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CardFieldValues>();
  const bind = useBindCard();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const onFinish = async (values: CardFieldValues) => {
    if (!values.cardFile) return;
    setFailure(null);
    setBusy(true);
    try {
      const card = await openCardInForm(form, values.cardFile, values.pin);
      if (!card) return;
      await bind.mutateAsync(await proveCard(card));
      void message.success(t('cards.mine.bound'));
      form.resetFields();
      onClose();
    } catch (error) {
      setFailure(describeError(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('cards.mine.bindTitle')}
      okText={t('cards.mine.bindSubmit')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {failure ? <Alert className="sw-form-alert" type="error" showIcon title={failure} /> : null}
      <Form<CardFieldValues>
        form={form}
        name="bind-card"
        layout="vertical"
        requiredMark={false}
        disabled={busy}
        onFinish={(values) => void onFinish(values)}
        onValuesChange={() => setFailure(null)}
      >
        <CardFields disabled={busy} />
      </Form>
    </Modal>
  );
}

/**
 * `/account/cards` — 我的IC卡 (seed 004 §3.3): the cards bound to this account, with a column
 * chooser (remembered in this browser), 绑卡 (the card proves itself with a signed challenge)
 * and 解绑 for the ticked rows.
 */
export function MyCardsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const cards = useMyCards();
  const unbind = useUnbindCards();
  const [selected, setSelected] = useState<string[]>([]);
  const [visible, chooseColumns] = useStoredColumns(COLUMNS_KEY, ALL_COLUMNS, DEFAULT_COLUMNS);
  const [binding, setBinding] = useState(false);

  const all: Record<ColumnKey, TableColumnsType<CardView>[number]> = useMemo(
    () => ({
      cardNo: { key: 'cardNo', title: t('cards.mine.cardNo'), dataIndex: 'cardNo' },
      role: { key: 'role', title: t('cards.mine.role'), render: (_, c) => t(`cards.roles.${c.role}`) },
      holderName: { key: 'holderName', title: t('cards.mine.holderName'), dataIndex: 'holderName' },
      holderIdType: {
        key: 'holderIdType',
        title: t('cards.mine.holderIdType'),
        render: (_, c) => t(`idTypes.${c.holderIdType}`),
      },
      holderIdNumber: {
        key: 'holderIdNumber',
        title: t('cards.mine.holderIdNumber'),
        dataIndex: 'holderIdNumberMasked',
      },
      orgName: { key: 'orgName', title: t('cards.mine.orgName'), dataIndex: 'orgName' },
      orgCode: { key: 'orgCode', title: t('cards.mine.orgCode'), dataIndex: 'orgCode' },
      creditCode: {
        key: 'creditCode',
        title: t('cards.mine.creditCode'),
        render: (_, c) => c.creditCode ?? t('common.none'),
      },
      validity: {
        key: 'validity',
        title: t('cards.mine.validity'),
        render: (_, c) => `${formatDateTime(c.notBefore)} – ${formatDateTime(c.notAfter)}`,
      },
      status: {
        key: 'status',
        title: t('cards.mine.status'),
        render: (_, c) => <Badge status={STATUS_BADGES[c.status]} text={t(`cards.statuses.${c.status}`)} />,
      },
      boundAt: {
        key: 'boundAt',
        title: t('cards.mine.boundAt'),
        render: (_, c) => formatDateTime(c.boundAt),
      },
    }),
    [t],
  );

  const onUnbind = async () => {
    try {
      const { unbound } = await unbind.mutateAsync({ cardIds: selected });
      setSelected([]);
      void message.success(t('cards.mine.unbound', { count: unbound }));
    } catch (error) {
      void message.error(describeError(error));
    }
  };

  return (
    <div className="sw-workspace-page">
      <PageTitle>{t('cards.mine.title')}</PageTitle>
      <Alert className="sw-form-alert" type="info" showIcon title={t('cards.mine.tip')} />
      <Card
        title={t('cards.mine.table')}
        extra={
          <Space wrap>
            <Button onClick={() => setBinding(true)}>{t('cards.mine.bind')}</Button>
            <Popconfirm
              title={t('cards.mine.unbindConfirm', { count: selected.length })}
              okText={t('cards.mine.unbind')}
              cancelText={t('common.cancel')}
              disabled={selected.length === 0}
              onConfirm={() => onUnbind()}
            >
              <Button disabled={selected.length === 0} loading={unbind.isPending}>
                {t('cards.mine.unbind')}
              </Button>
            </Popconfirm>
            <ColumnChooser
              columns={ALL_COLUMNS.map((k) => ({ key: k, title: String(all[k].title) }))}
              visible={visible}
              onChange={chooseColumns}
            />
          </Space>
        }
      >
        {cards.isError ? (
          <Alert type="error" showIcon title={describeError(cards.error)} />
        ) : (
          // no `scroll.x`: its hidden measuring row would copy the select-all checkbox (aria-hidden-focus)
          <div style={{ overflowX: 'auto' }}>
            <Table<CardView>
              rowKey="id"
              size="middle"
              loading={cards.isPending}
              columns={visible.map((k) => all[k])}
              dataSource={cards.data ?? []}
              rowSelection={{
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys.map(String)),
                getCheckboxProps: (c) => ({ 'aria-label': t('cards.mine.select', { cardNo: c.cardNo }) }),
              }}
              pagination={false}
              locale={{ emptyText: <TableEmpty text={t('cards.mine.empty')} /> }}
            />
          </div>
        )}
      </Card>
      <BindCardModal open={binding} onClose={() => setBinding(false)} />
    </div>
  );
}
