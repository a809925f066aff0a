import { ReloadOutlined } from '@ant-design/icons';
import type { ConsoleApplicationDetail } from '@sw/contracts';
import { Alert, App, Button, Card, Space, Table, type TableColumnsType, Tag } from 'antd';
import type { ComparisonRow } from '../../../../../server/src/modules/services/cert-review/contract.ts';
import { useLocale } from '../../../hooks/use-locale';
import { describeError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { useCheck, useRecheck } from '../api';
import { useMessages } from '../messages';
import { SimulatorNote } from './simulator-note';

const OUTCOME_COLORS = { match: 'green', mismatch: 'red', not_found: 'orange' } as const;

/**
 * The customs reviewer's side-by-side view (issue 10 §6): the enterprise's certificate and the
 * issuing authority's, field by field, differences highlighted, with the suggestion (一致 / 不一致 /
 * 未找到), a later change at the authority, and 重新核查. The officer decides in the panel beside it.
 */
export function ComparisonSection({ application }: { application: ConsoleApplicationDetail }) {
  const m = useMessages();
  const locale = useLocale();
  const { message } = App.useApp();
  const check = useCheck(application.id);
  const recheck = useRecheck(application.id);
  const view = check.data;

  const columns: TableColumnsType<ComparisonRow> = [
    { key: 'field', title: m('check.field'), render: (_, row) => row.label[locale] },
    { key: 'declared', title: m('check.declared'), render: (_, row) => row.declared || m('check.missing') },
    {
      key: 'authority',
      title: m('check.authority'),
      render: (_, row) => (row.authority === null ? m('check.missing') : row.authority || m('check.missing')),
    },
    {
      key: 'result',
      title: m('check.result'),
      render: (_, row) =>
        row.same ? (
          <span className="sw-cr-same">{m('check.same')}</span>
        ) : (
          <strong className="sw-cr-different">{m('check.different')}</strong>
        ),
    },
  ];

  return (
    <Card
      className="sw-block"
      data-testid="cert-check"
      title={<h2 className="sw-card-heading">{m('check.title')}</h2>}
      extra={
        <Button
          icon={<ReloadOutlined aria-hidden="true" />}
          loading={recheck.isPending}
          onClick={() =>
            recheck.mutate(undefined, {
              onSuccess: () => void message.success(m('check.rechecked')),
              onError: (error) => void message.error(describeError(error)),
            })
          }
        >
          {m('check.recheck')}
        </Button>
      }
    >
      <SimulatorNote />
      {check.isError ? <Alert type="error" showIcon title={describeError(check.error)} /> : null}
      {view ? (
        <Space orientation="vertical" size="middle" className="sw-stack">
          <Space wrap>
            <Tag>{m(`check.status.${view.status}`)}</Tag>
            {view.outcome ? (
              <Tag color={OUTCOME_COLORS[view.outcome]} data-testid="cert-outcome">
                {m(`check.outcome.${view.outcome}`)}
              </Tag>
            ) : null}
            {view.checkedAt ? (
              <span className="sw-muted">
                {m('check.checkedAt', { time: formatDateTime(view.checkedAt) })}
              </span>
            ) : null}
          </Space>
          {view.outcome ? (
            <Alert
              type={view.outcome === 'match' ? 'success' : 'warning'}
              showIcon
              title={m(`check.suggestion.${view.outcome}`)}
            />
          ) : (
            <Alert
              type="info"
              showIcon
              title={
                view.status === 'unavailable'
                  ? m('check.unavailable', { count: view.attempts })
                  : m('check.pending')
              }
            />
          )}
          {view.changes.length > 0 && view.changedAt ? (
            <Alert
              type="warning"
              showIcon
              title={m('check.changedTitle', { time: formatDateTime(view.changedAt) })}
              description={
                <ul className="sw-cr-changes">
                  {view.changes.map((change) => (
                    <li key={change.path}>
                      {change.label[locale]}：{m('check.before')} {change.before || m('check.missing')} →{' '}
                      {m('check.after')} {change.after || m('check.missing')}
                    </li>
                  ))}
                </ul>
              }
            />
          ) : null}
          <Table<ComparisonRow>
            rowKey="path"
            size="small"
            columns={columns}
            dataSource={view.rows}
            pagination={false}
            scroll={{ x: 640 }}
            rowClassName={(row) => (row.same ? '' : 'sw-cr-row-different')}
          />
        </Space>
      ) : null}
    </Card>
  );
}
