import { GUANGDONG_CITIES, LICENCE_TYPE_INFO, LICENCE_TYPES, type LicenceType } from '@sw/contracts';
import { Alert, Button, Radio, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCity } from '../../../hooks/use-hub-prefs';
import { useLocale } from '../../../hooks/use-locale';
import { useSession } from '../../../hooks/use-session';
import { describeError } from '../../../lib/api-client';
import { useLicences, useLinkLicence } from '../api/hub-api';
import { SignInFirst } from './sign-in-first';
import { StepUpGate } from './step-up-gate';

/**
 * 关联证照: choose a licence, then 【授权关联】 — after a face check, the issuing authority is asked
 * for the person's licence in the chosen city; the manual's FAQ answers come back as refusals.
 */
export function LicenceAddPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const [city] = useCity();
  const { data: session, isPending } = useSession();
  const { data: linked } = useLicences(Boolean(session));
  const link = useLinkLicence();
  const [type, setType] = useState<LicenceType | null>(null);
  if (isPending) return <Skeleton active />;
  if (!session) return <SignInFirst title={t('hub.wallet.addTitle')} />;
  const taken = new Set(linked?.map((l) => l.type));
  const available = LICENCE_TYPES.filter((code) => !taken.has(code));
  const info = type ? LICENCE_TYPE_INFO[type] : null;
  const cityName = GUANGDONG_CITIES.find((c) => c.code === city)?.name[locale];
  return (
    <section className="sw-hub-section" aria-labelledby="hub-add-title">
      <h1 id="hub-add-title">{t('hub.wallet.addTitle')}</h1>
      <fieldset className="sw-hub-fieldset">
        <legend>{t('hub.wallet.choose')}</legend>
        <Radio.Group
          className="sw-licence-choices"
          value={type}
          onChange={(e) => {
            link.reset();
            setType(e.target.value as LicenceType);
          }}
          options={available.map((code) => ({ value: code, label: LICENCE_TYPE_INFO[code].name[locale] }))}
        />
      </fieldset>
      {info ? (
        <div className="sw-hub-gap">
          <dl className="sw-licence-facts">
            <dt>{t('hub.wallet.authority')}</dt>
            <dd>{info.authority[locale]}</dd>
            <dt>{t('hub.wallet.use')}</dt>
            <dd>{info.use[locale]}</dd>
            {info.perCity ? (
              <>
                <dt>{t('hub.wallet.city')}</dt>
                <dd>{cityName}</dd>
              </>
            ) : null}
          </dl>
          {link.isError ? (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={describeError(link.error)}
              className="sw-form-alert"
            />
          ) : null}
          <StepUpGate>
            <Button
              type="primary"
              size="large"
              block
              loading={link.isPending}
              onClick={async () => {
                const licence = await link.mutateAsync({ type: info.code, city }).catch(() => null);
                if (licence) await navigate(`/m/licences/${licence.id}`, { replace: true });
              }}
            >
              {t('hub.wallet.authorize')}
            </Button>
          </StepUpGate>
        </div>
      ) : null}
    </section>
  );
}
