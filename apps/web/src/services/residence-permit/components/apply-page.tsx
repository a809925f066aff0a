import { type ApplicationDetail, REAL_NAME_LEVELS } from '@sw/contracts';
import { Alert, Button, Card, Form, Input, Radio, Select, Skeleton, Space } from 'antd';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import {
  COLLECTION_METHODS,
  PERMIT_ATTACHMENTS,
  PERMIT_FIELDS,
} from '../../../../../server/src/modules/services/residence-permit/contract.ts';
import { LinkButton } from '../../../components/link-button';
import { PageTitle } from '../../../components/page-title';
import { SessionGate } from '../../../components/session-gate';
import { useLocale } from '../../../hooks/use-locale';
import { describeError } from '../../../lib/api-client';
import { maxLengthRule, requiredRule } from '../../../lib/form-rules';
import { DraftAttachmentSlot } from '../../kit/draft-attachments';
import { DraftSaveStatus, useDraftSubmit } from '../../kit/draft-submit';
import { SubmitReceipt } from '../../kit/submit-receipt';
import { useServerDraft } from '../../kit/use-server-draft';
import { usePermitRegistrations } from '../api';
import { useMessages } from '../messages';

type FormValues = {
  registrationNumber?: string;
  collection?: string;
  postalAddress?: string;
  attachments?: unknown;
};

/** The form as the draft stores it: what the applicant chose (the server adds the registration's data). */
function formOf(values: FormValues): Record<string, unknown> {
  const { attachments: _files, ...form } = values;
  return form;
}

function ApplyForm({ draftId, registration }: { draftId: string | null; registration: string | null }) {
  const m = useMessages();
  const locale = useLocale();
  const [, setParams] = useSearchParams();
  const [form] = Form.useForm<FormValues>();
  const collection = Form.useWatch('collection', form);
  const registrations = usePermitRegistrations();
  const onCreated = useCallback(
    (created: ApplicationDetail) => setParams({ draft: created.id }, { replace: true }),
    [setParams],
  );
  const draft = useServerDraft({ serviceCode: 'residence-permit', draftId, onCreated });
  const { submit, submitting, submitted } = useDraftSubmit(form, draft, formOf);
  const label = (path: string) => PERMIT_FIELDS[path]?.label[locale] ?? path;

  const initial = useMemo<FormValues | null>(() => {
    if (draftId) return draft.application ? (draft.application.form as FormValues) : null;
    if (!registrations.data) return null;
    // from the registration's page (「申领居住证」), or the only one that may be used now
    const eligible = registrations.data.filter((r) => r.eligible);
    const chosen =
      eligible.find((r) => r.number === registration)?.number ??
      (eligible.length === 1 ? eligible[0]!.number : undefined);
    return { registrationNumber: chosen, collection: 'counter' };
  }, [draftId, draft.application, registrations.data, registration]);

  if (submitted) return <SubmitReceipt application={submitted} title={m('submitted')} />;
  const loadError = draft.loadError ?? registrations.error;
  if (loadError) return <Alert type="error" showIcon title={describeError(loadError)} />;
  if (!initial || !registrations.data) return <Skeleton active paragraph={{ rows: 8 }} />;
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
  if (registrations.data.length === 0)
    return (
      <Alert
        type="warning"
        showIcon
        title={m('noRegistration')}
        description={m('rule')}
        action={
          <LinkButton size="small" type="primary" to="/apps/residence-registration/apply">
            {m('toRegistration')}
          </LinkButton>
        }
      />
    );

  return (
    <>
      <PageTitle extra={<DraftSaveStatus draft={draft} />}>{m('title')}</PageTitle>
      <Alert className="sw-block" type="info" showIcon title={m('rule')} />
      <Form<FormValues>
        form={form}
        name="residence-permit"
        layout="vertical"
        initialValues={initial}
        onValuesChange={(_, all) => draft.schedule(formOf(all))}
        onFinish={() => void submit()}
        scrollToFirstError
      >
        <Card className="sw-block" title={<h2 className="sw-card-heading">{m('registrationSection')}</h2>}>
          <Form.Item
            name="registrationNumber"
            label={label('registrationNumber')}
            rules={[{ required: true, message: m('selectRegistration') }]}
          >
            <Select
              placeholder={m('selectRegistration')}
              options={registrations.data.map((r) => ({
                value: r.number,
                disabled: !r.eligible,
                label: `${m('registrationOption', {
                  number: r.number,
                  city: r.cityName[locale],
                  approvedOn: r.approvedOn,
                })}${r.eligible ? '' : `（${m('eligibleFrom', { date: r.eligibleFrom })}）`}`,
              }))}
            />
          </Form.Item>
        </Card>

        <Card className="sw-block" title={<h2 className="sw-card-heading">{m('photoSection')}</h2>}>
          <p className="sw-muted">{m('photoHint')}</p>
          {PERMIT_ATTACHMENTS.map((rule) => (
            <DraftAttachmentSlot
              key={rule.slot}
              serviceCode="residence-permit"
              rule={rule}
              draftId={draft.application?.id ?? draftId}
              ensureDraft={() => draft.flush(formOf(form.getFieldsValue(true)))}
            />
          ))}
        </Card>

        <Card className="sw-block" title={<h2 className="sw-card-heading">{m('collectionSection')}</h2>}>
          <Form.Item name="collection" label={label('collection')} rules={[{ required: true }]}>
            <Radio.Group
              options={Object.entries(COLLECTION_METHODS).map(([code, name]) => ({
                value: code,
                label: name[locale],
              }))}
            />
          </Form.Item>
          {collection === 'post' ? (
            <Form.Item
              name="postalAddress"
              label={label('postalAddress')}
              extra={m('addressHint')}
              rules={[requiredRule(locale), maxLengthRule(120, locale)]}
            >
              <Input maxLength={120} autoComplete="street-address" />
            </Form.Item>
          ) : null}
        </Card>

        <Space className="sw-block">
          <Button type="primary" size="large" htmlType="submit" loading={submitting}>
            {submitting ? m('submitting') : m('submit')}
          </Button>
        </Space>
      </Form>
    </>
  );
}

/**
 * `/apps/residence-permit/apply` — 申领居住证 (003 三、1), `?registration=<number>` to choose one,
 * `?draft=` to continue a draft. Individuals with 实名认证 (中) only, as the server checks too.
 */
export function ApplyPage() {
  const m = useMessages();
  const [params] = useSearchParams();
  return (
    <div className="sw-container">
      <p className="sw-muted">{m('breadcrumb')}</p>
      <SessionGate>
        {(session) => {
          const { account } = session;
          if (account.kind !== 'individual')
            return <Alert type="warning" showIcon title={m('notIndividual')} />;
          if (REAL_NAME_LEVELS.indexOf(account.realNameLevel) < REAL_NAME_LEVELS.indexOf('medium'))
            return (
              <Alert
                type="warning"
                showIcon
                title={m('realNameNeeded')}
                action={
                  <LinkButton size="small" type="primary" to="/account/real-name">
                    {m('toRealName')}
                  </LinkButton>
                }
              />
            );
          // a new draft id in the address keeps the same form (no remount)
          return <ApplyForm draftId={params.get('draft')} registration={params.get('registration')} />;
        }}
      </SessionGate>
    </div>
  );
}
