import type { ApplicationDetail } from '@sw/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Skeleton, Space } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { LinkButton } from '../../../components/link-button';
import { PageTitle } from '../../../components/page-title';
import { apiClient, describeError, isApiError } from '../../../lib/api-client';
import { applications } from '../../kit/api';
import { applyFormProblem } from '../../kit/problem';
import { SubmitReceipt } from '../../kit/submit-receipt';
import { useMessages } from '../messages';
import { ApplicantGate } from './applicant-gate';
import { formOf, RegistrationFields, type RegistrationValues } from './registration-fields';

/** Why the reviewer returned it: the newest 退回补正's reason. */
function returnReason(application: ApplicationDetail): string | null {
  const returned = application.timeline.filter((event) => event.action === 'return');
  return returned.at(-1)?.reason ?? null;
}

function CorrectionForm({ id }: { id: string }) {
  const m = useMessages();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<RegistrationValues>();
  const [done, setDone] = useState<ApplicationDetail | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const loaded = useQuery({
    queryKey: ['applications', id],
    queryFn: () => applications.get(id),
    retry: false,
  });

  if (done) return <SubmitReceipt application={done} title={m('resubmitted')} />;
  if (loaded.error) return <Alert type="error" showIcon title={describeError(loaded.error)} />;
  if (!loaded.data) return <Skeleton active paragraph={{ rows: 10 }} />;
  const application = loaded.data;
  const step = application.allowedActions.find((action) => action.acceptsForm);
  if (!step || !application.form)
    return (
      <Alert
        type="info"
        showIcon
        title={m('notReturned')}
        action={
          <LinkButton size="small" to={`/account/applications/${application.id}`}>
            {m('toApplication')}
          </LinkButton>
        }
      />
    );

  const submit = async () => {
    let values: RegistrationValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSubmitting(true);
    try {
      // 重新提交: the corrected form goes with the applicant's step (checked in full on the server)
      const resubmitted = await apiClient.post<ApplicationDetail>(`/api/applications/${id}/actions`, {
        action: step.action,
        version: application.version,
        form: formOf(values),
      });
      queryClient.setQueryData(['applications', id], resubmitted);
      setDone(resubmitted);
    } catch (error) {
      if (isApiError(error) && error.code === 'casework.version_conflict') void loaded.refetch();
      if (!(isApiError(error) && applyFormProblem(form, error.problem)))
        void message.error(describeError(error));
    } finally {
      setSubmitting(false);
    }
  };

  const reason = returnReason(application);
  return (
    <>
      <PageTitle>{m('correctionTitle')}</PageTitle>
      <Alert
        className="sw-block"
        type="warning"
        showIcon
        title={`${application.number ?? ''} · ${m('returnedReason')}`}
        description={reason ?? undefined}
      />
      <Form<RegistrationValues>
        form={form}
        name="residence-registration-correction"
        layout="vertical"
        initialValues={application.form as RegistrationValues}
        onFinish={() => void submit()}
        scrollToFirstError
      >
        <RegistrationFields applicationId={application.id} ensureApplication={async () => application} />
        <Space className="sw-block">
          <Button type="primary" size="large" htmlType="submit" loading={submitting}>
            {submitting ? m('submitting') : m('resubmit')}
          </Button>
          <LinkButton size="large" to={`/account/applications/${application.id}`}>
            {m('toApplication')}
          </LinkButton>
        </Space>
      </Form>
    </>
  );
}

/** `/apps/residence-registration/correction?id=` — 退回补正: correct the fields and the proof, resubmit. */
export function CorrectionPage() {
  const m = useMessages();
  const [params] = useSearchParams();
  const id = params.get('id');
  return (
    <div className="sw-container">
      <p className="sw-muted">{m('breadcrumb')}</p>
      <ApplicantGate>
        {id ? <CorrectionForm id={id} /> : <Alert type="info" showIcon title={m('notReturned')} />}
      </ApplicantGate>
    </div>
  );
}
