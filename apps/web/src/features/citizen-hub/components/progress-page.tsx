import type { ApplicationPage, HubAgencyCase } from '@sw/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Empty, Skeleton, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../../hooks/use-locale';
import { useSession } from '../../../hooks/use-session';
import { apiClient, describeError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { SignInFirst } from './sign-in-first';
import { StepUpGate } from './step-up-gate';

type Row = {
  key: string;
  source: 'platform' | 'id_card' | 'household';
  title: string;
  reference: string;
  status: string;
  finished: boolean;
  at: string;
  link?: string;
  office?: string;
};

/** One list: the person's applications here and public security's 身份证办理 / 户政审批 cases. */
function ProgressList() {
  const { t } = useTranslation();
  const locale = useLocale();
  const mine = useQuery({
    queryKey: ['hub', 'progress', 'applications'],
    queryFn: () => apiClient.get<ApplicationPage>('/api/applications', { query: { limit: 50 } }),
  });
  const agencies = useQuery({
    queryKey: ['hub', 'progress', 'agencies'],
    queryFn: () => apiClient.get<HubAgencyCase[]>('/api/hub/progress'),
    retry: false,
  });
  if (mine.isPending || agencies.isPending) return <Skeleton active />;
  const rows: Row[] = [
    ...(mine.data?.items ?? [])
      .filter((a) => a.number)
      .map((a) => ({
        key: a.id,
        source: 'platform' as const,
        title: a.serviceName[locale],
        reference: a.number ?? '',
        status: a.statusName[locale],
        finished: a.final,
        at: a.updatedAt,
        link: `/account/applications/${a.id}`,
      })),
    ...(agencies.data ?? []).map((c) => ({
      key: c.reference,
      source: c.source,
      title: c.business,
      reference: c.reference,
      status: c.status,
      finished: c.finished,
      at: c.steps.at(-1)?.at ?? '',
      office: c.office,
    })),
  ].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <>
      {mine.isError ? <Alert type="error" showIcon title={describeError(mine.error)} /> : null}
      {agencies.isError ? (
        <Alert
          type="warning"
          showIcon
          title={t('hub.progress.agencyFailed', { reason: describeError(agencies.error) })}
        />
      ) : null}
      {rows.length === 0 ? (
        <Empty description={t('hub.progress.none')} />
      ) : (
        <ul className="sw-hub-list">
          {rows.map((row) => {
            const content = (
              <span className="sw-hub-list__text">
                <strong>{row.title}</strong>
                <span>
                  {t(`hub.progress.sources.${row.source}`)} · {row.reference}
                </span>
                {row.office ? <span>{row.office}</span> : null}
                <span>
                  <Tag color={row.finished ? 'default' : 'blue'} className="sw-hub-progress__tag">
                    {row.status}
                  </Tag>
                  {formatDateTime(row.at)}
                </span>
              </span>
            );
            return (
              <li key={row.key}>
                {row.link ? (
                  <Link to={row.link} className="sw-hub-list__item">
                    {content}
                  </Link>
                ) : (
                  <div className="sw-hub-list__item">{content}</div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

/** 办理进度查询 (seed 003): behind a recent face check, like all personal data. */
export function ProgressPage() {
  const { t } = useTranslation();
  const { data: session, isPending } = useSession();
  if (isPending) return <Skeleton active />;
  if (!session) return <SignInFirst title={t('hub.progress.title')} />;
  return (
    <StepUpGate>
      <section className="sw-hub-section" aria-labelledby="hub-progress-title">
        <h1 id="hub-progress-title">{t('hub.progress.title')}</h1>
        <p className="sw-hub-hint">{t('hub.progress.intro')}</p>
        <ProgressList />
      </section>
    </StepUpGate>
  );
}
