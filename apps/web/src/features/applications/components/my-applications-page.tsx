import type { ApplicationSummary } from '@sw/contracts';
import { Alert, Button, Card, Form, Input, Radio, Select, Space, Table, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { DueDate } from '../../../components/casework/due-date';
import { PageTitle } from '../../../components/page-title';
import { TableEmpty } from '../../../components/table-empty';
import { useLocale } from '../../../hooks/use-locale';
import { describeError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { type ApplicationFilters, useMyApplications, useServiceOptions } from '../api/applications';
import { localized } from '../utils/localized';
import { ApplicationStatusTag } from './application-status-tag';

/** 全部 / 办理中 / 草稿 / 已办结, as `status` of MyApplicationsQuery. */
const STATUS_FILTERS = ['all', 'open', 'draft', 'final'] as const;
type StatusFilter = (typeof STATUS_FILTERS)[number];

type FilterValues = { service?: string; status: StatusFilter; q?: string };

function toFilters(values: FilterValues): ApplicationFilters {
  const q = values.q?.trim();
  return {
    ...(values.service ? { service: values.service } : {}),
    ...(values.status !== 'all' ? { status: values.status } : {}),
    ...(q ? { q } : {}),
  };
}

/**
 * `/account/applications` — 我的申请 (issue 4): every application of the signed-in account (for an
 * organization's administrator, the organization's), newest first, with filters and 「加载更多」.
 */
export function MyApplicationsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const location = useLocation();
  const [form] = Form.useForm<FilterValues>();
  const [filters, setFilters] = useState<ApplicationFilters>({});
  const list = useMyApplications(filters);
  const services = useServiceOptions();
  const none = t('common.none');
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];

  // The services one can apply for, plus any seen in the list (e.g. 企业注册, applied for before signing in).
  const serviceOptions = useMemo(() => {
    const names = new Map<string, string>();
    for (const s of services.data ?? []) names.set(s.code, localized(s.name, locale));
    for (const page of list.data?.pages ?? [])
      for (const a of page.items)
        if (!names.has(a.serviceCode)) names.set(a.serviceCode, localized(a.serviceName, locale));
    return [...names].map(([value, label]) => ({ value, label }));
  }, [services.data, list.data, locale]);

  const apply = () => setFilters(toFilters(form.getFieldsValue(true) as FilterValues));

  const columns: TableColumnsType<ApplicationSummary> = [
    {
      key: 'number',
      title: t('applications.number'),
      dataIndex: 'number',
      render: (number: string | null, a) => (
        <Link to={`/account/applications/${a.id}`} state={location.state}>
          {number ?? t('applications.draftNumber')}
        </Link>
      ),
    },
    {
      key: 'service',
      title: t('applications.service'),
      render: (_, a) => localized(a.serviceName, locale),
    },
    {
      key: 'status',
      title: t('applications.status'),
      render: (_, a) => <ApplicationStatusTag application={a} />,
    },
    {
      key: 'submittedAt',
      title: t('applications.submittedAt'),
      dataIndex: 'submittedAt',
      render: (v: string | null) => formatDateTime(v, none),
    },
    {
      key: 'dueAt',
      title: t('applications.dueAt'),
      render: (_, a) => (a.final ? none : <DueDate application={a} />),
    },
    {
      key: 'actions',
      title: t('applications.actions'),
      render: (_, a) => (
        <Link
          to={`/account/applications/${a.id}`}
          state={location.state}
          aria-label={t('applications.viewLabel', { number: a.number ?? t('applications.draftNumber') })}
        >
          {t('applications.view')}
        </Link>
      ),
    },
  ];

  return (
    <div className="sw-workspace-page">
      <PageTitle>{t('applications.title')}</PageTitle>
      <Card>
        <Form<FilterValues>
          form={form}
          name="applicationFilter"
          layout="inline"
          className="sw-filter-form"
          initialValues={{ status: 'all' }}
          onFinish={apply}
        >
          <Form.Item name="status" label={t('applications.status')}>
            <Radio.Group
              optionType="button"
              onChange={apply}
              options={STATUS_FILTERS.map((value) => ({ value, label: t(`applications.filters.${value}`) }))}
            />
          </Form.Item>
          <Form.Item name="service" label={t('applications.service')}>
            <Select
              allowClear
              style={{ minWidth: 180 }}
              placeholder={t('applications.allServices')}
              options={serviceOptions}
              onChange={apply}
            />
          </Form.Item>
          <Form.Item name="q" label={t('applications.number')}>
            <Input allowClear maxLength={40} placeholder={t('applications.numberPlaceholder')} />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit">
                {t('applications.search')}
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  setFilters({});
                }}
              >
                {t('applications.reset')}
              </Button>
            </Space>
          </Form.Item>
        </Form>
        <div className="sw-block-top">
          {list.isError ? (
            <Alert type="error" showIcon title={describeError(list.error)} />
          ) : (
            <>
              <Table<ApplicationSummary>
                rowKey="id"
                size="middle"
                loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
                columns={columns}
                dataSource={rows}
                pagination={false}
                locale={{ emptyText: <TableEmpty text={t('applications.empty')} /> }}
                scroll={{ x: 860 }}
              />
              <div className="sw-block-top sw-center-text">
                {list.hasNextPage ? (
                  <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
                    {t('applications.loadMore')}
                  </Button>
                ) : rows.length > 0 ? (
                  <span className="sw-muted">{t('applications.shown', { count: rows.length })}</span>
                ) : null}
              </div>
            </>
          )}
        </div>
      </Card>
    </div>
  );
}
