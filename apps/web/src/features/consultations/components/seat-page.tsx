import {
  CANNED_REPLY_TITLE_MAX,
  CONSULTATION_MESSAGE_MAX,
  type ConsultationThread,
  type ConsultationView,
} from '@sw/contracts';
import {
  Alert,
  Badge,
  Button,
  Card,
  Empty,
  Form,
  Input,
  List,
  Modal,
  Popconfirm,
  Select,
  Space,
  Tabs,
  Tag,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MessageList } from '../../../components/consultation/message-list';
import { useThread } from '../../../components/consultation/use-thread';
import { PageTitle } from '../../../components/page-title';
import { useLocale } from '../../../hooks/use-locale';
import { apiClient, applyProblemToForm, describeError, isApiError } from '../../../lib/api-client';
import {
  SEAT_BASE,
  type SeatQueue,
  useAddCannedReply,
  useCannedReplies,
  useRefreshQueues,
  useRemoveCannedReply,
  useSeatQueue,
  useSeatServices,
} from '../api/seat';

const QUEUES: SeatQueue[] = ['waiting', 'mine', 'closed'];

function QueueList({
  service,
  queue,
  selected,
  onSelect,
}: {
  service: string;
  queue: SeatQueue;
  selected: string | null;
  onSelect: (c: ConsultationView) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const list = useSeatQueue(service, queue);
  if (list.isError) return <Alert type="error" showIcon message={describeError(list.error, locale)} />;
  return (
    <List
      loading={list.isPending}
      size="small"
      locale={{ emptyText: t('consultations.seat.empty') }}
      dataSource={list.data?.items ?? []}
      renderItem={(c) => (
        <List.Item>
          <button
            type="button"
            className={`sw-seat__item${c.id === selected ? ' sw-seat__item--selected' : ''}`}
            aria-current={c.id === selected ? 'true' : undefined}
            onClick={() => onSelect(c)}
          >
            <Space direction="vertical" size={0}>
              <span>
                {c.subject}{' '}
                {c.unread > 0 && queue !== 'closed' && (
                  <Badge count={c.unread} aria-label={t('consultations.newMessages', { count: c.unread })} />
                )}
              </span>
              <small>
                {t('consultations.seat.applicant', { username: c.applicant ?? '' })} ·{' '}
                {new Date(c.createdAt).toLocaleString(locale)}
              </small>
            </Space>
          </button>
        </List.Item>
      )}
    />
  );
}

function CannedManager({ service, open, onClose }: { service: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const replies = useCannedReplies(service);
  const add = useAddCannedReply(service);
  const remove = useRemoveCannedReply(service);
  const [form] = Form.useForm<{ title: string; body: string }>();
  const [failure, setFailure] = useState<string | null>(null);
  const submit = async (values: { title: string; body: string }) => {
    setFailure(null);
    try {
      await add.mutateAsync(values);
      form.resetFields();
    } catch (error) {
      if (!(isApiError(error) && applyProblemToForm(form, error.problem, locale))) {
        setFailure(describeError(error, locale));
      }
    }
  };
  return (
    <Modal open={open} title={t('consultations.seat.manage')} footer={null} onCancel={onClose} width={640}>
      <List
        size="small"
        dataSource={replies.data?.items ?? []}
        locale={{ emptyText: t('consultations.seat.empty') }}
        renderItem={(r) => (
          <List.Item
            actions={[
              <Button key="remove" danger type="link" onClick={() => remove.mutate(r.id)}>
                {t('consultations.seat.remove')}
              </Button>,
            ]}
          >
            <List.Item.Meta title={r.title} description={r.body} />
          </List.Item>
        )}
      />
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="title"
          label={t('consultations.seat.cannedTitle')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={CANNED_REPLY_TITLE_MAX} />
        </Form.Item>
        <Form.Item
          name="body"
          label={t('consultations.seat.cannedBody')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={CONSULTATION_MESSAGE_MAX} />
        </Form.Item>
        {failure && <Alert type="error" showIcon message={failure} className="sw-block" />}
        <Button type="primary" htmlType="submit" loading={add.isPending}>
          {t('consultations.seat.add')}
        </Button>
      </Form>
    </Modal>
  );
}

function Conversation({ service, id, onChanged }: { service: string; id: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { thread, merge, error } = useThread(SEAT_BASE, id);
  const replies = useCannedReplies(service);
  const [form] = Form.useForm<{ body: string }>();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const act = async (call: () => Promise<ConsultationThread>, reset = false) => {
    setFailure(null);
    setBusy(true);
    try {
      merge(await call());
      if (reset) form.resetFields();
      onChanged();
    } catch (e) {
      if (!(isApiError(e) && applyProblemToForm(form, e.problem, locale)))
        setFailure(describeError(e, locale));
      onChanged();
    } finally {
      setBusy(false);
    }
  };
  if (error && !thread) return <Alert type="error" showIcon message={describeError(error, locale)} />;
  if (!thread) return null;
  const c = thread.consultation;
  return (
    <div className="sw-chat">
      <Space wrap>
        <strong>{c.subject}</strong>
        <Tag>{t('consultations.seat.applicant', { username: c.applicant ?? '' })}</Tag>
        <Tag>{t(`consultations.seat.queues.${c.status === 'active' ? 'mine' : c.status}`)}</Tag>
      </Space>
      <MessageList messages={thread.messages} own="staff" label={t('consultations.conversation')} />
      {failure && <Alert type="error" showIcon message={failure} />}
      {c.status === 'waiting' && (
        <Button
          type="primary"
          loading={busy}
          onClick={() => act(() => apiClient.post(`${SEAT_BASE}/${id}/take`))}
        >
          {t('consultations.seat.take')}
        </Button>
      )}
      {c.status === 'active' && (
        <Form
          form={form}
          layout="vertical"
          onFinish={({ body }) => act(() => apiClient.post(`${SEAT_BASE}/${id}/messages`, { body }), true)}
        >
          <Form.Item label={t('consultations.seat.canned')}>
            <Select
              placeholder={t('consultations.seat.cannedPlaceholder')}
              aria-label={t('consultations.seat.canned')}
              value={null}
              options={(replies.data?.items ?? []).map((r) => ({ value: r.id, label: r.title }))}
              onChange={(value: string) => {
                const reply = replies.data?.items.find((r) => r.id === value);
                if (reply) {
                  const now = form.getFieldValue('body') as string | undefined;
                  form.setFieldValue('body', now ? `${now}\n${reply.body}` : reply.body);
                }
              }}
            />
          </Form.Item>
          <Form.Item
            name="body"
            label={t('consultations.message')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 6 }}
              maxLength={CONSULTATION_MESSAGE_MAX}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) form.submit();
              }}
            />
          </Form.Item>
          <Space wrap>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('consultations.send')}
            </Button>
            <Popconfirm
              title={t('consultations.seat.endConfirm')}
              onConfirm={() => act(() => apiClient.post(`${SEAT_BASE}/${id}/close`))}
            >
              <Button>{t('consultations.seat.end')}</Button>
            </Popconfirm>
          </Space>
        </Form>
      )}
    </div>
  );
}

/**
 * `/console/consultations` — a seat of 在线咨询 (seed 000 ch.5): the service's waiting questions,
 * the seat's own conversations and the closed ones; take one, answer (canned answers at hand),
 * end it. The queues refresh every 5 s, an open conversation every 2.5 s.
 */
export function SeatPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const services = useSeatServices();
  const [chosen, setChosen] = useState<string>();
  const [queue, setQueue] = useState<SeatQueue>('waiting');
  const [selected, setSelected] = useState<string | null>(null);
  const [managing, setManaging] = useState(false);
  const refresh = useRefreshQueues();
  // the services the viewer holds a role on (a platform admin sees every service, serves none)
  const list = (services.data ?? []).filter((s) => s.roles.length > 0);
  const service = chosen ?? list[0]?.code;

  if (services.isPending) return null;
  if (list.length === 0) {
    return (
      <>
        <PageTitle>{t('consultations.seat.title')}</PageTitle>
        <Alert type="info" showIcon message={t('consultations.seat.noService')} />
      </>
    );
  }
  return (
    <>
      <PageTitle>{t('consultations.seat.title')}</PageTitle>
      <Space wrap className="sw-block">
        <label htmlFor="seat-service">{t('consultations.seat.service')}</label>
        <Select
          id="seat-service"
          value={service}
          style={{ minWidth: 240 }}
          options={list.map((s) => ({ value: s.code, label: s.name[locale] }))}
          onChange={(value: string) => {
            setChosen(value);
            setSelected(null);
          }}
        />
        <Button onClick={() => setManaging(true)}>{t('consultations.seat.manage')}</Button>
      </Space>
      {service && (
        <div className="sw-seat">
          <Card size="small">
            <Tabs
              activeKey={queue}
              onChange={(key) => setQueue(key as SeatQueue)}
              items={QUEUES.map((q) => ({
                key: q,
                label: t(`consultations.seat.queues.${q}`),
                children: (
                  <QueueList
                    service={service}
                    queue={q}
                    selected={selected}
                    onSelect={(c) => setSelected(c.id)}
                  />
                ),
              }))}
            />
          </Card>
          <Card size="small">
            {selected ? (
              <Conversation key={selected} service={service} id={selected} onChanged={() => void refresh()} />
            ) : (
              <Empty description={t('consultations.seat.choose')} />
            )}
          </Card>
          <CannedManager service={service} open={managing} onClose={() => setManaging(false)} />
        </div>
      )}
    </>
  );
}
