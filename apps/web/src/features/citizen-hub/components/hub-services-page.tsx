import { CalendarOutlined, ExportOutlined, RightOutlined } from '@ant-design/icons';
import {
  GUANGDONG_CITIES,
  HUB_APPOINTMENT_KINDS,
  HUB_APPOINTMENTS,
  HUB_CATEGORIES,
  HUB_EXTERNAL_SERVICES,
  type HubCategory,
  type HubExternalService,
  hubOffices,
  offeredIn,
  SERVICE_CATEGORIES,
} from '@sw/contracts';
import { Input } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useCity } from '../../../hooks/use-hub-prefs';
import { useLocale } from '../../../hooks/use-locale';
import { CategoryGrid, categoryName } from './category-grid';
import { FaqList } from './faq-list';

export type PlatformServicesSlot = (filters: { category?: string; q?: string }) => ReactNode;

/** A service only another system offers: it links out, labelled, with the manual's city note. */
function ExternalService({ service, city }: { service: HubExternalService; city: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const here = offeredIn(service, city);
  const cityName = GUANGDONG_CITIES.find((c) => c.code === city)?.name[locale];
  const text = (
    <span className="sw-hub-list__text">
      <strong>{service.name[locale]}</strong>
      <span>
        {service.department[locale]}
        {service.note ? ` · ${service.note[locale]}` : ''}
      </span>
      {here ? null : (
        <span className="sw-hub-unavailable">{t('hub.servicesPage.notInCity', { city: cityName })}</span>
      )}
    </span>
  );
  return (
    <li>
      {here ? (
        <a href={service.url} target="_blank" rel="noopener noreferrer" className="sw-hub-list__item">
          {text}
          <span className="sw-hub-external">
            <ExportOutlined aria-hidden="true" /> {t('hub.servicesPage.external')}
          </span>
        </a>
      ) : (
        <div className="sw-hub-list__item sw-hub-list__item--off">{text}</div>
      )}
    </li>
  );
}

/** The hub's own 预约 services of a category (or matching a search), each offered in its cities. */
function AppointmentServices({ category, q, city }: { category?: HubCategory; q: string; city: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const kinds = HUB_APPOINTMENT_KINDS.filter(
    (k) =>
      (!category || HUB_APPOINTMENTS[k].category === category) &&
      (!q || Object.values(HUB_APPOINTMENTS[k].name).some((n) => n.toLowerCase().includes(q.toLowerCase()))),
  );
  if (kinds.length === 0) return null;
  const cityName = GUANGDONG_CITIES.find((c) => c.code === city)?.name[locale];
  return (
    <ul className="sw-hub-list">
      {kinds.map((k) => {
        const info = HUB_APPOINTMENTS[k];
        const here = hubOffices(k, city).length > 0;
        return (
          <li key={k}>
            <Link to={`/m/appointments/${k}`} className="sw-hub-list__item">
              <span className="sw-hub-list__icon" aria-hidden="true">
                <CalendarOutlined />
              </span>
              <span className="sw-hub-list__text">
                <strong>{info.name[locale]}</strong>
                <span>{info.department[locale]}</span>
                {here ? null : (
                  <span className="sw-hub-unavailable">
                    {t('hub.servicesPage.notInCity', { city: cityName })}
                  </span>
                )}
              </span>
              <RightOutlined aria-hidden="true" />
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * 办事: the guide's categories (seed 003 ch.2–7); a category lists what runs here (the catalogue,
 * for the chosen city) and what only another system offers (linking out), with the manual's city
 * notes; search goes across all of them.
 */
export function HubServicesPage({ platformServices }: { platformServices: PlatformServicesSlot }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [city] = useCity();
  const [params, setParams] = useSearchParams();
  const category = HUB_CATEGORIES.find((c) => c === params.get('category'));
  const q = (params.get('q') ?? '').trim();
  const external = HUB_EXTERNAL_SERVICES.filter(
    (s) =>
      (!category || s.category === category) &&
      (!q || Object.values(s.name).some((n) => n.toLowerCase().includes(q.toLowerCase()))),
  ).sort((a, b) => Number(offeredIn(b, city)) - Number(offeredIn(a, city)));
  const searching = Boolean(q);
  return (
    <>
      <section className="sw-hub-section">
        <h1>{category ? categoryName(category)?.[locale] : t('hub.servicesTitle')}</h1>
        <Input.Search
          allowClear
          size="large"
          defaultValue={q}
          placeholder={t('hub.servicesPage.search')}
          aria-label={t('hub.servicesPage.search')}
          onSearch={(value) => {
            const next = new URLSearchParams(params);
            if (value.trim()) next.set('q', value.trim());
            else next.delete('q');
            setParams(next);
          }}
        />
        {category || searching ? (
          <Link to="/m/services" className="sw-hub-back">
            {t('hub.servicesPage.all')}
          </Link>
        ) : (
          <div className="sw-hub-gap">
            <CategoryGrid />
          </div>
        )}
      </section>
      {category || searching ? (
        <>
          <section className="sw-hub-section sw-hub-gap" aria-labelledby="hub-here-title">
            <h2 id="hub-here-title">{t('hub.servicesPage.here')}</h2>
            <AppointmentServices category={category} q={q} city={city} />
            {platformServices({ ...(category ? { category } : {}), ...(q ? { q } : {}) })}
          </section>
          {category ? <FaqList category={category} heading={t('hub.feedback.faq')} /> : null}
          {external.length > 0 ? (
            <section className="sw-hub-section sw-hub-gap" aria-labelledby="hub-external-title">
              <h2 id="hub-external-title">{t('hub.servicesPage.elsewhere')}</h2>
              <ul className="sw-hub-list">
                {external.map((s) => (
                  <ExternalService key={s.code} service={s} city={city} />
                ))}
              </ul>
            </section>
          ) : null}
        </>
      ) : null}
    </>
  );
}
