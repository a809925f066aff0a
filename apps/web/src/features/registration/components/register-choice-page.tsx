import { BankOutlined, GlobalOutlined, ShopOutlined, UserAddOutlined } from '@ant-design/icons';
import { Card, Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LinkButton } from '../../../components/link-button';
import { PageTitle } from '../../../components/page-title';

/** `/register` — 注册方式选择 (seed 004 ch.1). */
export function RegisterChoicePage() {
  const { t } = useTranslation();
  return (
    <div className="sw-container">
      <PageTitle>{t('register.choiceTitle')}</PageTitle>
      <p className="sw-lead">{t('register.choiceSubtitle')}</p>
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={12} lg={8}>
          <Card className="sw-door-card">
            <div className="sw-door-card__icon" aria-hidden="true">
              <ShopOutlined />
            </div>
            <h2>{t('register.enterpriseCard.title')}</h2>
            <p>{t('register.enterpriseCard.description')}</p>
            <LinkButton type="primary" to="/register/enterprise">
              {t('register.enterpriseCard.action')}
            </LinkButton>
          </Card>
        </Col>
        <Col xs={24} sm={12} lg={8}>
          <Card className="sw-door-card">
            <div className="sw-door-card__icon" aria-hidden="true">
              <BankOutlined />
            </div>
            <h2>{t('register.institutionCard.title')}</h2>
            <p>{t('register.institutionCard.description')}</p>
            <LinkButton type="primary" to="/register/institution">
              {t('register.institutionCard.action')}
            </LinkButton>
          </Card>
        </Col>
        <Col xs={24} sm={12} lg={8}>
          <Card className="sw-door-card">
            <div className="sw-door-card__icon" aria-hidden="true">
              <UserAddOutlined />
            </div>
            <h2>{t('register.individualCard.title')}</h2>
            <p>{t('register.individualCard.description')}</p>
            <LinkButton type="primary" to="/register/individual">
              {t('register.individualCard.action')}
            </LinkButton>
          </Card>
        </Col>
        <Col xs={24} sm={12} lg={8}>
          <Card className="sw-door-card">
            <div className="sw-door-card__icon" aria-hidden="true">
              <GlobalOutlined />
            </div>
            <h2>{t('overseas.card.title')}</h2>
            <p>{t('overseas.card.description')}</p>
            <LinkButton type="primary" to="/register/overseas">
              {t('overseas.card.action')}
            </LinkButton>
          </Card>
        </Col>
      </Row>
      <p className="sw-auth__links sw-auth__links--left">
        {t('register.haveAccount')} <Link to="/login">{t('register.goLogin')}</Link>
      </p>
    </div>
  );
}
