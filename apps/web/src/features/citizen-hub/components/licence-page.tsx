import { LICENCE_TYPE_INFO, type LicenceCodeView } from '@sw/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Popconfirm, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useCountdown } from '../../../hooks/use-countdown';
import { useLocale } from '../../../hooks/use-locale';
import { useSession } from '../../../hooks/use-session';
import { describeError } from '../../../lib/api-client';
import { fetchLicenceCode, LICENCES_KEY, useLicence, useUnlinkLicence } from '../api/hub-api';
import { SignInFirst } from './sign-in-first';
import { StepUpGate, useSteppedUp } from './step-up-gate';

/** How long before a code runs out the next one is fetched. */
const REFRESH_BEFORE_MS = 5_000;

/**
 * 亮证 / 出示证照: the licence's signed code as a QR, refreshed before each one's 60 seconds run out,
 * with the seconds left. The code is signed by the platform; any verifier checks it offline.
 */
function LicenceCode({ id, name }: { id: string; name: string }) {
  const { t } = useTranslation();
  const { remaining, start } = useCountdown();
  const { data, isError, error, refetch, isFetching } = useQuery<LicenceCodeView>({
    queryKey: [...LICENCES_KEY, id, 'code'],
    queryFn: () => fetchLicenceCode(id),
    gcTime: 0,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  useEffect(() => {
    if (!data) return;
    const expires = Date.parse(data.expiresAt);
    start((expires - Date.now()) / 1000);
    const timer = window.setTimeout(
      () => void refetch(),
      Math.max(1000, expires - Date.now() - REFRESH_BEFORE_MS),
    );
    return () => window.clearTimeout(timer);
  }, [data, refetch, start]);
  if (isError) return <Alert type="error" showIcon role="alert" title={describeError(error)} />;
  if (!data) return <Skeleton.Image active className="sw-licence-qr__placeholder" />;
  return (
    <figure className="sw-licence-qr">
      <img
        src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(data.svg)}`}
        alt={t('hub.licence.qrAlt', { name })}
        width={300}
        height={300}
        data-code={data.code}
      />
      <figcaption role="status" aria-live="polite">
        {remaining > 0 ? t('hub.licence.refreshIn', { seconds: remaining }) : t('hub.licence.refreshing')}
      </figcaption>
      <Button type="link" onClick={() => void refetch()} loading={isFetching}>
        {t('hub.licence.refresh')}
      </Button>
    </figure>
  );
}

/** One linked licence: its fields (masked) and 亮证, behind a recent face check; 取消关联. */
export function LicencePage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const { id } = useParams();
  const { data: session, isPending: sessionPending } = useSession();
  const steppedUp = useSteppedUp();
  const { data: licence, isError, error } = useLicence(id, Boolean(session) && steppedUp);
  const unlink = useUnlinkLicence();
  const [showing, setShowing] = useState(false);
  if (sessionPending) return <Skeleton active />;
  if (!session) return <SignInFirst title={t('hub.wallet.title')} />;
  const info = licence ? LICENCE_TYPE_INFO[licence.type] : null;
  const labels = new Map(info?.fields.map((f) => [f.key, f.label[locale]]));
  return (
    <StepUpGate>
      {isError ? <Alert type="error" showIcon role="alert" title={describeError(error)} /> : null}
      {!licence || !info ? (
        isError ? null : (
          <Skeleton active />
        )
      ) : (
        <section className="sw-hub-section" aria-labelledby="hub-licence-title">
          <h1 id="hub-licence-title">{info.name[locale]}</h1>
          <p className="sw-hub-hint">
            {info.authority[locale]}
            {licence.issuedHere ? ` · ${t('hub.licence.issuedHere')}` : ''}
          </p>
          {showing ? (
            <LicenceCode id={licence.id} name={info.name[locale]} />
          ) : (
            <Button type="primary" size="large" block onClick={() => setShowing(true)}>
              {t('hub.licence.show')}
            </Button>
          )}
          <Descriptions
            className="sw-hub-gap"
            column={1}
            size="small"
            bordered
            items={licence.fields.map((f) => ({
              key: f.key,
              label: labels.get(f.key) ?? f.key,
              children: f.value,
            }))}
          />
          <Popconfirm
            title={t('hub.licence.unlinkConfirm')}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            onConfirm={async () => {
              await unlink.mutateAsync(licence.id);
              await navigate('/m/licences', { replace: true });
            }}
          >
            <Button danger size="large" block className="sw-hub-gap" loading={unlink.isPending}>
              {t('hub.licence.unlink')}
            </Button>
          </Popconfirm>
        </section>
      )}
    </StepUpGate>
  );
}
