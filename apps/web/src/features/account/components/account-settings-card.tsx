import type { AccountView } from '@sw/contracts';
import { App, Button, Card, Descriptions, Modal, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorReporter } from '../../../hooks/use-error-reporter';
import { useSetPhoneLogin, useSyncToGovPlatform } from '../api/account-settings';
import { ChangePasswordForm } from './change-password-form';

/** 账户设置 (seed 004 §3.1): 手机号登录开关, 信息同步 and 修改密码. */
export function AccountSettingsCard({ account }: { account: AccountView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reportError = useErrorReporter();
  const setPhoneLogin = useSetPhoneLogin();
  const sync = useSyncToGovPlatform();
  const [isPasswordOpen, setPasswordOpen] = useState(false);
  const hasPassword = account.status !== 'inactive';
  return (
    <Card title={<h2 className="sw-card-title">{t('settings.title')}</h2>}>
      <Descriptions
        bordered
        size="middle"
        column={1}
        items={[
          {
            key: 'phoneLogin',
            label: <span id="phone-login-label">{t('settings.phoneLogin')}</span>,
            children: (
              <span className="sw-inline-setting">
                <Switch
                  aria-labelledby="phone-login-label"
                  checked={account.phoneLoginEnabled}
                  loading={setPhoneLogin.isPending}
                  disabled={!account.mobileMasked}
                  onChange={(enabled) =>
                    setPhoneLogin.mutate(enabled, {
                      onSuccess: () =>
                        void message.success(t(enabled ? 'settings.phoneLoginOn' : 'settings.phoneLoginOff')),
                      onError: (error) => reportError(error),
                    })
                  }
                />
                <span className="sw-muted">
                  {account.mobileMasked ? t('settings.phoneLoginHint') : t('settings.noMobile')}
                </span>
              </span>
            ),
          },
          {
            key: 'sync',
            label: t('settings.sync'),
            children: (
              <span className="sw-inline-setting">
                <Button
                  loading={sync.isPending}
                  onClick={() =>
                    sync.mutate(undefined, {
                      onSuccess: (r) => void message.success(t('settings.synced', { receipt: r.receipt })),
                      onError: (error) => reportError(error),
                    })
                  }
                >
                  {t('settings.syncButton')}
                </Button>
                <span className="sw-muted">{t('settings.syncHint')}</span>
              </span>
            ),
          },
          ...(hasPassword
            ? [
                {
                  key: 'password',
                  label: t('settings.password'),
                  children: (
                    <Button onClick={() => setPasswordOpen(true)}>{t('settings.changePassword')}</Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={isPasswordOpen}
        title={t('settings.changePassword')}
        footer={null}
        destroyOnHidden
        onCancel={() => setPasswordOpen(false)}
      >
        <ChangePasswordForm
          onChanged={() => {
            setPasswordOpen(false);
            void message.success(t('password.changed'));
          }}
        />
      </Modal>
    </Card>
  );
}
