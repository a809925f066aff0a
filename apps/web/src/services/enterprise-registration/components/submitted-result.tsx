import { Descriptions, Result, Space } from 'antd';
import type { EnterpriseRegistrationSubmitted } from '../../../../../server/src/modules/services/enterprise-registration/contract.ts';
import { LinkButton } from '../../../components/link-button';
import { formatChinaDate } from '../../../lib/format';
import { useMessages } from '../messages';

/** 提交成功: the number, the review's due date (2 working days), where the result goes, and sign-in. */
export function SubmittedResult({
  receipt,
  isCorrection = false,
}: {
  receipt: EnterpriseRegistrationSubmitted;
  isCorrection?: boolean;
}) {
  const m = useMessages();
  const due = formatChinaDate(receipt.dueAt);
  return (
    <Result
      status="success"
      title={
        <h1 className="sw-result-title">{isCorrection ? m('result.resubmittedTitle') : m('result.title')}</h1>
      }
      subTitle={
        <span data-testid="review-due">{m('result.due', { date: due, days: receipt.slaWorkingDays })}</span>
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
                label: m('result.number'),
                children: <strong data-testid="application-number">{receipt.number}</strong>,
              },
              { key: 'username', label: m('result.username'), children: receipt.username },
              { key: 'email', label: m('result.email'), children: receipt.emailMasked },
            ]}
          />
          <p className="sw-er-result__text">{m('result.emailText', { email: receipt.emailMasked })}</p>
          <p className="sw-er-result__text">{m('result.signInText', { date: due })}</p>
          <Space wrap>
            <LinkButton type="primary" to="/login">
              {m('result.signIn')}
            </LinkButton>
            <LinkButton to="/">{m('result.home')}</LinkButton>
          </Space>
        </Space>
      }
    />
  );
}
