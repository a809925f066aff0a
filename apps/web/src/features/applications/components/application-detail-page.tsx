import { ArrowLeftOutlined, FileOutlined, MailOutlined } from '@ant-design/icons';
import type { AllowedAction, ApplicationDetail, ApplicationEventView } from '@sw/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  type DescriptionsProps,
  Empty,
  Form,
  Input,
  Modal,
  Skeleton,
  Space,
  Steps,
  Table,
  type TableColumnsType,
  Tag,
  Timeline,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { DueDate } from '../../../components/casework/due-date';
import { FormViewSections } from '../../../components/casework/form-view';
import { NotFoundResult } from '../../../components/not-found-result';
import { PageTitle } from '../../../components/page-title';
import { useLocale } from '../../../hooks/use-locale';
import { describeError, isApiError } from '../../../lib/api-client';
import { formatBytes, formatDateTime } from '../../../lib/format';
import { serviceManifest } from '../../../services/registry';
import { ServiceSection } from '../../../services/service-route';
import { useApplicantAction, useApplication } from '../api/applications';
import { localized } from '../utils/localized';
import { ApplicationStatusTag } from './application-status-tag';

/** 提交申请 → 审核中 → 办结, with the final step named after the outcome. */
function ProgressSteps({ application }: { application: ApplicationDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { current, status } = application.progress;
  return (
    <Steps
      className="sw-steps"
      current={current}
      status={status}
      items={[
        { title: t('applications.steps.submit'), content: formatDateTime(application.submittedAt, '') },
        { title: t('applications.steps.review') },
        {
          title: application.final ? localized(application.statusName, locale) : t('applications.steps.done'),
          content: formatDateTime(application.decidedAt, ''),
        },
      ]}
    />
  );
}

function EventContent({ event }: { event: ApplicationEventView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="sw-event">
      <div className="sw-muted">{formatDateTime(event.at)}</div>
      <div>
        <strong>{localized(event.actionName, locale)}</strong>
        <span className="sw-muted">
          {' · '}
          {event.actorLabel}
          {' · '}
          {t('applications.toStatus', { status: localized(event.toStatusName, locale) })}
        </span>
      </div>
      {event.reason ? (
        <div className="sw-event__reason">
          {t('applications.reason')}: {event.reason}
        </div>
      ) : null}
    </div>
  );
}

/** Newest first; events of the same instant (创建 and 提交) in the order they were written. */
function newestFirst(events: readonly ApplicationEventView[]): ApplicationEventView[] {
  return [...events].sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || b.id - a.id);
}

/** The newest reason given (e.g. why it was 退回补正), for the correction prompt. */
function latestReason(application: ApplicationDetail): string | null {
  return newestFirst(application.timeline).find((event) => event.reason)?.reason ?? null;
}

type ActionValues = { reason?: string };

/** One applicant step (e.g. 重新提交): a confirmation, with the reason when the step asks for one. */
function ApplicantActionButton({
  application,
  action,
}: {
  application: ApplicationDetail;
  action: AllowedAction;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<ActionValues>();
  const take = useApplicantAction();
  const detail = useApplication(application.id);
  const name = localized(action.name, locale);

  const submit = async (values: ActionValues) => {
    const reason = values.reason?.trim();
    try {
      await take.mutateAsync({
        id: application.id,
        version: application.version,
        action: action.action,
        ...(reason ? { reason } : {}),
        // The form as it stands (unmasked while the applicant may edit it) goes back with the step.
        ...(action.acceptsForm && application.form ? { form: application.form } : {}),
      });
      setOpen(false);
      form.resetFields();
      void message.success(t('applications.actionDone', { action: name }));
    } catch (error) {
      if (isApiError(error) && error.code === 'casework.version_conflict') {
        setOpen(false);
        void detail.refetch();
      }
      void message.error(describeError(error));
    }
  };

  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)}>
        {name}
      </Button>
      <Modal
        open={open}
        title={name}
        okText={name}
        cancelText={t('common.cancel')}
        confirmLoading={take.isPending}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <p>{t('applications.actionConfirm', { action: name, number: application.number ?? '' })}</p>
        <Form<ActionValues> form={form} name={`action-${action.action}`} layout="vertical" onFinish={submit}>
          <Form.Item
            name="reason"
            label={t('applications.actionReason')}
            rules={
              action.reasonRequired
                ? [{ required: true, whitespace: true, message: t('applications.actionReasonRequired') }]
                : []
            }
          >
            <Input.TextArea rows={3} maxLength={1000} showCount />
          </Form.Item>
          {action.reasonTemplates.length > 0 ? (
            <Space wrap>
              {action.reasonTemplates.map((text) => (
                <Button key={text} size="small" onClick={() => form.setFieldValue('reason', text)}>
                  {text}
                </Button>
              ))}
            </Space>
          ) : null}
        </Form>
      </Modal>
    </>
  );
}

/** What the state means and what to do next, in the service's words (002: 「请企业携带证书…」). */
function StatusNote({ application }: { application: ApplicationDetail }) {
  const locale = useLocale();
  if (!application.statusNote) return null;
  const type = application.statusTone === 'success' ? 'success' : application.final ? 'warning' : 'info';
  return (
    <Alert
      type={type}
      showIcon
      className="sw-block"
      title={localized(application.statusName, locale)}
      description={localized(application.statusNote, locale)}
    />
  );
}

/** What the applicant may do now: correct and resubmit after 退回补正, withdraw … */
function ApplicantActions({ application }: { application: ApplicationDetail }) {
  const { t } = useTranslation();
  const actions = application.allowedActions;
  if (actions.length === 0) return null;
  const reason = latestReason(application);
  // A service may correct on a page of its own, or through its e-mailed link (registration with
  // review: the applicant has no account to sign in with yet); the rest resubmit here.
  const own = serviceManifest(application.serviceCode)?.correction;
  const correction = actions.some((a) => a.acceptsForm);
  return (
    <Alert
      type="warning"
      showIcon
      className="sw-block"
      title={correction ? t('applications.correctionTitle') : t('applications.actionsTitle')}
      description={
        <Space orientation="vertical" size="small">
          {reason ? (
            <span>
              {t('applications.reason')}: {reason}
            </span>
          ) : null}
          {own && correction ? (
            'page' in own ? (
              <Link to={own.page(application.id)}>{t('applications.correctOnPage')}</Link>
            ) : (
              <span>{t('applications.correctByEmail')}</span>
            )
          ) : (
            <Space wrap>
              {actions.map((action) => (
                <ApplicantActionButton key={action.action} application={application} action={action} />
              ))}
            </Space>
          )}
        </Space>
      }
    />
  );
}

function Overview({ application }: { application: ApplicationDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const none = t('common.none');
  const items: DescriptionsProps['items'] = [
    {
      key: 'number',
      label: t('applications.number'),
      children: application.number ?? t('applications.draftNumber'),
    },
    {
      key: 'service',
      label: t('applications.service'),
      children: localized(application.serviceName, locale),
    },
    {
      key: 'status',
      label: t('applications.status'),
      children: <ApplicationStatusTag application={application} />,
    },
    { key: 'applicant', label: t('applications.applicant'), children: application.applicantName || none },
    { key: 'createdAt', label: t('applications.createdAt'), children: formatDateTime(application.createdAt) },
    {
      key: 'submittedAt',
      label: t('applications.submittedAt'),
      children: formatDateTime(application.submittedAt, none),
    },
    application.final
      ? {
          key: 'decidedAt',
          label: t('applications.decidedAt'),
          children: formatDateTime(application.decidedAt, none),
        }
      : {
          key: 'dueAt',
          label: t('applications.dueAt'),
          children: application.dueAt ? (
            <Space wrap>
              <DueDate application={application} countdown />
            </Space>
          ) : (
            none
          ),
        },
  ];
  return <Descriptions bordered size="middle" column={{ xs: 1, sm: 1, md: 2 }} items={items} />;
}

function Attachments({ application }: { application: ApplicationDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const columns: TableColumnsType<ApplicationDetail['attachments'][number]> = [
    { key: 'slot', title: t('applications.attachmentSlot'), render: (_, a) => localized(a.slotName, locale) },
    {
      key: 'name',
      title: t('applications.attachmentName'),
      render: (_, a) => (
        <a href={`/api/files/${a.fileId}?inline=1`} target="_blank" rel="noopener noreferrer">
          <FileOutlined aria-hidden="true" /> {a.name}
        </a>
      ),
    },
    { key: 'size', title: t('applications.attachmentSize'), render: (_, a) => formatBytes(a.size) },
  ];
  return (
    <Table
      rowKey="fileId"
      size="small"
      columns={columns}
      dataSource={application.attachments}
      pagination={false}
      scroll={{ x: 560 }}
      locale={{
        emptyText: (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('applications.noAttachments')} />
        ),
      }}
    />
  );
}

function Messages({ application }: { application: ApplicationDetail }) {
  const { t } = useTranslation();
  if (application.messages.length === 0) return <p className="sw-muted">{t('applications.noMessages')}</p>;
  return (
    <ul className="sw-message-list">
      {application.messages.map((m) => (
        <li key={m.id} className="sw-message-list__item">
          <div className="sw-message-list__head">
            <MailOutlined aria-hidden="true" />
            <strong>{m.title}</strong>
            {m.readAt ? null : <Tag color="blue">{t('applications.unread')}</Tag>}
            <span className="sw-muted">{formatDateTime(m.createdAt)}</span>
          </div>
          <p className="sw-message-list__body">{m.body}</p>
        </li>
      ))}
    </ul>
  );
}

/** `/account/applications/:id` — one application: progress, overview, what to do, timeline, attachments, messages. */
export function ApplicationDetailPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const { id = '' } = useParams();
  const detail = useApplication(id);

  const back = (
    <Link to="/account/applications" state={location.state}>
      <ArrowLeftOutlined aria-hidden="true" /> {t('applications.backToList')}
    </Link>
  );

  if (detail.isError) {
    if (isApiError(detail.error) && (detail.error.status === 404 || detail.error.status === 400))
      return <NotFoundResult homePath="/account/applications" />;
    return (
      <div className="sw-workspace-page">
        <PageTitle extra={back}>{t('applications.detailTitle')}</PageTitle>
        <Alert type="error" showIcon title={describeError(detail.error)} />
      </div>
    );
  }
  const application = detail.data;
  return (
    <div className="sw-workspace-page">
      <PageTitle extra={back}>
        {application?.number
          ? t('applications.detailTitleNumber', { number: application.number })
          : t('applications.detailTitle')}
      </PageTitle>
      {application ? (
        <Space orientation="vertical" size="middle" className="sw-stack">
          <Card>
            <ProgressSteps application={application} />
            <StatusNote application={application} />
            <ApplicantActions application={application} />
            <Overview application={application} />
          </Card>
          {application.formView ? (
            <Card title={<h2 className="sw-card-heading">{t('applications.formContent')}</h2>}>
              <FormViewSections view={application.formView} />
            </Card>
          ) : null}
          <ServiceSection
            code={application.serviceCode}
            pick={(ui) => ui.ApplicantSection}
            props={{ application }}
          />
          <Card title={<h2 className="sw-card-heading">{t('applications.timeline')}</h2>}>
            {application.timeline.length === 0 ? (
              <p className="sw-muted">{t('applications.noEvents')}</p>
            ) : (
              <Timeline
                items={newestFirst(application.timeline).map((event) => ({
                  key: event.id,
                  color: event.reason ? 'red' : 'blue',
                  content: <EventContent event={event} />,
                }))}
              />
            )}
          </Card>
          <Card title={<h2 className="sw-card-heading">{t('applications.attachments')}</h2>}>
            <Attachments application={application} />
          </Card>
          <Card title={<h2 className="sw-card-heading">{t('applications.messages')}</h2>}>
            <Messages application={application} />
          </Card>
        </Space>
      ) : (
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      )}
    </div>
  );
}
