import type { ApplicationDetail } from '@sw/contracts';
import { Alert, Button, Form, Skeleton, Space } from 'antd';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { LinkButton } from '../../../components/link-button';
import { PageTitle } from '../../../components/page-title';
import { useLocale } from '../../../hooks/use-locale';
import { describeError } from '../../../lib/api-client';
import { DraftSaveStatus, useDraftSubmit } from '../../kit/draft-submit';
import { SubmitReceipt } from '../../kit/submit-receipt';
import { useServerDraft } from '../../kit/use-server-draft';
import { useMessages } from '../messages';
import { ApplicantGate } from './applicant-gate';
import { formOf, RegistrationFields, type RegistrationValues } from './registration-fields';

function ApplyForm({ draftId }: { draftId: string | null }) {
  const m = useMessages();
  const locale = useLocale();
  const [, setParams] = useSearchParams();
  const [form] = Form.useForm<RegistrationValues>();
  const onCreated = useCallback(
    (created: ApplicationDetail) => setParams({ draft: created.id }, { replace: true }),
    [setParams],
  );
  const draft = useServerDraft({ serviceCode: 'residence-registration', draftId, onCreated });
  const { submit, submitting, submitted } = useDraftSubmit(form, draft, formOf);
  const initial = useMemo<RegistrationValues | null>(() => {
    if (!draftId) return {};
    return draft.application ? (draft.application.form as RegistrationValues) : null;
  }, [draftId, draft.application]);

  if (submitted) return <SubmitReceipt application={submitted} title={m('submitted')} />;
  if (draft.loadError) return <Alert type="error" showIcon title={describeError(draft.loadError)} />;
  if (!initial) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (draftId && draft.application && draft.application.status !== 'draft')
    return (
      <Alert
        type="info"
        showIcon
        title={draft.application.statusName[locale]}
        action={
          <LinkButton size="small" to={`/account/applications/${draft.application.id}`}>
            {draft.application.number}
          </LinkButton>
        }
      />
    );

  return (
    <>
      <PageTitle extra={<DraftSaveStatus draft={draft} />}>{m('title')}</PageTitle>
      <Alert className="sw-block" type="info" showIcon title={m('intro')} />
      <Form<RegistrationValues>
        form={form}
        name="residence-registration"
        layout="vertical"
        initialValues={initial}
        onValuesChange={(_, all) => draft.schedule(formOf(all))}
        onFinish={() => void submit()}
        scrollToFirstError
      >
        <RegistrationFields
          applicationId={draft.application?.id ?? draftId}
          ensureApplication={() => draft.flush(formOf(form.getFieldsValue(true)))}
        />
        <Space className="sw-block">
          <Button type="primary" size="large" htmlType="submit" loading={submitting}>
            {submitting ? m('submitting') : m('submit')}
          </Button>
        </Space>
      </Form>
    </>
  );
}

/** `/apps/residence-registration/apply` — 申报居住登记 (003 三、1), `?draft=` to continue one. */
export function ApplyPage() {
  const m = useMessages();
  const [params] = useSearchParams();
  return (
    <div className="sw-container">
      <p className="sw-muted">{m('breadcrumb')}</p>
      <ApplicantGate>
        {/* a new draft id in the address keeps the same form (no remount) */}
        <ApplyForm draftId={params.get('draft')} />
      </ApplicantGate>
    </div>
  );
}
