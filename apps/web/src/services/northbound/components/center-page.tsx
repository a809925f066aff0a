import type { InboxPage } from '@sw/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, List, Steps, Tag } from 'antd';
import { Link, Navigate } from 'react-router';
import {
  NB_STAGES,
  STAGE_NAMES,
  type VehicleView,
} from '../../../../../server/src/modules/services/northbound/contract.ts';
import { PageLoading } from '../../../components/page-loading';
import { PageTitle } from '../../../components/page-title';
import { TableEmpty } from '../../../components/table-empty';
import { useLocale } from '../../../hooks/use-locale';
import { useSession } from '../../../hooks/use-session';
import { apiClient, describeError } from '../../../lib/api-client';
import { useCenter } from '../api';
import { useMessages } from '../messages';
import { StayFigures } from './stay-figures';

const TONE_COLOURS = {
  default: 'default',
  processing: 'processing',
  success: 'success',
  warning: 'warning',
  error: 'error',
} as const;

/** The progress bar over the real stages (000 §4.1): HK TD 提交 → 初审 → 粤港审批 → 验车/保险 → 发牌 → 可通行. */
function Progress({ vehicle }: { vehicle: VehicleView }) {
  const locale = useLocale();
  const t = useMessages();
  const current = NB_STAGES.indexOf(vehicle.stage);
  const failed =
    vehicle.status === 'rejected' || vehicle.status === 'revoked' || vehicle.status === 'suspended';
  const done = vehicle.status === 'active';
  return (
    <Steps
      className="nb-progress"
      size="small"
      current={current}
      status={failed ? 'error' : done ? 'finish' : 'process'}
      items={NB_STAGES.map((stage) => ({
        title: STAGE_NAMES[stage][locale],
        ...(stage === 'inspection' && vehicle.canFillInsurance
          ? {
              description: (
                <Link
                  className="nb-cta nb-cta--primary nb-cta--small"
                  to={`/apps/northbound/insurance?record=${vehicle.recordId}`}
                >
                  {t('center.fillInsurance')}
                </Link>
              ),
            }
          : {}),
      }))}
    />
  );
}

function VehicleCard({ vehicle }: { vehicle: VehicleView }) {
  const t = useMessages();
  const locale = useLocale();
  return (
    <Card
      className="sw-block"
      title={
        <h2 className="sw-card-heading">
          {vehicle.hkPlate} · {vehicle.vehicle}
        </h2>
      }
      extra={<Tag color={TONE_COLOURS[vehicle.statusTone]}>{vehicle.statusName[locale]}</Tag>}
    >
      <h3 className="nb-subheading">{t('center.progress')}</h3>
      <Progress vehicle={vehicle} />
      {vehicle.reason ? (
        <Alert
          className="nb-gap-top"
          type="error"
          showIcon
          message={t('center.reason', { reason: vehicle.reason })}
        />
      ) : null}
      {vehicle.insurance ? (
        <Alert
          className="nb-gap-top"
          type="success"
          showIcon
          message={t('center.insuranceSubmitted', {
            policyNo: vehicle.insurance.policyNo,
            endDate: vehicle.insurance.endDate,
          })}
        />
      ) : null}
      <Descriptions className="nb-gap-top" size="small" column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label={t('center.number')}>{vehicle.number}</Descriptions.Item>
        <Descriptions.Item label={t('center.hktdRef')}>{vehicle.hktdRef}</Descriptions.Item>
        <Descriptions.Item label={t('center.permitted')}>
          {vehicle.permittedFrom} – {vehicle.permittedUntil}
        </Descriptions.Item>
        {vehicle.tempPlate ? (
          <>
            <Descriptions.Item label={t('center.tempPlate')}>
              <strong className="nb-plate">{vehicle.tempPlate}</strong>
            </Descriptions.Item>
            <Descriptions.Item label={t('center.permit')}>
              {vehicle.permitValidFrom} – {vehicle.permitValidTo}
            </Descriptions.Item>
            <Descriptions.Item label={t('center.tag')}>{vehicle.tagNo}</Descriptions.Item>
          </>
        ) : null}
      </Descriptions>
      {vehicle.stay ? <StayFigures stay={vehicle.stay} /> : null}
    </Card>
  );
}

function RecentMessages() {
  const t = useMessages();
  const inbox = useQuery({
    queryKey: ['inbox', 'northbound-center'],
    queryFn: () => apiClient.get<InboxPage>('/api/inbox?limit=5'),
  });
  return (
    <Card
      className="sw-block"
      title={<h2 className="sw-card-heading">{t('center.messages')}</h2>}
      extra={<Link to="/apps/northbound/messages">{t('center.more')}</Link>}
    >
      <List
        loading={inbox.isPending}
        dataSource={inbox.data?.items ?? []}
        locale={{ emptyText: <TableEmpty text={t('center.noMessages')} /> }}
        renderItem={(m) => (
          <List.Item>
            <Link to={`/apps/northbound/messages?id=${m.id}`} className={m.readAt ? undefined : 'nb-unread'}>
              {m.title}
            </Link>
            <span className="nb-muted">{m.createdAt.slice(0, 10)}</span>
          </List.Item>
        )}
      />
    </Card>
  );
}

/** `/apps/northbound/center` — 个人中心 (000 §4.1). Before the first-sign-in binding: to 首次登录. */
export function CenterPage() {
  const t = useMessages();
  const locale = useLocale();
  const { data: session, isPending: sessionPending } = useSession();
  const center = useCenter(Boolean(session));
  if (sessionPending) return <PageLoading />;
  if (!session)
    return <Navigate to={`/login?next=${encodeURIComponent('/apps/northbound/center')}`} replace />;
  if (center.isPending) return <PageLoading />;
  if (center.isError) return <Alert type="error" showIcon message={describeError(center.error, locale)} />;
  if (!center.data.bound || !center.data.faceVerified) return <Navigate to="/apps/northbound/bind" replace />;
  return (
    <>
      <PageTitle>{t('center.title')}</PageTitle>
      {center.data.vehicles.length === 0 ? (
        <Card className="sw-block">
          <TableEmpty text={t('center.empty')} />
        </Card>
      ) : (
        center.data.vehicles.map((vehicle) => <VehicleCard key={vehicle.recordId} vehicle={vehicle} />)
      )}
      <Alert className="sw-block" type="info" showIcon message={t('center.waitTip')} />
      <RecentMessages />
    </>
  );
}
