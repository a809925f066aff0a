import type { AccountView } from '@sw/contracts';
import { Card, Descriptions, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatYmd } from '../../../lib/format';
import { useOrganization } from '../api/account-settings';

const DOMESTIC = new Set(['enterprise_admin', 'enterprise_operator', 'institution_admin']);

/** 企业信息 (seed 004 §3.1 查看, 管理员/操作员): the organization, the legal representative's ID masked. */
export function OrganizationCard({ account }: { account: AccountView }) {
  const { t } = useTranslation();
  const isDomestic = DOMESTIC.has(account.kind) && account.organizationId !== null;
  const { data: org, isPending } = useOrganization(isDomestic);
  if (!isDomestic) return null;
  const none = t('common.none');
  const longTerm = t('account.longTerm');
  return (
    <Card
      title={
        <h2 className="sw-card-title">
          {t(org?.kind === 'institution' ? 'orgInfo.titleInstitution' : 'orgInfo.title')}
        </h2>
      }
    >
      {isPending || !org ? (
        <Skeleton active />
      ) : (
        <Descriptions
          bordered
          size="middle"
          column={{ xs: 1, sm: 1, md: 2 }}
          items={[
            { key: 'name', label: t('orgInfo.name'), children: org.name },
            { key: 'creditCode', label: t('orgRegister.creditCode'), children: org.creditCode ?? none },
            { key: 'orgCode', label: t('orgInfo.orgCode'), children: org.orgCode ?? none },
            { key: 'legalRepName', label: t('orgRegister.legalRepName'), children: org.legalRepName ?? none },
            {
              key: 'legalRepIdType',
              label: t('orgRegister.legalRepIdType'),
              children: org.legalRepIdType ? t(`idTypes.${org.legalRepIdType}`) : none,
            },
            {
              key: 'legalRepId',
              label: t('orgRegister.legalRepIdNumber'),
              children: org.legalRepIdNumberMasked ?? none,
            },
            {
              key: 'validity',
              label: t('account.idValidity'),
              children: org.legalRepIdValidFrom
                ? `${formatYmd(org.legalRepIdValidFrom, longTerm)} – ${formatYmd(org.legalRepIdValidTo, longTerm)}`
                : none,
            },
            {
              key: 'source',
              label: t('orgInfo.source'),
              children: t(`orgInfo.sources.${org.source}`, { defaultValue: org.source }),
            },
          ]}
        />
      )}
    </Card>
  );
}
