import { ACCOUNT_KINDS, type ApplicantView } from '@sw/contracts';
import { Badge, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';

const STATUS_BADGES = {
  active: 'success',
  inactive: 'default',
  pending_review: 'processing',
  locked: 'warning',
  disabled: 'error',
} as const;

/** 申请人: the account and its organization as the reviewer sees them (personal numbers masked). */
export function ApplicantDescriptions({ applicant }: { applicant: ApplicantView }) {
  const { t } = useTranslation();
  const none = t('common.none');
  const kind = (ACCOUNT_KINDS as readonly string[]).includes(applicant.kind)
    ? t(`accountKinds.${applicant.kind}` as 'accountKinds.individual')
    : applicant.kind;
  const org = applicant.organization;
  const orgStatus = org
    ? org.status === 'active' || org.status === 'pending_review'
      ? t(`accountStatuses.${org.status}`)
      : org.status
    : null;
  return (
    <Descriptions
      size="small"
      column={1}
      items={[
        { key: 'name', label: t('casework.applicant.name'), children: applicant.name },
        { key: 'username', label: t('casework.applicant.username'), children: applicant.username },
        { key: 'kind', label: t('casework.applicant.kind'), children: kind },
        {
          key: 'status',
          label: t('casework.applicant.accountStatus'),
          children: (
            <Badge
              status={STATUS_BADGES[applicant.accountStatus]}
              text={t(`accountStatuses.${applicant.accountStatus}`)}
            />
          ),
        },
        { key: 'mobile', label: t('casework.applicant.mobile'), children: applicant.mobileMasked ?? none },
        { key: 'email', label: t('casework.applicant.email'), children: applicant.emailMasked ?? none },
        ...(org
          ? [
              { key: 'org', label: t('casework.applicant.organization'), children: org.name },
              { key: 'credit', label: t('casework.applicant.creditCode'), children: org.creditCode ?? none },
              { key: 'orgCode', label: t('casework.applicant.orgCode'), children: org.orgCode ?? none },
              { key: 'orgStatus', label: t('casework.applicant.orgStatus'), children: orgStatus },
            ]
          : []),
      ]}
    />
  );
}
