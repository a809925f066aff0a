import type { ApplicationSummary } from '@sw/contracts';
import { StatusTag } from '../../../components/casework/status-badge';

/** The status of an application as a tag in the service's own colour for that state. */
export function ApplicationStatusTag({
  application,
}: {
  application: Pick<ApplicationSummary, 'status' | 'statusName' | 'statusTone'>;
}) {
  return (
    <StatusTag status={application.status} name={application.statusName} tone={application.statusTone} />
  );
}
