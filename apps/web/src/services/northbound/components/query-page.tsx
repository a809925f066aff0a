import { Card, Tabs } from 'antd';
import { Link } from 'react-router';
import type { DocumentKind } from '../../../../../server/src/modules/services/northbound/contract.ts';
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
            {
              key: 'documents',
              label: `${t('query.letter')} / ${t('query.permit')}`,
              children: vehicles.length ? (
                <>
                  <p>{t('query.documentsLead')}</p>
                  <ul className="nb-list">
                    {vehicles.map((v) => (
                      <li key={v.recordId}>
                        {v.tempPlate ? `${v.tempPlate} ` : ''}
                        {v.hkPlate} · {t('query.letter')}：
                        {LETTER_STATES.includes(v.status) ? (
                          <a
                            className="nb-inline-link"
                            href={documentUrl(v.recordId, 'admission-letter', locale)}
                            download
                          >
                            {t('query.download')}
                          </a>
                        ) : (
                          t('query.notYet')
                        )}{' '}
                        · {t('query.permit')}：
                        {v.status === 'active' ? (
                          <a
                            className="nb-inline-link"
                            href={documentUrl(v.recordId, 'plate-permit', locale)}
                            download
                          >
                            {t('query.download')}
                          </a>
                        ) : (
                          t('query.notYet')
                        )}
                      </li>
                    ))}
                  </ul>
                </>
              ) : (
                <TableEmpty text={t('center.empty')} />
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}

/** after 粤港审批 (the server says the same: documents.ts) */
const LETTER_STATES: readonly string[] = ['inspection', 'issuing', 'active', 'suspended'];

/** in the language the person reads the page in (a download is a navigation: no app headers) */
const documentUrl = (recordId: string, kind: DocumentKind, locale: string) =>
  `/api/services/northbound/records/${recordId}/documents/${kind}?lang=${encodeURIComponent(locale)}`;
