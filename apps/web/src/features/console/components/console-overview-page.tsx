import { ReloadOutlined } from '@ant-design/icons';
import { ACCOUNT_KINDS } from '@sw/contracts';
import { Alert, Button, Card, Col, Row, Skeleton, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../../components/page-title';
import { describeError } from '../../../lib/api-client';
import { useOverview } from '../api/get-overview';

/** `/console/overview` — 工作台: accounts, today's sign-ins, database and mode. */
export function ConsoleOverviewPage() {
  const { t } = useTranslation();
  const { data, isPending, isError, error, refetch, isFetching } = useOverview();

  const refresh = (
    <Button icon={<ReloadOutlined />} onClick={() => void refetch()} loading={isFetching}>
      {t('common.refresh')}
    </Button>
  );

  if (isPending) {
    return (
      <div className="sw-workspace-page">
        <PageTitle>{t('console.overviewTitle')}</PageTitle>
        <Skeleton active />
      </div>
    );
  }
  if (isError) {
    return (
      <div className="sw-workspace-page">
        <PageTitle extra={refresh}>{t('console.overviewTitle')}</PageTitle>
        <Alert type="error" showIcon title={describeError(error)} />
      </div>
    );
  }

  const cards = [
    { key: 'total', title: t('console.accountsTotal'), value: data.accounts.total },
    { key: 'signIns', title: t('console.signInsToday'), value: data.signIns.today },
    { key: 'failed', title: t('console.failedToday'), value: data.signIns.failedToday },
    { key: 'database', title: t('console.database'), value: t(`console.databases.${data.database}`) },
    { key: 'mode', title: t('console.mode'), value: t(`console.modes.${data.mode}`) },
  ];

  return (
    <div className="sw-workspace-page">
      <PageTitle extra={refresh}>{t('console.overviewTitle')}</PageTitle>
      <Row gutter={[16, 16]}>
        {cards.map((card) => (
          <Col key={card.key} flex="1 1 200px">
            <Card>
              <Statistic title={card.title} value={card.value} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card
        className="sw-block-top"
        title={<h2 className="sw-card-heading">{t('console.accountsByKind')}</h2>}
      >
        <Row gutter={[16, 16]}>
          {ACCOUNT_KINDS.map((kind) => (
            <Col key={kind} xs={12} sm={8} lg={6} xl={3}>
              <Statistic title={t(`accountKinds.${kind}`)} value={data.accounts.byKind[kind] ?? 0} />
            </Col>
          ))}
        </Row>
      </Card>
    </div>
  );
}
