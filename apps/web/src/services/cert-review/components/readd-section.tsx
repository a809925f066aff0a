import type { ApplicationDetail } from '@sw/contracts';
import { Alert } from 'antd';
import { useMessages } from '../messages';
import { ReAddButton } from './records-page';

/** On the applicant's detail page: 「重新添加」 for a certificate 审核不通过 or 数据有误. */
export function ReAddSection({ application }: { application: ApplicationDetail }) {
  const m = useMessages();
  if (application.status !== 'rejected' && application.status !== 'data_error') return null;
  return (
    <Alert
      type="warning"
      showIcon
      title={m('records.reAdd')}
      description={m('apply.readdNote')}
      action={<ReAddButton applicationId={application.id} />}
    />
  );
}
