import { Card, Tabs } from 'antd';
import { Link } from 'react-router';
import { PageLoading } from '../../../components/page-loading';
import { PageTitle } from '../../../components/page-title';
import { TableEmpty } from '../../../components/table-empty';
import { useLocale } from '../../../hooks/use-locale';
import { useCenter } from '../api';
import { useMessages } from '../messages';
import { StayFigures } from './stay-figures';

/** `/apps/northbound/query` — 我要查询 (000 §4.8): progress, bookings, stay time. */
export function QueryPage() {
  const t = useMessages();
  const locale = useLocale();
  const center = useCenter();
  if (center.isPending) return <PageLoading />;
  const vehicles = center.data?.vehicles ?? [];
  return (
    <>
      <PageTitle>{t('query.title')}</PageTitle>
      <Card className="sw-block">
        <Tabs
          items={[
            {
              key: 'progress',
              label: t('query.progress'),
              children: vehicles.length ? (
                <ul className="nb-list">
                  {vehicles.map((v) => (
                    <li key={v.recordId}>
                      {v.hkPlate} · {v.number} · {v.statusName[locale]} —{' '}
                      <Link to={`/account/applications/${v.applicationId}`}>{t('nav.applications')}</Link>
                    </li>
                  ))}
                </ul>
              ) : (
                <TableEmpty text={t('center.empty')} />
              ),
            },
            {
              key: 'appointments',
              label: t('query.appointments'),
              children: <Link to="/apps/northbound/appointments">{t('appointments.mine')}</Link>,
            },
            {
              key: 'stay',
              label: t('query.stay'),
              children: vehicles.some((v) => v.stay) ? (
                vehicles
                  .filter((v) => v.stay)
                  .map((v) => (
                    <section key={v.recordId}>
                      <h2 className="nb-subheading">
                        {v.tempPlate} {v.hkPlate}
                      </h2>
                      <StayFigures stay={v.stay!} />
                    </section>
                  ))
              ) : (
                <TableEmpty text={t('appointments.noVehicle')} />
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
