import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Select,
  Space,
  Table,
  type TableColumnsType,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { CertRecordView } from '../../../../../server/src/modules/services/cert-review/contract.ts';
import { StatusTag } from '../../../components/casework/status-badge';
import { LinkButton } from '../../../components/link-button';
import { PageTitle } from '../../../components/page-title';
import { SessionGate } from '../../../components/session-gate';
import { TableEmpty } from '../../../components/table-empty';
import { useLocale } from '../../../hooks/use-locale';
import { describeError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { type RecordFilters, reAdd, useCertTypes, useRecords } from '../api';
import { useMessages } from '../messages';
import { SimulatorNote } from './simulator-note';

const STATUSES = ['pending', 'approved', 'rejected', 'data_error'] as const;
const STATUS_NAMES = {
  pending: { 'zh-CN': '未审核', 'zh-HK': '未審核', en: 'Not reviewed' },
  approved: { 'zh-CN': '审核通过', 'zh-HK': '審核通過', en: 'Approved' },
  rejected: { 'zh-CN': '审核不通过', 'zh-HK': '審核不通過', en: 'Not approved' },
  data_error: { 'zh-CN': '数据有误', 'zh-HK': '數據有誤', en: 'Data error' },
} as const;

type FilterValues = { number?: string; certType?: string; range?: [Dayjs, Dayjs] | null; status?: string };

function toFilters(values: FilterValues): RecordFilters {
  return {
    ...(values.number?.trim() ? { number: values.number.trim() } : {}),
    ...(values.certType ? { certType: values.certType } : {}),
    ...(values.status ? { status: values.status } : {}),
    ...(values.range?.[0] ? { from: values.range[0].format('YYYY-MM-DD') } : {}),
    ...(values.range?.[1] ? { to: values.range[1].format('YYYY-MM-DD') } : {}),
  };
}

/** 「重新添加」: a new draft prefilled from this failed application, opened for correction. */
export function ReAddButton({ applicationId, size }: { applicationId: string; size?: 'small' | 'middle' }) {
  const m = useMessages();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      size={size}
      loading={busy}
      onClick={async () => {
        setBusy(true);
        try {
          const { applicationId: draft } = await reAdd(applicationId);
          void navigate(`/apps/cert-review/apply?draft=${draft}`);
        } catch (error) {
          void message.error(describeError(error));
        } finally {
          setBusy(false);
        }
      }}
    >
      {m('records.reAdd')}
    </Button>
  );
}

function Records() {
  const m = useMessages();
  const locale = useLocale();
  const [form] = Form.useForm<FilterValues>();
  const [filters, setFilters] = useState<RecordFilters>({});
  const types = useCertTypes();
  const records = useRecords(filters);
  const rows = records.data?.pages.flatMap((page) => page.items) ?? [];

  const columns: TableColumnsType<CertRecordView> = [
    {
      key: 'number',
      title: m('records.number'),
      render: (_, row) => (
        <>
          <LinkButton type="link" className="sw-link-cell" to={`/account/applications/${row.applicationId}`}>
            {row.number}
          </LinkButton>
          {row.readdedFromNumber ? (
            <div className="sw-muted">{m('records.readdedFrom', { number: row.readdedFromNumber })}</div>
          ) : null}
        </>
      ),
    },
    { key: 'type', title: m('records.certType'), dataIndex: 'certTypeName' },
    { key: 'certNo', title: m('records.certNo'), dataIndex: 'certNo' },
    {
      key: 'submittedAt',
      title: m('records.submittedAt'),
      render: (_, row) => formatDateTime(row.submittedAt),
    },
    {
      key: 'status',
      title: m('records.status'),
      render: (_, row) => (
        <Space orientation="vertical" size={2}>
          <StatusTag status={row.status} name={row.statusName} tone={row.statusTone} />
          <span className="sw-muted sw-cr-explain">{row.explanation[locale]}</span>
        </Space>
      ),
    },
    {
      key: 'actions',
      title: m('records.actions'),
      render: (_, row) => (
        <Space wrap>
          <LinkButton size="small" to={`/account/applications/${row.applicationId}`}>
            {m('records.view')}
          </LinkButton>
          {row.canReAdd ? <ReAddButton applicationId={row.applicationId} size="small" /> : null}
        </Space>
      ),
    },
  ];

  return (
    <div className="sw-container">
      <p className="sw-muted sw-cr-breadcrumb">{m('breadcrumb')}</p>
      <PageTitle
        extra={
          <LinkButton type="primary" icon={<PlusOutlined aria-hidden="true" />} to="/apps/cert-review/apply">
            {m('records.add')}
          </LinkButton>
        }
      >
        {m('records.title')}
      </PageTitle>
      <SimulatorNote />
      <Card className="sw-block">
        <Form<FilterValues>
          form={form}
          name="cert-records"
          layout="inline"
          className="sw-filter-form"
          onFinish={(values) => setFilters(toFilters(values))}
        >
          <Form.Item name="number" label={m('records.number')}>
            <Input allowClear maxLength={40} />
          </Form.Item>
          <Form.Item name="certType" label={m('records.certType')}>
            <Select
              allowClear
              className="sw-filter-select"
              placeholder={m('records.allTypes')}
              options={(types.data ?? []).map((type) => ({ value: type.code, label: type.name[locale] }))}
            />
          </Form.Item>
          <Form.Item name="range" label={m('records.submittedAt')}>
            <DatePicker.RangePicker
              aria-label={m('records.submittedAt')}
              placeholder={[m('records.from'), m('records.to')]}
            />
          </Form.Item>
          <Form.Item name="status" label={m('records.status')}>
            <Select
              allowClear
              className="sw-filter-select"
              placeholder={m('records.allStatuses')}
              options={STATUSES.map((status) => ({ value: status, label: STATUS_NAMES[status][locale] }))}
            />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              {m('records.search')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                setFilters({});
              }}
            >
              {m('records.reset')}
            </Button>
          </Space>
        </Form>
      </Card>
      {records.isError ? <Alert type="error" showIcon title={describeError(records.error)} /> : null}
      <Card>
        <Table<CertRecordView>
          rowKey="applicationId"
          columns={columns}
          dataSource={rows}
          loading={records.isPending}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: <TableEmpty text={m('records.empty')} /> }}
        />
        {records.hasNextPage ? (
          <div className="sw-load-more">
            <Button loading={records.isFetchingNextPage} onClick={() => void records.fetchNextPage()}>
              {m('records.more')}
            </Button>
          </div>
        ) : null}
      </Card>
    </div>
  );
}

/** `/apps/cert-review/records` — 查询 (002 §3.3), the module's home: the operator's certificates. */
export function RecordsPage() {
  return <SessionGate>{() => <Records />}</SessionGate>;
}
