import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { QUEUE_VIEWS, type QueueItem, type QueueView } from '@sw/contracts';
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
  type TableProps,
  Tag,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { DueDate } from '../../../components/casework/due-date';
import { StatusBadge } from '../../../components/casework/status-badge';
import { ColumnChooser } from '../../../components/column-chooser';
import { LoadMore } from '../../../components/load-more';
import { NotFoundResult } from '../../../components/not-found-result';
import { PageTitle } from '../../../components/page-title';
import { TableEmpty } from '../../../components/table-empty';
import { useOpenTab } from '../../../components/workspace/workspace-context';
import { useLocale } from '../../../hooks/use-locale';
import { useStoredColumns } from '../../../hooks/use-stored-columns';
import { describeError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { DEFAULT_SORT, exportQueue, type QueueFilters, type QueueSort, useQueue } from '../api/queue';
import { localized, useConsoleServices } from '../api/services';
import { type QueueFilterValues, toQueueFilters, toQueueFilterValues } from '../utils/casework-utils';
import '../casework-console.css';

type FilterValues = QueueFilterValues;

type Stored = { filters: QueueFilters; sort: QueueSort };

const ALL_COLUMNS = [
  'number',
  'service',
  'applicantName',
  'applicantCode',
  'status',
  'submittedAt',
  'dueAt',
  'assignee',
  'updatedAt',
  'decidedAt',
] as const;
type ColumnKey = (typeof ALL_COLUMNS)[number];
const DEFAULT_COLUMNS: ColumnKey[] = [
  'number',
  'service',
  'applicantName',
  'applicantCode',
  'status',
  'submittedAt',
  'dueAt',
  'assignee',
];

const storageKey = (view: QueueView) => `sw.casework.queue.${view}`;

/** The filters and order of a queue live for the browser tab, so coming back from a detail keeps them. */
function readStored(view: QueueView): Stored {
  try {
    const stored = JSON.parse(window.sessionStorage.getItem(storageKey(view)) ?? 'null') as Stored | null;
    if (stored && typeof stored.filters === 'object' && stored.sort) {
      const sort = stored.sort.sort === 'dueAt' ? 'dueAt' : 'submittedAt';
      const order = stored.sort.order === 'asc' ? 'asc' : 'desc';
      return { filters: stored.filters, sort: { sort, order } };
    }
  } catch {
    // unreadable storage: start afresh
  }
  return { filters: {}, sort: DEFAULT_SORT };
}

function writeStored(view: QueueView, stored: Stored) {
  try {
    window.sessionStorage.setItem(storageKey(view), JSON.stringify(stored));
  } catch {
    // the filters simply do not outlive the page
  }
}

function isQueueView(view: string | undefined): view is QueueView {
  return (QUEUE_VIEWS as readonly string[]).includes(view ?? '');
}

/** `/console/queue/:view` — 我的待办, 待领取, 已超期, 全部申请. */
export function QueuePage() {
  const { view } = useParams();
  if (!isQueueView(view)) return <NotFoundResult homePath="/console" />;
  return <QueueScreen key={view} view={view} />;
}

function QueueScreen({ view }: { view: QueueView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const openTab = useOpenTab();
  const services = useConsoleServices();
  const [stored, setStored] = useState(() => readStored(view));
  const { filters, sort } = stored;
  const queue = useQueue(view, filters, sort);
  const [form] = Form.useForm<FilterValues>();
  const selectedService = Form.useWatch('service', form);
  const [visible, chooseColumns] = useStoredColumns('sw.casework.queueColumns', ALL_COLUMNS, DEFAULT_COLUMNS);
  const [exporting, setExporting] = useState<'csv' | 'xlsx' | null>(null);
  const none = t('common.none');

  const update = (next: Stored) => {
    setStored(next);
    writeStored(view, next);
  };

  const serviceOptions = (services.data ?? []).map((s) => ({
    value: s.code,
    label: localized(s.name, locale),
  }));
  const statusOptions = useMemo(() => {
    const list = (services.data ?? []).filter((s) => !selectedService || s.code === selectedService);
    const seen = new Map<string, string>();
    for (const s of list) {
      for (const state of s.states) {
        if (!seen.has(state.code)) seen.set(state.code, localized(state.name, locale));
      }
    }
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [services.data, selectedService, locale]);

  const open = (item: QueueItem) => openTab(`application:${item.id}`, `/console/applications/${item.id}`);

  const sortOrderOf = (key: QueueSort['sort']) =>
    sort.sort === key ? (sort.order === 'asc' ? ('ascend' as const) : ('descend' as const)) : null;

  const all: Record<ColumnKey, TableColumnsType<QueueItem>[number] & { title: string }> = {
    number: {
      key: 'number',
      className: 'sw-cw-nowrap',
      title: t('casework.fields.number'),
      dataIndex: 'number',
      fixed: 'left',
      render: (_, item) => (
        <Button
          type="link"
          className="sw-cw-number"
          onClick={(event) => {
            event.stopPropagation();
            open(item);
          }}
        >
          {item.number ?? none}
        </Button>
      ),
    },
    service: {
      key: 'service',
      width: 160,
      title: t('casework.fields.service'),
      render: (_, item) => localized(item.serviceName, locale),
    },
    applicantName: {
      key: 'applicantName',
      width: 200,
      title: t('casework.fields.applicantName'),
      dataIndex: 'applicantName',
    },
    applicantCode: {
      key: 'applicantCode',
      className: 'sw-cw-nowrap',
      title: t('casework.fields.applicantCode'),
      dataIndex: 'applicantCode',
      render: (v: string | null) => v ?? none,
    },
    status: {
      key: 'status',
      className: 'sw-cw-nowrap',
      title: t('casework.fields.status'),
      render: (_, item) => <StatusBadge status={item.status} name={item.statusName} tone={item.statusTone} />,
    },
    submittedAt: {
      key: 'submittedAt',
      className: 'sw-cw-nowrap',
      title: t('casework.fields.submittedAt'),
      dataIndex: 'submittedAt',
      sorter: true,
      sortOrder: sortOrderOf('submittedAt'),
      sortDirections: ['descend', 'ascend', 'descend'],
      render: (v: string | null) => formatDateTime(v, none),
    },
    dueAt: {
      key: 'dueAt',
      className: 'sw-cw-nowrap',
      title: t('casework.fields.dueAt'),
      dataIndex: 'dueAt',
      sorter: true,
      sortOrder: sortOrderOf('dueAt'),
      sortDirections: ['ascend', 'descend', 'ascend'],
      render: (_, item) => <DueDate application={item} countdown />,
    },
    assignee: {
      key: 'assignee',
      className: 'sw-cw-nowrap',
      title: t('casework.fields.assignee'),
      render: (_, item) => item.assigneeName ?? <Tag>{t('casework.unassigned')}</Tag>,
    },
    updatedAt: {
      key: 'updatedAt',
      className: 'sw-cw-nowrap',
      title: t('casework.fields.updatedAt'),
      dataIndex: 'updatedAt',
      render: (v: string) => formatDateTime(v, none),
    },
    decidedAt: {
      key: 'decidedAt',
      className: 'sw-cw-nowrap',
      title: t('casework.fields.decidedAt'),
      dataIndex: 'decidedAt',
      render: (v: string | null) => formatDateTime(v, none),
    },
  };

  const onTableChange: TableProps<QueueItem>['onChange'] = (_pagination, _filters, sorter, extra) => {
    if (extra.action !== 'sort') return;
    const first = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = first?.columnKey;
    if ((key === 'submittedAt' || key === 'dueAt') && first?.order) {
      update({ filters, sort: { sort: key, order: first.order === 'ascend' ? 'asc' : 'desc' } });
    } else {
      update({ filters, sort: DEFAULT_SORT });
    }
  };

  const download = async (format: 'csv' | 'xlsx') => {
    setExporting(format);
    try {
      await exportQueue(view, filters, sort, format);
    } catch (error) {
      void message.error(describeError(error));
    } finally {
      setExporting(null);
    }
  };

  const rows = queue.data?.pages.flatMap((p) => p.items) ?? [];
  const viewTitle = t(`casework.views.${view}` as 'casework.views.mine');

  return (
    <div className="sw-workspace-page">
      <PageTitle>{viewTitle}</PageTitle>
      <p className="sw-lead">{t(`casework.viewHints.${view}` as 'casework.viewHints.mine')}</p>
      <Card>
        <Form<FilterValues>
          form={form}
          name={`queue-${view}`}
          layout="inline"
          className="sw-cw-filters"
          initialValues={toQueueFilterValues(filters)}
          onFinish={(values) => update({ filters: toQueueFilters(values), sort })}
          onValuesChange={(changed: FilterValues) => {
            if ('service' in changed) form.setFieldValue('status', undefined);
          }}
        >
          <Form.Item name="number" label={t('casework.fields.number')}>
            <Input
              allowClear
              maxLength={32}
              style={{ width: 200 }}
              placeholder={t('casework.filters.numberPlaceholder')}
            />
          </Form.Item>
          <Form.Item name="service" label={t('casework.fields.service')}>
            <Select
              allowClear
              style={{ minWidth: 180 }}
              loading={services.isPending}
              options={serviceOptions}
              placeholder={t('casework.filters.allServices')}
            />
          </Form.Item>
          <Form.Item name="status" label={t('casework.fields.status')}>
            <Select
              allowClear
              style={{ minWidth: 140 }}
              options={statusOptions}
              placeholder={t('casework.filters.allStatuses')}
            />
          </Form.Item>
          <Form.Item name="range" label={t('casework.filters.submitted')}>
            <DatePicker.RangePicker
              allowEmpty={[true, true]}
              placeholder={[t('casework.filters.from'), t('casework.filters.to')]}
            />
          </Form.Item>
          <Form.Item name="applicant" label={t('casework.filters.applicant')}>
            <Input
              allowClear
              maxLength={100}
              style={{ width: 240 }}
              placeholder={t('casework.filters.applicantPlaceholder')}
            />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit">
                {t('casework.search')}
              </Button>
              <Button
                onClick={() => {
                  form.setFieldsValue(toQueueFilterValues({}));
                  update({ filters: {}, sort: DEFAULT_SORT });
                }}
              >
                {t('casework.reset')}
              </Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
      <Card
        className="sw-block-top"
        title={<h2 className="sw-card-heading">{t('casework.queue.results')}</h2>}
        extra={
          <Space wrap>
            <Button
              icon={<ReloadOutlined />}
              onClick={() => void queue.refetch()}
              loading={queue.isRefetching && !queue.isFetchingNextPage}
            >
              {t('common.refresh')}
            </Button>
            <Button
              icon={<DownloadOutlined />}
              loading={exporting === 'csv'}
              onClick={() => void download('csv')}
            >
              {t('casework.queue.exportCsv')}
            </Button>
            <Button
              icon={<DownloadOutlined />}
              loading={exporting === 'xlsx'}
              onClick={() => void download('xlsx')}
            >
              {t('casework.queue.exportXlsx')}
            </Button>
            <ColumnChooser
              columns={ALL_COLUMNS.map((k) => ({ key: k, title: all[k].title }))}
              visible={visible}
              onChange={chooseColumns}
            />
          </Space>
        }
      >
        {queue.isError ? (
          <Alert type="error" showIcon title={describeError(queue.error)} />
        ) : (
          <>
            <Table<QueueItem>
              className="sw-cw-table"
              rowKey="id"
              size="middle"
              loading={queue.isPending}
              columns={visible.map((k) => all[k])}
              dataSource={rows}
              pagination={false}
              onChange={onTableChange}
              rowClassName={(item) => (item.overdue ? 'sw-cw-row sw-cw-row--overdue' : 'sw-cw-row')}
              onRow={(item) => ({ onClick: () => open(item) })}
              locale={{ emptyText: <TableEmpty text={t('casework.queue.empty')} /> }}
              scroll={{ x: 'max-content' }}
            />
            <LoadMore
              hasMore={queue.hasNextPage}
              loading={queue.isFetchingNextPage}
              onLoad={() => void queue.fetchNextPage()}
              count={rows.length}
            />
          </>
        )}
      </Card>
    </div>
  );
}
