import { Alert, App, Card, Descriptions, Skeleton, Switch, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../../components/page-title';
import { describeError } from '../../../lib/api-client';
import { usePlatformSettings, useUpdatePlatformSettings } from '../api/settings';
import { SiteIdentityCard } from './site-identity-card';
import '../casework-console.css';

/**
 * `/console/settings` — 平台设置 (platform admins): 「注册需审核」, and the site identity of the
 * portal's footer (网站标识). Off, enterprises register at once
 * (seed 004, the national mode); on, a registration is an application reviewed within 2 working
 * days (seed 001). Each change is written to the audit log by the server.
 */
export function SettingsPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const settings = usePlatformSettings();
  const update = useUpdatePlatformSettings();

  const toggle = (next: boolean) => {
    modal.confirm({
      title: next ? t('casework.settings.confirmOn') : t('casework.settings.confirmOff'),
      content: next ? t('casework.settings.onEffect') : t('casework.settings.offEffect'),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await update.mutateAsync({ registrationReview: next });
          void message.success(next ? t('casework.settings.savedOn') : t('casework.settings.savedOff'));
        } catch (error) {
          void message.error(describeError(error));
        }
      },
    });
  };

  return (
    <div className="sw-workspace-page">
      <PageTitle>{t('casework.settings.title')}</PageTitle>
      {settings.isPending ? (
        <Skeleton active />
      ) : settings.isError ? (
        <Alert type="error" showIcon title={describeError(settings.error)} />
      ) : (
        <Card title={<h2 className="sw-card-heading">{t('casework.settings.registration')}</h2>}>
          <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap' }}>
            <Switch
              id="registration-review"
              checked={settings.data.registrationReview}
              loading={update.isPending}
              onChange={toggle}
              aria-describedby="registration-review-help"
            />
            <label htmlFor="registration-review" style={{ fontWeight: 600 }}>
              {t('casework.settings.registrationReview')}
            </label>
            <Tag color={settings.data.registrationReview ? 'blue' : 'default'}>
              {settings.data.registrationReview ? t('casework.settings.on') : t('casework.settings.off')}
            </Tag>
          </div>
          <div id="registration-review-help" className="sw-block-top">
            <Descriptions
              bordered
              size="small"
              column={1}
              items={[
                {
                  key: 'off',
                  label: t('casework.settings.whenOff'),
                  children: t('casework.settings.offEffect'),
                },
                {
                  key: 'on',
                  label: t('casework.settings.whenOn'),
                  children: t('casework.settings.onEffect'),
                },
              ]}
            />
          </div>
          <Alert className="sw-block-top" type="info" showIcon title={t('casework.settings.audited')} />
        </Card>
      )}
      {settings.data ? <SiteIdentityCard settings={settings.data} /> : null}
    </div>
  );
}
