import type { EnterpriseRegistrationSubmitted } from '@sw/contracts';
import { Descriptions, Result, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '../../../components/link-button';
import { formatChinaDate } from '../../../lib/format';

/** 提交成功: the number, the review's due date (2 working days), where the result goes, and sign-in. */
export function SubmittedResult({
  receipt,
  isCorrection = false,
}: {
  receipt: EnterpriseRegistrationSubmitted;
  isCorrection?: boolean;
}) {
  const { t } = useTranslation();
  const due = formatChinaDate(receipt.dueAt);
  return (
    <Result
      status="success"
      title={
        <h1 className="sw-result-title">
          {isCorrection ? t('enterpriseReview.result.resubmittedTitle') : t('enterpriseReview.result.title')}
        </h1>
      }
      subTitle={
        <span data-testid="review-due">
          {t('enterpriseReview.result.due', { date: due, days: receipt.slaWorkingDays })}
        </span>
      }
      extra={
        <Space orientation="vertical" size="middle" className="sw-stack sw-er-result">
          <Descriptions
            bordered
            size="small"
            column={1}
            items={[
              {
                key: 'number',
                label: t('enterpriseReview.result.number'),
                children: <strong data-testid="application-number">{receipt.number}</strong>,
              },
              { key: 'username', label: t('enterpriseReview.result.username'), children: receipt.username },
              { key: 'email', label: t('enterpriseReview.result.email'), children: receipt.emailMasked },
            ]}
          />
          <p className="sw-er-result__text">
            {t('enterpriseReview.result.emailText', { email: receipt.emailMasked })}
          </p>
          <p className="sw-er-result__text">{t('enterpriseReview.result.signInText', { date: due })}</p>
          <Space wrap>
            <LinkButton type="primary" to="/login">
              {t('enterpriseReview.result.signIn')}
            </LinkButton>
            <LinkButton to="/">{t('enterpriseReview.result.home')}</LinkButton>
          </Space>
        </Space>
      }
    />
  );
}
