import type { ApplicationDetail } from '@sw/contracts';
import { Alert } from 'antd';
import { LinkButton } from '../../../components/link-button';
import { useMessages } from '../messages';

/** On the applicant's detail of an approved registration: the way on to 申领居住证. */
export function PermitSection({ application }: { application: ApplicationDetail }) {
  const m = useMessages();
  if (application.status !== 'approved' || !application.number) return null;
  return (
    <Alert
      type="success"
      showIcon
      title={m('permitTitle')}
      description={m('permitNote')}
      action={
        <LinkButton
          size="small"
          type="primary"
          to={`/apps/residence-permit/apply?registration=${encodeURIComponent(application.number)}`}
        >
          {m('toPermit')}
        </LinkButton>
      }
    />
  );
}
