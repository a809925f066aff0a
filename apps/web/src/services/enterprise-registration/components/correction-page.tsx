import { Alert, Button, Card, Descriptions, Form, Result, Select, Skeleton, Space } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  type CorrectEnterpriseRegistrationInput,
  type EnterpriseRegistrationCorrectionView,
  EnterpriseRegistrationRecord,
  type EnterpriseRegistrationSubmitted,
  REGISTRATION_TYPE_NAMES,
  REGISTRATION_TYPES,
  type RegistrationType,
} from '../../../../../server/src/modules/services/enterprise-registration/contract.ts';
import { LinkButton } from '../../../components/link-button';
import { useLocale } from '../../../hooks/use-locale';
import { applyProblemToForm, describeError, isApiError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { useCorrection, useSubmitCorrection } from '../api/enterprise-review';
import { useMessages } from '../messages';
import {
  type AttachmentValues,
  fromRecord,
  schemaErrors,
  toAttachmentsBody,
  toFormBody,
  type UiValues,
} from '../utils/form-model';
import { problemAliases } from '../utils/problem-aliases';
import { AttachmentsSection } from './attachments-section';
import { AdminSection, BasicSection, ContactsSection, SectionTitle, useSchemaRules } from './form-sections';
import { OrgTakenAlert } from './org-taken-alert';
import { SubmittedResult } from './submitted-result';

/** The link is unknown, used, or its application is no longer waiting for a correction. */
function InvalidLink() {
  const m = useMessages();
  return (
    <Result
      status="warning"
      title={<h1 className="sw-result-title">{m('correction.invalidTitle')}</h1>}
      subTitle={m('correction.invalidText')}
      extra={
        <Space wrap>
          <LinkButton type="primary" to="/login">
            {m('result.signIn')}
          </LinkButton>
          <LinkButton to="/">{m('result.home')}</LinkButton>
        </Space>
      }
    />
  );
}

function attachmentsOf(view: EnterpriseRegistrationCorrectionView): AttachmentValues {
  const out: AttachmentValues = {};
  for (const a of view.attachments) {
    const items = out[a.slot] ?? [];
    // already on the application: no token, so kept as it is unless removed
    items.push({
      id: a.fileId,
      name: a.name,
      size: a.size,
      mime: a.mime,
      sha256: '',
      width: null,
      height: null,
      hasThumbnail: false,
    });
    out[a.slot] = items;
  }
  return out;
}

function CorrectionForm({
  token,
  view,
  onSubmitted,
  onLinkInvalid,
}: {
  token: string;
  view: EnterpriseRegistrationCorrectionView;
  onSubmitted: (receipt: EnterpriseRegistrationSubmitted) => void;
  onLinkInvalid: () => void;
}) {
  const m = useMessages();
  const locale = useLocale();
  const [form] = Form.useForm<UiValues>();
  const submit = useSubmitCorrection();
  const rule = useSchemaRules(form, EnterpriseRegistrationRecord, false);
  const [orgTaken, setOrgTaken] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [initialValues] = useState<UiValues>(() => ({
    form: fromRecord(view.form as unknown as Record<string, unknown>),
    attachments: attachmentsOf(view),
  }));
  const type: RegistrationType =
    Form.useWatch(['form', 'registrationType'], form) ?? initialValues.form.registrationType;

  const onFinish = () => {
    const values = form.getFieldsValue(true) as UiValues;
    setFailure(null);
    setOrgTaken(false);
    const formBody = toFormBody(values.form, false);
    const errors = schemaErrors(EnterpriseRegistrationRecord, formBody, locale);
    if (errors.size > 0) {
      const fields = [...errors.values()];
      form.setFields(fields as Parameters<typeof form.setFields>[0]);
      form.scrollToField(fields[0]!.name, { block: 'center' });
      return;
    }
    const attachments = toAttachmentsBody(values.attachments, type);
    submit.mutate(
      { token, form: formBody as CorrectEnterpriseRegistrationInput['form'], attachments },
      {
        onSuccess: (receipt) => {
          onSubmitted(receipt);
          window.scrollTo({ top: 0 });
        },
        onError: (error) => {
          if (!isApiError(error)) {
            setFailure(describeError(error, locale));
            return;
          }
          if (error.code === 'registration.correction_link_invalid' || error.status === 410) {
            onLinkInvalid();
            return;
          }
          const taken = error.code === 'account.org_code_taken' || error.code === 'account.credit_code_taken';
          if (taken) setOrgTaken(true);
          const onField = applyProblemToForm(form, error.problem, locale, {
            aliases: problemAliases(type, attachments),
            codeFields: {
              'account.org_code_taken': type === 'unified' ? 'form.creditCode' : 'form.orgCode',
              'account.credit_code_taken': 'form.creditCode',
            },
          });
          if (onField && !taken) {
            const first = form.getFieldsError().find((f) => f.errors.length > 0);
            if (first) form.scrollToField(first.name, { block: 'center' });
          } else {
            if (!onField) setFailure(describeError(error, locale));
            window.scrollTo({ top: 0, behavior: 'smooth' });
          }
        },
      },
    );
  };

  return (
    <Form<UiValues>
      form={form}
      name="enterprise-correction"
      className="sw-er-form"
      layout="vertical"
      initialValues={initialValues}
      onFinish={onFinish}
      onFinishFailed={({ errorFields }) => {
        if (errorFields[0]) form.scrollToField(errorFields[0].name, { block: 'center' });
      }}
      disabled={submit.isPending}
    >
      {orgTaken ? <OrgTakenAlert /> : null}
      {failure ? <Alert type="error" showIcon role="alert" className="sw-block" title={failure} /> : null}
      <Form.Item
        name={['form', 'registrationType']}
        label={m('form.typeField')}
        required
        className="sw-er-type-select"
      >
        <Select
          options={REGISTRATION_TYPES.map((value) => ({
            value,
            label: REGISTRATION_TYPE_NAMES[value][locale],
          }))}
        />
      </Form.Item>
      <BasicSection type={type} rule={rule} />
      <ContactsSection rule={rule} />
      <AdminSection rule={rule} isCorrection />
      <AttachmentsSection type={type} />
      <SectionTitle>{m('sections.submit')}</SectionTitle>
      <div className="sw-er-actions">
        <Button type="primary" htmlType="submit" size="large" loading={submit.isPending}>
          {m('correction.resubmit')}
        </Button>
        <p className="sw-muted">{m('correction.afterSubmit')}</p>
      </div>
    </Form>
  );
}

/**
 * `/apps/enterprise-registration/correction?token=…` — the link of the 退回 e-mail (001): the reviewer's
 * reasons, the form as submitted (without the password), attachments kept or replaced, 重新提交.
 */
export function EnterpriseCorrectionPage() {
  const { t } = useTranslation();
  const m = useMessages();
  const [params] = useSearchParams();
  const token = params.get('token')?.trim() ?? '';
  const correction = useCorrection(token);
  const [receipt, setReceipt] = useState<EnterpriseRegistrationSubmitted | null>(null);
  const [linkInvalid, setLinkInvalid] = useState(false);

  let body: ReactNode;
  if (receipt) {
    body = <SubmittedResult receipt={receipt} isCorrection />;
  } else if (!token || linkInvalid) {
    body = <InvalidLink />;
  } else if (correction.isPending) {
    body = <Skeleton active paragraph={{ rows: 10 }} />;
  } else if (correction.isError) {
    const status = isApiError(correction.error) ? correction.error.status : 0;
    body =
      status === 400 || status === 404 || status === 410 ? (
        <InvalidLink />
      ) : (
        <Alert
          type="error"
          showIcon
          title={describeError(correction.error)}
          action={
            <Button size="small" onClick={() => void correction.refetch()}>
              {t('common.retry')}
            </Button>
          }
        />
      );
  } else {
    const view = correction.data;
    body = (
      <>
        <h1 className="sw-form-card__title">{m('correction.title')}</h1>
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, sm: 2 }}
          className="sw-block"
          items={[
            {
              key: 'number',
              label: m('result.number'),
              children: <strong>{view.number}</strong>,
            },
            {
              key: 'expires',
              label: m('correction.linkValidUntil'),
              children: formatDateTime(view.expiresAt),
            },
          ]}
        />
        <Alert
          type="warning"
          showIcon
          className="sw-block"
          data-testid="correction-reasons"
          title={m('correction.reasonsTitle')}
          description={<span className="sw-er-reasons">{view.reasons ?? m('correction.noReasons')}</span>}
        />
        <CorrectionForm
          token={token}
          view={view}
          onSubmitted={setReceipt}
          onLinkInvalid={() => setLinkInvalid(true)}
        />
      </>
    );
  }

  return (
    <div className="sw-container sw-container--wide-form">
      <Card className="sw-form-card">{body}</Card>
    </div>
  );
}
