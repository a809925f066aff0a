import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions } from 'antd';
import { matchPath, useLocation } from 'react-router';
import type { DocumentCheck } from '../../../../../server/src/modules/services/northbound/contract.ts';
import { PageLoading } from '../../../components/page-loading';
import { PageTitle } from '../../../components/page-title';
import { useLocale } from '../../../hooks/use-locale';
import { apiClient } from '../../../lib/api-client';
import { useMessages } from '../messages';

/**
 * `/apps/northbound/verify/:token` — where a document's QR code leads (anyone, signed in or not): the
 * document's standing now, personal data masked.
 */
export function VerifyPage() {
  const t = useMessages();
  const locale = useLocale();
  const { pathname } = useLocation();
  const token = matchPath('/apps/northbound/verify/:token', pathname)?.params.token ?? '';
  const check = useQuery({
    queryKey: ['northbound', 'verify', token],
    queryFn: () => apiClient.get<DocumentCheck>(`/api/services/northbound/documents/verify/${token}`),
    retry: false,
  });
  if (check.isPending) return <PageLoading />;
  return (
    <div className="nb-narrow">
      <PageTitle>{t('verify.title')}</PageTitle>
      <Card className="sw-block">
        {check.data ? (
          <>
            <h2 className="nb-card-title">
              {check.data.name[locale]}{' '}
              <span className={`nb-verdict nb-verdict--${check.data.valid ? 'valid' : 'invalid'}`}>
                {check.data.valid ? (
                  <CheckCircleFilled aria-hidden="true" />
                ) : (
                  <CloseCircleFilled aria-hidden="true" />
                )}{' '}
                {check.data.valid ? t('verify.valid') : t('verify.invalid')}
              </span>
            </h2>
            <Descriptions column={1} size="small" className="sw-block">
              <Descriptions.Item label={t('verify.number')}>{check.data.number}</Descriptions.Item>
              <Descriptions.Item label={t('verify.owner')}>{check.data.ownerMasked}</Descriptions.Item>
              <Descriptions.Item label={t('verify.hkPlate')}>{check.data.hkPlate}</Descriptions.Item>
              {check.data.tempPlate && (
                <Descriptions.Item label={t('verify.tempPlate')}>{check.data.tempPlate}</Descriptions.Item>
              )}
              <Descriptions.Item label={t('verify.period')}>
                {check.data.validFrom} — {check.data.validTo}
              </Descriptions.Item>
              <Descriptions.Item label={t('verify.status')}>
                {check.data.statusName[locale]}
              </Descriptions.Item>
              <Descriptions.Item label={t('verify.checkedAt')}>
                {new Date(check.data.checkedAt).toLocaleString(locale)}
              </Descriptions.Item>
            </Descriptions>
          </>
        ) : (
          <Alert type="error" showIcon message={t('verify.unknown')} />
        )}
      </Card>
    </div>
  );
}
