import { ICP_LOOKUP_URL, psbLookupUrl } from '@sw/contracts';
import { Layout } from 'antd';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlatformInfo } from '../hooks/use-platform-info';

const linkStyle = { color: 'inherit', textDecoration: 'underline' } as const;

function Separated({ items }: { items: ReactNode[] }) {
  return (
    <p>
      {items.map((item, i) => (
        // the items of a line are fixed in number and order
        // biome-ignore lint/suspicious/noArrayIndexKey: position is the identity here
        <Fragment key={i}>
          {i > 0 ? (
            <span className="sw-footer__sep" aria-hidden="true">
              |
            </span>
          ) : null}
          {item}
        </Fragment>
      ))}
    </p>
  );
}

/**
 * The foot of every portal page, as on every Chinese government site: 主办单位, 承办单位, 服务热线,
 * 网站标识码, the ICP and public-security filing numbers (each linked to its official lookup). Platform
 * admins set them in 平台设置; an item not set is left out rather than shown as a placeholder.
 */
export function SiteFooter() {
  const { t } = useTranslation();
  const { data } = usePlatformInfo();
  const site = data?.site ?? {};
  const psbUrl = site.psbNumber ? psbLookupUrl(site.psbNumber) : null;

  const units: string[] = [];
  if (site.hostedBy) units.push(t('footer.hostedBy', { value: site.hostedBy }));
  if (site.operatedBy) units.push(t('footer.operatedBy', { value: site.operatedBy }));
  const contact: string[] = [];
  if (site.hotline) contact.push(t('footer.hotline', { value: site.hotline }));
  if (site.siteCode) contact.push(t('footer.siteCode', { value: site.siteCode }));
  const filings: ReactNode[] = [];
  if (site.icpNumber) {
    filings.push(
      <a href={ICP_LOOKUP_URL} target="_blank" rel="noopener noreferrer" style={linkStyle}>
        {site.icpNumber}
      </a>,
    );
  }
  if (site.psbNumber) {
    filings.push(
      psbUrl ? (
        <a href={psbUrl} target="_blank" rel="noopener noreferrer" style={linkStyle}>
          {site.psbNumber}
        </a>
      ) : (
        site.psbNumber
      ),
    );
  }
  const about: ReactNode[] = [t('footer.license')];
  if (data?.version) about.push(t('footer.version', { version: data.version }));

  return (
    <Layout.Footer className="sw-footer">
      <div data-testid="site-footer">
        {units.length > 0 ? <Separated items={units} /> : null}
        {contact.length > 0 ? <Separated items={contact} /> : null}
        {filings.length > 0 ? <Separated items={filings} /> : null}
        <Separated items={about} />
      </div>
    </Layout.Footer>
  );
}
