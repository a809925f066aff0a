import { IdcardOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { LICENCE_TYPE_INFO } from '@sw/contracts';
import { Alert, Empty, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LinkButton } from '../../../components/link-button';
import { useLocale } from '../../../hooks/use-locale';
import { useSession } from '../../../hooks/use-session';
import { describeError } from '../../../lib/api-client';
import { useLicences } from '../api/hub-api';
import { SignInFirst } from './sign-in-first';

/** 我的证照: the linked licences; 【+】 links another (seed 003 「关联个人证照」). */
export function LicenceWalletPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { data: session, isPending: sessionPending } = useSession();
  const { data: licences, isPending, isError, error } = useLicences(Boolean(session));
  if (sessionPending) return <Skeleton active />;
  if (!session) return <SignInFirst title={t('hub.wallet.title')} />;
  let body: React.ReactNode;
  if (isPending) body = <Skeleton active />;
  else if (isError) body = <Alert type="error" showIcon title={describeError(error)} />;
  else if (licences.length === 0) body = <Empty description={t('hub.wallet.empty')} />;
  else
    body = (
      <ul className="sw-licence-cards">
        {licences.map((licence) => {
          const info = LICENCE_TYPE_INFO[licence.type];
          return (
            <li key={licence.id}>
              <Link
                to={`/m/licences/${licence.id}`}
                className={`sw-licence-card sw-licence-card--${licence.type}`}
              >
                <IdcardOutlined className="sw-licence-card__icon" aria-hidden="true" />
                <span className="sw-licence-card__text">
                  <strong>{info.name[locale]}</strong>
                  <span>{info.authority[locale]}</span>
                </span>
                <RightOutlined aria-hidden="true" />
              </Link>
            </li>
          );
        })}
      </ul>
    );
  return (
    <section className="sw-hub-section" aria-labelledby="hub-wallet-title">
      <div className="sw-hub-section__head">
        <h1 id="hub-wallet-title">{t('hub.wallet.title')}</h1>
        <LinkButton
          type="primary"
          shape="circle"
          size="large"
          icon={<PlusOutlined />}
          to="/m/licences/add"
          aria-label={t('hub.wallet.add')}
        />
      </div>
      {body}
    </section>
  );
}
