import { ReloadOutlined } from '@ant-design/icons';
import type { Dashboard, Locale } from '@sw/contracts';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Row,
  Select,
  Skeleton,
  Space,
  Statistic,
  Table,
  type TableColumnsType,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../../components/page-title';
import { TableEmpty } from '../../../components/table-empty';
import { useLocale } from '../../../hooks/use-locale';
import { describeError } from '../../../lib/api-client';
import { type DashboardFilters, useDashboard } from '../api/dashboard';
import { localized, useConsoleServices } from '../api/services';
import { EChart, type EChartOption } from './echart';
import '../casework-console.css';

type FilterValues = { range?: [Dayjs | null, Dayjs | null] | null; service?: string };
type SlaRow = Dashboard['sla'][number];

const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

function useCharts(data: Dashboard | undefined, serviceNames: Map<string, string>, stateOrder: string[]) {
  const { t } = useTranslation();
  return useMemo(() => {
    if (!data) return null;
    // counts per status: statuses on the axis (in the workflows' order), one stacked bar per service
    const statuses: { code: string; name: Dashboard['byStatus'][number]['statusName'] }[] = [];
    for (const row of data.byStatus) {
      if (!statuses.some((s) => s.code === row.status))
        statuses.push({ code: row.status, name: row.statusName });
    }
    const rank = (code: string) => {
      const i = stateOrder.indexOf(code);
      return i < 0 ? stateOrder.length : i;
    };
    statuses.sort((a, b) => rank(a.code) - rank(b.code));
    const services = [...new Set(data.byStatus.map((r) => r.serviceCode))];
    return {
      statuses,
      services,
      byStatus: (locale: Locale): EChartOption => ({
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { show: services.length > 1, top: 0 },
        grid: { left: 8, right: 16, top: services.length > 1 ? 36 : 16, bottom: 8 },
        xAxis: {
          type: 'category',
          data: statuses.map((s) => localized(s.name, locale) || s.code),
          axisLabel: { interval: 0, hideOverlap: true },
        },
        yAxis: { type: 'value', minInterval: 1 },
        series: services.map((code) => ({
          type: 'bar',
          name: serviceNames.get(code) ?? code,
          stack: 'status',
          barMaxWidth: 48,
          data: statuses.map(
            (s) => data.byStatus.find((r) => r.serviceCode === code && r.status === s.code)?.count ?? 0,
          ),
        })),
      }),
      perDay: (): EChartOption => ({
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 8, right: 16, top: 36, bottom: 8 },
        xAxis: { type: 'category', boundaryGap: false, data: data.perDay.map((d) => d.day.slice(5)) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          {
            type: 'line',
            name: t('casework.dashboard.submitted'),
            areaStyle: { opacity: 0.12 },
            data: data.perDay.map((d) => d.submitted),
          },
          {
            type: 'line',
            name: t('casework.dashboard.decided'),
            data: data.perDay.map((d) => d.decided),
          },
        ],
      }),
      sla: (locale: Locale): EChartOption => ({
        tooltip: {
          trigger: 'axis',
          axisPointer: { type: 'shadow' },
          valueFormatter: (v) => (v == null ? '—' : `${v}%`),
        },
        grid: { left: 8, right: 48, top: 16, bottom: 8 },
        xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
        yAxis: {
          type: 'category',
          inverse: true,
          data: data.sla.map((s) => localized(s.serviceName, locale) || s.serviceCode),
        },
        series: [
          {
            type: 'bar',
            name: t('casework.dashboard.onTimeRate'),
            barMaxWidth: 28,
            label: {
              show: true,
              position: 'right',
              formatter: (p) => (p.value == null ? '—' : `${p.value}%`),
            },
            data: data.sla.map((s) => ({
              value: percent(s.rate) ?? 0,
              itemStyle: {
                color:
                  s.rate === null
                    ? '#bfbfbf'
                    : s.rate >= 0.9
                      ? '#1558a8'
                      : s.rate >= 0.7
                        ? '#e07b39'
                        : '#c2414b',
              },
            })),
          },
        ],
      }),
    };
  }, [data, serviceNames, stateOrder, t]);
}

/** `/console/dashboard` — 业务统计: what is open, late and unclaimed; applications per status and day; SLA per service. */
export function DashboardPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [form] = Form.useForm<FilterValues>();
  const [filters, setFilters] = useState<DashboardFilters>({});
  const query = useDashboard(filters);
  const services = useConsoleServices();
  const data = query.data;

  const serviceNames = useMemo(() => {
    const names = new Map<string, string>();
    for (const s of data?.sla ?? []) names.set(s.serviceCode, localized(s.serviceName, locale));
    for (const s of services.data ?? []) names.set(s.code, localized(s.name, locale));
    return names;
  }, [data, services.data, locale]);
  const stateOrder = useMemo(
    () => (services.data ?? []).flatMap((s) => s.states.map((x) => x.code)),
    [services.data],
  );
  const charts = useCharts(data, serviceNames, stateOrder);
  const byStatus = useMemo(() => charts?.byStatus(locale), [charts, locale]);
  const perDay = useMemo(() => charts?.perDay(), [charts]);
  const sla = useMemo(() => charts?.sla(locale), [charts, locale]);

  const apply = (values: FilterValues) => {
    const [from, to] = values.range ?? [];
    setFilters({
      ...(from ? { from: from.format('YYYY-MM-DD') } : {}),
      ...(to ? { to: to.format('YYYY-MM-DD') } : {}),
      ...(values.service ? { service: values.service } : {}),
    });
  };

  const totals = (data?.sla ?? []).reduce(
    (acc, s) => ({ decided: acc.decided + s.decided, onTime: acc.onTime + s.onTime }),
    {
      decided: 0,
      onTime: 0,
    },
  );
  const overallRate = totals.decided > 0 ? percent(totals.onTime / totals.decided) : null;

  const slaColumns: TableColumnsType<SlaRow> = [
    {
      key: 'service',
      title: t('casework.fields.service'),
      render: (_, s) => localized(s.serviceName, locale) || s.serviceCode,
    },
    { key: 'decided', title: t('casework.dashboard.decided'), dataIndex: 'decided', align: 'right' },
    { key: 'onTime', title: t('casework.dashboard.onTime'), dataIndex: 'onTime', align: 'right' },
    {
      key: 'rate',
      title: t('casework.dashboard.onTimeRate'),
      align: 'right',
      render: (_, s) => (s.rate === null ? t('common.none') : `${percent(s.rate)}%`),
    },
    {
      key: 'openOverdue',
      title: t('casework.dashboard.openOverdue'),
      dataIndex: 'openOverdue',
      align: 'right',
      render: (v: number) => (v > 0 ? <span className="sw-cw-danger">{v}</span> : v),
    },
  ];

  const statusSummary = charts
    ? charts.statuses
        .map((s) => {
          const count = (data?.byStatus ?? [])
            .filter((r) => r.status === s.code)
            .reduce((n, r) => n + r.count, 0);
          return `${localized(s.name, locale) || s.code} ${count}`;
        })
        .join('，')
    : '';
  const daySummary = data
    ? t('casework.dashboard.perDaySummary', {
        submitted: data.perDay.reduce((n, d) => n + d.submitted, 0),
        decided: data.perDay.reduce((n, d) => n + d.decided, 0),
      })
    : '';

  return (
    <div className="sw-workspace-page">
      <PageTitle
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => void query.refetch()} loading={query.isFetching}>
            {t('common.refresh')}
          </Button>
        }
      >
        {t('casework.dashboard.title')}
      </PageTitle>
      <Card>
        <Form<FilterValues>
          form={form}
          name="dashboard"
          layout="inline"
          className="sw-cw-filters"
          onFinish={apply}
        >
          <Form.Item name="range" label={t('casework.dashboard.range')}>
            <DatePicker.RangePicker
              allowEmpty={[true, true]}
              placeholder={[
                data ? data.from : t('casework.filters.from'),
                data ? data.to : t('casework.filters.to'),
              ]}
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
              presets={[
                { label: t('casework.dashboard.last7'), value: [dayjs().subtract(6, 'day'), dayjs()] },
                { label: t('casework.dashboard.last30'), value: [dayjs().subtract(29, 'day'), dayjs()] },
                { label: t('casework.dashboard.thisMonth'), value: [dayjs().startOf('month'), dayjs()] },
                { label: t('casework.dashboard.thisYear'), value: [dayjs().startOf('year'), dayjs()] },
              ]}
            />
          </Form.Item>
          <Form.Item name="service" label={t('casework.fields.service')}>
            <Select
              allowClear
              style={{ minWidth: 180 }}
              placeholder={t('casework.filters.allServices')}
              options={(services.data ?? []).map((s) => ({
                value: s.code,
                label: localized(s.name, locale),
              }))}
            />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit">
                {t('casework.search')}
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  setFilters({});
                }}
              >
                {t('casework.reset')}
              </Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
      {query.isError ? (
        <Alert className="sw-block-top" type="error" showIcon title={describeError(query.error)} />
      ) : !data ? (
        <Skeleton className="sw-block-top" active />
      ) : (
        <>
          <p className="sw-lead sw-block-top" style={{ margin: '16px 0 0' }}>
            {t('casework.dashboard.period', { from: data.from, to: data.to })}
          </p>
          <Row gutter={[16, 16]} className="sw-block-top">
            <Col xs={12} lg={6}>
              <Card>
                <Statistic title={t('casework.dashboard.open')} value={data.open} />
              </Card>
            </Col>
            <Col xs={12} lg={6}>
              <Card>
                <Statistic
                  className={data.overdue > 0 ? 'sw-cw-stat--danger' : undefined}
                  title={t('casework.dashboard.overdue')}
                  value={data.overdue}
                />
              </Card>
            </Col>
            <Col xs={12} lg={6}>
              <Card>
                <Statistic title={t('casework.dashboard.unassigned')} value={data.unassigned} />
              </Card>
            </Col>
            <Col xs={12} lg={6}>
              <Card>
                <Statistic
                  title={t('casework.dashboard.onTimeRate')}
                  value={overallRate ?? t('common.none')}
                  suffix={overallRate === null ? undefined : '%'}
                />
              </Card>
            </Col>
          </Row>
          <Row gutter={[16, 16]} className="sw-block-top">
            <Col xs={24} xl={12}>
              <Card title={<h2 className="sw-card-heading">{t('casework.dashboard.byStatus')}</h2>}>
                {byStatus && data.byStatus.length > 0 ? (
                  <EChart option={byStatus} label={`${t('casework.dashboard.byStatus')}：${statusSummary}`} />
                ) : (
                  <TableEmpty text={t('casework.dashboard.noData')} />
                )}
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card title={<h2 className="sw-card-heading">{t('casework.dashboard.sla')}</h2>}>
                {sla && data.sla.length > 0 ? (
                  <EChart
                    option={sla}
                    height={Math.max(140, 48 * data.sla.length + 40)}
                    label={t('casework.dashboard.slaLabel')}
                  />
                ) : null}
                <Table<SlaRow>
                  className="sw-block-top"
                  rowKey="serviceCode"
                  size="small"
                  pagination={false}
                  columns={slaColumns}
                  dataSource={data.sla}
                  locale={{ emptyText: <TableEmpty text={t('casework.dashboard.noData')} /> }}
                />
              </Card>
            </Col>
          </Row>
          <Card
            className="sw-block-top"
            title={<h2 className="sw-card-heading">{t('casework.dashboard.perDay')}</h2>}
          >
            {perDay && data.perDay.length > 0 ? (
              <EChart option={perDay} label={`${t('casework.dashboard.perDay')}：${daySummary}`} />
            ) : (
              <TableEmpty text={t('casework.dashboard.noData')} />
            )}
          </Card>
        </>
      )}
    </div>
  );
}
