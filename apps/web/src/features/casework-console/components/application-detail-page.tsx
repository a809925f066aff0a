import { ReloadOutlined, UserAddOutlined, UserDeleteOutlined, UserSwitchOutlined } from '@ant-design/icons';
import type { ConsoleApplicationDetail, Localized } from '@sw/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Popconfirm,
  Result,
  Row,
  Skeleton,
  Space,
  Steps,
  Tag,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { DueDate } from '../../../components/casework/due-date';
import { FormViewSections } from '../../../components/casework/form-view';
import { StatusBadge } from '../../../components/casework/status-badge';
import { LinkButton } from '../../../components/link-button';
import { PageTitle } from '../../../components/page-title';
import { useLocale } from '../../../hooks/use-locale';
import { describeError, isApiError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { ServiceSection } from '../../../services/service-route';
import { revealApplicationField, useApplicationStep, useConsoleApplication } from '../api/application';
import { localized, useConsoleServices } from '../api/services';
import { useStepError } from '../hooks/use-step-error';
import { ApplicantDescriptions } from './applicant-card';
import { AssignModal } from './assign-modal';
import { AttachmentsView } from './attachments-view';
import { DecisionForm } from './decision-form';
import { TimelineView } from './timeline-view';
import '../casework-console.css';

const heading = (text: string) => <h2 className="sw-card-heading">{text}</h2>;

/** `/console/applications/:id` — one application: data, attachments, timeline, and the decision. */
export function ApplicationDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const query = useConsoleApplication(id);

  if (query.isPending) {
    return (
      <div className="sw-workspace-page">
        <PageTitle>{t('casework.detail.tab')}</PageTitle>
        <Skeleton active />
      </div>
    );
  }
  if (query.isError) {
    const status = isApiError(query.error) ? query.error.status : 0;
    if (status === 404 || status === 403) {
      return (
        <Result
          status={status === 404 ? '404' : '403'}
          title={
            <h1 className="sw-result-title">
              {status === 404 ? t('casework.detail.notFound') : t('casework.detail.forbidden')}
            </h1>
          }
          subTitle={describeError(query.error)}
          extra={
            <LinkButton type="primary" to="/console/queue/all">
              {t('casework.detail.backToQueue')}
            </LinkButton>
          }
        />
      );
    }
    return (
      <div className="sw-workspace-page">
        <PageTitle>{t('casework.detail.tab')}</PageTitle>
        <Alert
          type="error"
          showIcon
          title={describeError(query.error)}
          action={<Button onClick={() => void query.refetch()}>{t('common.retry')}</Button>}
        />
      </div>
    );
  }
  return <Detail detail={query.data} refetch={() => void query.refetch()} refreshing={query.isFetching} />;
}

function Detail({
  detail,
  refetch,
  refreshing,
}: {
  detail: ConsoleApplicationDetail;
  refetch: () => void;
  refreshing: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const services = useConsoleServices();
  const step = useApplicationStep(detail.id);
  const onError = useStepError();
  const [assigning, setAssigning] = useState(false);
  const none = t('common.none');

  const service = services.data?.find((s) => s.code === detail.serviceCode);
  const stateNames = useMemo(
    () => new Map<string, Localized>((service?.states ?? []).map((s) => [s.code, s.name])),
    [service],
  );
  const reveal = (path: string, reason: string) => revealApplicationField(detail.id, path, reason);

  const claimOrRelease = async (kind: 'claim' | 'release') => {
    try {
      await step.mutateAsync({ kind, version: detail.version });
      void message.success(t(kind === 'claim' ? 'casework.actions.claimed' : 'casework.actions.released'));
    } catch (error) {
      onError(error);
    }
  };

  const actions = (
    <Space wrap>
      {detail.canClaim ? (
        <Button
          type="primary"
          icon={<UserAddOutlined />}
          loading={step.isPending && step.variables?.kind === 'claim'}
          onClick={() => void claimOrRelease('claim')}
        >
          {t('casework.actions.claim')}
        </Button>
      ) : null}
      {detail.canRelease ? (
        <Popconfirm
          title={t('casework.actions.releaseConfirm')}
          description={t('casework.actions.releaseHint')}
          okText={t('casework.actions.release')}
          cancelText={t('common.cancel')}
          onConfirm={() => claimOrRelease('release')}
        >
          <Button
            icon={<UserDeleteOutlined />}
            loading={step.isPending && step.variables?.kind === 'release'}
          >
            {t('casework.actions.release')}
          </Button>
        </Popconfirm>
      ) : null}
      {detail.canAssign ? (
        <Button icon={<UserSwitchOutlined />} onClick={() => setAssigning(true)}>
          {t('casework.actions.assign')}
        </Button>
      ) : null}
      <Button icon={<ReloadOutlined />} onClick={refetch} loading={refreshing && !step.isPending}>
        {t('common.refresh')}
      </Button>
    </Space>
  );

  const progressItems = [
    { title: t('casework.progress.submitted') },
    { title: t('casework.progress.processing') },
    { title: t('casework.progress.finished') },
  ];

  return (
    <div className="sw-workspace-page">
      <PageTitle extra={actions}>
        {detail.number ?? t('casework.detail.tab')}
        <span className="sw-cw-header-tags">
          <StatusBadge status={detail.status} name={detail.statusName} tone={detail.statusTone} />
          {detail.overdue ? <Tag color="red">{t('casework.due.overdue')}</Tag> : null}
        </span>
      </PageTitle>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card title={heading(t('casework.detail.summary'))}>
            <Steps
              size="small"
              className="sw-block"
              current={detail.progress.current}
              status={detail.progress.status}
              items={progressItems}
            />
            <Descriptions
              bordered
              size="small"
              column={{ xs: 1, md: 2 }}
              items={[
                { key: 'number', label: t('casework.fields.number'), children: detail.number ?? none },
                {
                  key: 'service',
                  label: t('casework.fields.service'),
                  children: localized(detail.serviceName, locale),
                },
                {
                  key: 'status',
                  label: t('casework.fields.status'),
                  children: (
                    <StatusBadge status={detail.status} name={detail.statusName} tone={detail.statusTone} />
                  ),
                },
                {
                  key: 'assignee',
                  label: t('casework.fields.assignee'),
                  children: detail.assigneeName ?? <Tag>{t('casework.unassigned')}</Tag>,
                },
                {
                  key: 'submittedAt',
                  label: t('casework.fields.submittedAt'),
                  children: formatDateTime(detail.submittedAt, none),
                },
                {
                  key: 'dueAt',
                  label: t('casework.fields.dueAt'),
                  children: <DueDate application={detail} countdown />,
                },
                {
                  key: 'updatedAt',
                  label: t('casework.fields.updatedAt'),
                  children: formatDateTime(detail.updatedAt, none),
                },
                {
                  key: 'decidedAt',
                  label: t('casework.fields.decidedAt'),
                  children: formatDateTime(detail.decidedAt, none),
                },
              ]}
            />
          </Card>
          <Card className="sw-block-top" title={heading(t('casework.detail.form'))}>
            <FormViewSections view={detail.formView} onReveal={reveal} />
          </Card>
          <ServiceSection
            code={detail.serviceCode}
            pick={(ui) => ui.ConsoleSection}
            props={{ application: detail }}
          />
          <Card className="sw-block-top" title={heading(t('casework.detail.attachments'))}>
            <AttachmentsView attachments={detail.attachments} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={heading(t('casework.detail.applicant'))}>
            {detail.applicant ? (
              <ApplicantDescriptions applicant={detail.applicant} />
            ) : (
              <p className="sw-cw-muted" style={{ margin: 0 }}>
                {t('casework.detail.guestApplicant', { name: detail.applicantName })}
              </p>
            )}
          </Card>
          <Card className="sw-block-top" title={heading(t('casework.detail.decision'))}>
            {detail.allowedActions.length > 0 ? (
              <DecisionForm key={detail.version} detail={detail} />
            ) : (
              <p className="sw-cw-muted" style={{ margin: 0 }}>
                {detail.final
                  ? t('casework.decision.finished')
                  : detail.canClaim
                    ? t('casework.decision.claimFirst')
                    : t('casework.decision.none')}
              </p>
            )}
          </Card>
          <Card className="sw-block-top" title={heading(t('casework.detail.timeline'))}>
            <TimelineView timeline={detail.timeline} stateNames={stateNames} />
          </Card>
        </Col>
      </Row>
      {detail.canAssign ? (
        <AssignModal detail={detail} open={assigning} onClose={() => setAssigning(false)} />
      ) : null}
    </div>
  );
}
