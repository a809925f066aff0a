import {
  CONSULTATION_MESSAGE_MAX,
  type ConsultationList,
  type ConsultationThread,
  type ConsultationView,
} from '@sw/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, List, Popconfirm, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../hooks/use-locale';
import { apiClient, applyProblemToForm, describeError, isApiError } from '../../lib/api-client';
import { MessageList } from './message-list';
import { useThread } from './use-thread';

const BASE = '/api/consultations';

function useMine(serviceCode: string, enabled = true, refetchInterval: number | false = false) {
  return useQuery({
    queryKey: ['consultations', 'mine', serviceCode],
    queryFn: ({ signal }) => apiClient.get<ConsultationList>(BASE, { query: { serviceCode }, signal }),
    refetchOnWindowFocus: true,
    enabled,
    refetchInterval,
  });
}

/**
 * Answers not read yet in the person's conversations with a service: the 【在线咨询】 button's
 * badge while its panel is closed (asked every 30 s while signed in).
 */
export function useConsultationUnread(serviceCode: string, signedIn: boolean): number {
  const mine = useMine(serviceCode, signedIn, 30_000);
  return (mine.data?.items ?? []).reduce((sum, c) => sum + c.unread, 0);
}

/** The message box under a conversation (or the question that opens one). */
function Composer({
  label,
  placeholder,
  submitLabel,
  onSubmit,
  extra,
}: {
  label: string;
  placeholder?: string;
  submitLabel: string;
  onSubmit: (body: string) => Promise<unknown>;
  extra?: React.ReactNode;
}) {
  const locale = useLocale();
  const [form] = Form.useForm<{ body: string }>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const submit = async ({ body }: { body: string }) => {
    setBusy(true);
    setFailure(null);
    try {
      await onSubmit(body);
      form.resetFields();
    } catch (error) {
      if (!(isApiError(error) && applyProblemToForm(form, error.problem, locale))) {
        setFailure(describeError(error, locale));
      }
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={submit} className="sw-chat__composer">
      <Form.Item name="body" label={label} rules={[{ required: true, whitespace: true }]}>
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={CONSULTATION_MESSAGE_MAX}
          showCount
          placeholder={placeholder}
          onKeyDown={(e) => {
            // Ctrl/⌘ + Enter sends; Enter alone is a new line
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) form.submit();
          }}
        />
      </Form.Item>
      {failure && <Alert type="error" showIcon message={failure} className="sw-block" />}
      <Space wrap>
        <Button type="primary" htmlType="submit" loading={busy}>
          {submitLabel}
        </Button>
        {extra}
      </Space>
    </Form>
  );
}

function StatusLine({ consultation }: { consultation: ConsultationView }) {
  const { t } = useTranslation();
  if (consultation.status === 'waiting')
    return <Alert type="info" showIcon message={t('consultations.waiting')} />;
  if (consultation.status === 'active') {
    return (
      <Alert type="success" showIcon message={t('consultations.active', { seat: consultation.seat ?? '' })} />
    );
  }
  return <Alert type="warning" showIcon message={t('consultations.closed')} />;
}

/**
 * 在线咨询 for a signed-in applicant (seed 000 ch.5): ask a question, wait for a seat, chat, end
 * it; the past conversations stay readable. Polls while a conversation is open.
 */
export function ConsultationPanel({ serviceCode }: { serviceCode: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const mine = useMine(serviceCode);
  const [viewing, setViewing] = useState<string | null>(null);
  const items = mine.data?.items ?? [];
  const open = items.find((c) => c.status !== 'closed');
  const current = viewing ?? open?.id ?? null;
  const { thread, merge } = useThread(BASE, current);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['consultations', 'mine', serviceCode] });

  const start = async (body: string) => {
    const created = await apiClient.post<ConsultationThread>(BASE, { serviceCode, body });
    merge(created);
    setViewing(null);
    await refresh();
  };
  const send = async (body: string) => {
    merge(await apiClient.post<ConsultationThread>(`${BASE}/${current}/messages`, { body }));
  };
  const end = async () => {
    try {
      merge(await apiClient.post<ConsultationThread>(`${BASE}/${current}/close`));
    } finally {
      await refresh();
    }
  };

  if (mine.isPending) return null;
  if (mine.isError) return <Alert type="error" showIcon message={describeError(mine.error, locale)} />;
  const history = items.filter((c) => c.status === 'closed' && c.id !== current);
  const showing = thread && thread.consultation.id === current ? thread : null;

  return (
    <div className="sw-chat">
      {showing ? (
        <>
          <StatusLine consultation={showing.consultation} />
          <MessageList messages={showing.messages} own="applicant" label={t('consultations.conversation')} />
          {showing.consultation.status !== 'closed' ? (
            <Composer
              label={t('consultations.message')}
              submitLabel={t('consultations.send')}
              onSubmit={send}
              extra={
                <Popconfirm title={t('consultations.endConfirm')} onConfirm={end}>
                  <Button>{t('consultations.end')}</Button>
                </Popconfirm>
              }
            />
          ) : (
            <Space wrap>
              {viewing && (
                <Button onClick={() => setViewing(null)}>{t('consultations.backToCurrent')}</Button>
              )}
              {!viewing && (
                <Composer
                  label={t('consultations.ask')}
                  placeholder={t('consultations.askPlaceholder')}
                  submitLabel={t('consultations.start')}
                  onSubmit={start}
                />
              )}
            </Space>
          )}
        </>
      ) : current ? null : (
        <Composer
          label={t('consultations.ask')}
          placeholder={t('consultations.askPlaceholder')}
          submitLabel={t('consultations.start')}
          onSubmit={start}
        />
      )}
      <List
        className="sw-chat__history"
        header={<strong>{t('consultations.history')}</strong>}
        locale={{ emptyText: t('consultations.noHistory') }}
        size="small"
        dataSource={history}
        renderItem={(c) => (
          <List.Item>
            <Button type="link" onClick={() => setViewing(c.id)} className="sw-chat__history-link">
              {c.subject}
            </Button>
            <Tag>{new Date(c.createdAt).toLocaleString(locale)}</Tag>
          </List.Item>
        )}
      />
    </div>
  );
}
