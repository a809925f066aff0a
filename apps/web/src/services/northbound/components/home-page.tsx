import { Alert, Card, Space, Steps, Typography } from 'antd';
import { Link } from 'react-router';
import { useSession } from '../../../hooks/use-session';
import { useMessages } from '../messages';

/** `/apps/northbound`: the portal page with 【注册】【登录】 (000 §2.1, §3.1). */
export function HomePage() {
  const t = useMessages();
  const { data: session } = useSession();
  return (
    <div className="nb-home">
      <section className="nb-hero">
        <h1 className="nb-hero__title">{t('system')}</h1>
        <Typography.Paragraph className="nb-hero__lead">{t('home.lead')}</Typography.Paragraph>
        <Space size="middle" wrap>
          {session ? (
            <Link className="nb-cta nb-cta--primary" to="/apps/northbound/center">
              {t('home.enter')}
            </Link>
          ) : (
            <>
              <Link className="nb-cta nb-cta--primary" to="/apps/northbound/register">
                {t('nav.register')}
              </Link>
              <Link className="nb-cta" to={`/login?next=${encodeURIComponent('/apps/northbound/center')}`}>
                {t('nav.signIn')}
              </Link>
            </>
          )}
        </Space>
      </section>
      <Card className="sw-block" title={<h2 className="sw-card-heading">{t('home.steps')}</h2>}>
        <Steps
          current={-1}
          items={[t('home.step1'), t('home.step2'), t('home.step3'), t('home.step4')].map((title) => ({
            title,
          }))}
        />
        <Alert className="nb-gap" type="info" showIcon message={t('home.registerHint')} />
      </Card>
      <Card className="sw-block">
        <Space wrap size="large">
          <Link to="/apps/northbound/guides">{t('nav.guides')}</Link>
          <Link to="/apps/northbound/policies">{t('nav.policies')}</Link>
          <span>{t('home.hotline')}</span>
        </Space>
      </Card>
    </div>
  );
}
