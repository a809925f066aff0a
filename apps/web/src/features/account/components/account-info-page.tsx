import { Alert, Card, Descriptions, type DescriptionsProps, Skeleton, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../../components/page-title';
import { describeError } from '../../../lib/api-client';
import { formatDateTime, formatYmd } from '../../../lib/format';
import { useMe } from '../api/get-me';
import { useAccountChanges } from './account-changes';
import { AccountSettingsCard } from './account-settings-card';
import { AccountStatusWithActivation } from './activate-account';
import { OrganizationCard } from './organization-card';
import { OverseasOrganizationCard } from './overseas-organization-card';

/** `/account/info` — 账号信息 (seed 004 §3.1, 个人用户): read-only, personal numbers masked. */
export function AccountInfoPage() {
  const { t } = useTranslation();
  const { data: account, isPending, isError, error } = useMe();
  const none = t('common.none');
  const changes = useAccountChanges(account);
  const withEdit = (
    value: ReactNode,
    which: 'mobile' | 'email' | 'identity',
    label: string,
    allowed: boolean,
  ) =>
    allowed ? (
      <Space size={4} wrap>
        {value}
        {changes.edit(which, label)}
      </Space>
    ) : (
      value
    );

  let body: ReactNode;
  if (isPending) {
    body = <Skeleton active paragraph={{ rows: 6 }} />;
  } else if (isError) {
    body = <Alert type="error" showIcon title={describeError(error)} />;
  } else {
    const longTerm = t('account.longTerm');
    const validity =
      account.idValidFrom || account.idValidTo
        ? `${formatYmd(account.idValidFrom, longTerm)} – ${formatYmd(account.idValidTo, longTerm)}`
        : none;
    const items: DescriptionsProps['items'] = [
      { key: 'username', label: t('account.username'), children: account.username },
      {
        key: 'name',
        label: t('account.name'),
        children: withEdit(account.name || none, 'identity', t('account.name'), changes.canEditIdentity),
      },
      { key: 'kind', label: t('account.kind'), children: t(`accountKinds.${account.kind}`) },
      {
        key: 'status',
        label: t('account.status'),
        children: <AccountStatusWithActivation account={account} />,
      },
      {
        key: 'idType',
        label: t('account.idType'),
        children: account.idType ? t(`idTypes.${account.idType}`) : none,
      },
      { key: 'idNumber', label: t('account.idNumber'), children: account.idNumberMasked ?? none },
      // an account registered without a validity (some documents have none) shows no such row
      ...(account.idValidFrom || account.idValidTo
        ? [{ key: 'idValidity', label: t('account.idValidity'), children: validity }]
        : []),
      {
        key: 'mobile',
        label: t('account.mobile'),
        children: withEdit(account.mobileMasked ?? none, 'mobile', t('account.mobile'), changes.hasContacts),
      },
      {
        key: 'email',
        label: t('account.email'),
        children: withEdit(account.emailMasked ?? none, 'email', t('account.email'), changes.hasContacts),
      },
      {
        key: 'realNameLevel',
        label: t('account.realNameLevel'),
        children: t(`realNameLevels.${account.realNameLevel}`),
      },
      { key: 'createdAt', label: t('account.createdAt'), children: formatDateTime(account.createdAt) },
      {
        key: 'lastSignInAt',
        label: t('account.lastSignInAt'),
        children: formatDateTime(account.lastSignInAt, none),
      },
    ];
    body = <Descriptions bordered size="middle" column={{ xs: 1, sm: 1, md: 2 }} items={items} />;
  }

  return (
    <div className="sw-workspace-page">
      <PageTitle>{t('account.infoTitle')}</PageTitle>
      <Space direction="vertical" size="middle" className="sw-stack">
        {account ? <OrganizationCard account={account} /> : null}
        {account?.kind === 'overseas' ? <OverseasOrganizationCard /> : null}
        <Card>{body}</Card>
        {account ? <AccountSettingsCard account={account} /> : null}
      </Space>
      {changes.dialogs}
    </div>
  );
}
