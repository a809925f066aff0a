import type { ApplicationDetail } from '@sw/contracts';
import { Descriptions, Result, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DueDate } from '../../components/casework/due-date';
import { LinkButton } from '../../components/link-button';
import { formatDateTime } from '../../lib/format';

/**
 * The apply kit's receipt (回执): what was submitted, its number, when, and the day it is due —
 * with the way to follow it (「我的申请」) and whatever the service adds (e.g. back to its list).
 */
export function SubmitReceipt({
  application,
  title,
  extra,
}: {
  application: ApplicationDetail;
  title: string;
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Result
      status="success"
      title={<h1 className="sw-result-title">{title}</h1>}
      subTitle={
        <Descriptions
          column={1}
          size="small"
          items={[
            {
              key: 'number',
              label: t('applications.number'),
              children: <strong>{application.number}</strong>,
            },
            {
              key: 'submittedAt',
              label: t('applications.submittedAt'),
              children: formatDateTime(application.submittedAt),
            },
            {
              key: 'dueAt',
              label: t('applications.dueAt'),
              children: <DueDate application={application} countdown />,
            },
          ]}
        />
      }
      extra={
        <Space wrap>
          <LinkButton type="primary" to={`/account/applications/${application.id}`}>
            {t('applications.detailTitle')}
          </LinkButton>
          {extra}
        </Space>
      }
    />
  );
}
