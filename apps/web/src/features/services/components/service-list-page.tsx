import { errorMessage } from '@sw/contracts';
import { Alert, Card, Col, Empty, Row, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '../../../components/link-button';
import { PageTitle } from '../../../components/page-title';
import { useLocale } from '../../../hooks/use-locale';
import { useSession } from '../../../hooks/use-session';
import { describeError } from '../../../lib/api-client';
import { localized, useServices } from '../api/get-services';

/** `/apps` — the online services a person can apply for. */
export function ServiceListPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { data: services, isPending, isError, error } = useServices();
  const { data: session } = useSession();
  const kind = session?.account.kind;
  // seed 004 重要提醒: 管理员账号不可进行业务操作
  const isAdministrator = kind === 'enterprise_admin' || kind === 'institution_admin';

  let body: ReactNode;
  if (isPending) {
    body = <Skeleton active />;
  } else if (isError) {
    body = <Alert type="error" showIcon title={describeError(error)} />;
  } else if (services.length === 0) {
    body = (
      <Card>
        <Empty description={t('apps.empty')} />
      </Card>
    );
  } else {
    body = (
      <Row gutter={[16, 16]}>
        {services.map((service) => {
          const name = localized(service.name, locale);
          return (
            <Col key={service.code} xs={24} md={12} lg={8}>
              <Card className="sw-service-card">
                <h2>{name}</h2>
                <p>{localized(service.description, locale)}</p>
                <LinkButton type="primary" to={service.path} aria-label={`${t('apps.go')} ${name}`}>
                  {t('apps.go')}
                </LinkButton>
              </Card>
            </Col>
          );
        })}
      </Row>
    );
  }

  return (
    <div className="sw-container">
      <PageTitle>{t('apps.title')}</PageTitle>
      <p className="sw-lead">{t('apps.subtitle')}</p>
      {isAdministrator ? (
        <Alert
          className="sw-form-alert"
          type="warning"
          showIcon
          title={errorMessage('account.admin_no_business', locale)}
        />
      ) : null}
      {body}
    </div>
  );
}
