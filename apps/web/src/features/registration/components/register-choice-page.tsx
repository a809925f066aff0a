import { BankOutlined, GlobalOutlined, ShopOutlined, UserAddOutlined } from '@ant-design/icons';
import { Card, Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LinkButton } from '../../../components/link-button';
import { PageTitle } from '../../../components/page-title';
import { usePlatformInfo } from '../../../hooks/use-platform-info';

/** The registration routes of seed 004 ch.1, in the manual's order. */
const DOORS = [
  { to: '/register/enterprise', keys: 'register.enterpriseCard', icon: <ShopOutlined /> },
  { to: '/register/institution', keys: 'register.institutionCard', icon: <BankOutlined /> },
  { to: '/register/individual', keys: 'register.individualCard', icon: <UserAddOutlined /> },
  { to: '/register/overseas', keys: 'overseas.card', icon: <GlobalOutlined /> },
] as const;

/** `/register` — 注册方式选择 (seed 004 ch.1). */
export function RegisterChoicePage() {
  const { t } = useTranslation();
  // 「注册需审核」: the enterprise door leads to the reviewed registration of seed 001
  const isReviewed = usePlatformInfo().data?.registrationReview === true;
  const doors = DOORS.map((door) =>
    isReviewed && door.to === '/register/enterprise'
      ? { ...door, keys: 'registrationReview.card' as const }
      : door,
  );
  return (
    <div className="sw-container">
      <PageTitle>{t('register.choiceTitle')}</PageTitle>
      <p className="sw-lead">{t('register.choiceSubtitle')}</p>
      <Row gutter={[16, 16]}>
        {doors.map((door) => (
          <Col key={door.to} xs={24} sm={12} lg={8}>
            <Card className="sw-door-card">
              <div className="sw-door-card__icon" aria-hidden="true">
                {door.icon}
              </div>
              <h2>{t(`${door.keys}.title`)}</h2>
              <p>{t(`${door.keys}.description`)}</p>
              <LinkButton type="primary" to={door.to}>
                {t(`${door.keys}.action`)}
              </LinkButton>
            </Card>
          </Col>
        ))}
      </Row>
      <p className="sw-auth__links sw-auth__links--left">
        {t('register.haveAccount')} <Link to="/login">{t('register.goLogin')}</Link>
      </p>
    </div>
  );
}
