import type { ConsoleApplicationDetail } from '@sw/contracts';
import { Alert, Card, Space, Table, type TableColumnsType, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  ACCOUNT_TYPE_NAMES,
  type AccountRecoveryReview,
} from '../../../../../server/src/modules/services/account-recovery/contract.ts';
import { useLocale } from '../../../hooks/use-locale';
import { describeError } from '../../../lib/api-client';
import { useCandidates } from '../api';
import { useMessages } from '../messages';

type Check = AccountRecoveryReview['candidates'][number]['checks'][number];

/**
 * The reviewer's side-by-side (issue 11 §4): for every account the claim may be about, the claim
 * and the account's record fact by fact (masked), differences marked; the scans are in 附件 beside
 * it. Approval is refused by the server unless one account agrees in full.
 */
export function ReviewSection({ application }: { application: ConsoleApplicationDetail }) {
  const m = useMessages();
  const { t } = useTranslation();
  const locale = useLocale();
  const review = useCandidates(application.id);
  const view = review.data;

  const shown = (check: Check, value: string | null) => {
    if (value === null || value === '') return <span className="sw-muted">{m('review.missing')}</span>;
    if (check.field !== 'accountType') return value;
    const kind = value as keyof typeof ACCOUNT_TYPE_NAMES;
    return ACCOUNT_TYPE_NAMES[kind]?.[locale] ?? t(`accountKinds.${value}` as 'accountKinds.individual');
  };

  const columns: TableColumnsType<Check> = [
    { key: 'field', title: m('review.field'), render: (_, c) => m(`review.fields.${c.field}`) },
    { key: 'claimed', title: m('review.claimed'), render: (_, c) => shown(c, c.claimed) },
    { key: 'onRecord', title: m('review.onRecord'), render: (_, c) => shown(c, c.onRecord) },
    {
      key: 'result',
      title: m('review.result'),
      width: 88,
      className: 'sw-ar-result',
      render: (_, c) =>
        c.same ? (
          <span className="sw-ar-same">{m('review.same')}</span>
        ) : (
          <strong className="sw-ar-different">{m('review.different')}</strong>
        ),
    },
  ];

  return (
    <Card
      className="sw-block-top"
      data-testid="recovery-review"
      title={<h2 className="sw-card-heading">{m('review.title')}</h2>}
    >
      <Space orientation="vertical" size="middle" className="sw-stack">
        <p className="sw-muted" style={{ margin: 0 }}>
          {m('review.hint')}
        </p>
        {review.isError ? <Alert type="error" showIcon title={describeError(review.error)} /> : null}
        {view?.passwordChosen ? <Alert type="info" showIcon title={m('review.passwordChosen')} /> : null}
        {view && view.candidates.length === 0 ? (
          <Alert type="warning" showIcon title={m('review.none')} />
        ) : null}
        {view?.candidates.map((candidate) => (
          <section
            key={candidate.accountId}
            aria-label={m('review.account', { username: candidate.username })}
          >
            <Space wrap className="sw-block">
              <strong>{m('review.account', { username: candidate.username })}</strong>
              <Tag>{t(`accountStatuses.${candidate.status}` as 'accountStatuses.active')}</Tag>
              <strong
                className={candidate.allSame ? 'sw-ar-same' : 'sw-ar-different'}
                data-testid="recovery-verdict"
              >
                {candidate.allSame ? m('review.allSame') : m('review.notSame')}
              </strong>
            </Space>
            <Table
              className="sw-ar-table"
              size="small"
              rowKey="field"
              pagination={false}
              columns={columns}
              dataSource={candidate.checks}
              rowClassName={(c) => (c.same ? '' : 'sw-row-different')}
            />
          </section>
        ))}
      </Space>
    </Card>
  );
}
