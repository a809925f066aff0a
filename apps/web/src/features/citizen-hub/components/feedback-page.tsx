import { HUB_CATEGORIES, SERVICE_CATEGORIES } from '@sw/contracts';
import { Alert, Button, Form, Input, Select, Skeleton, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCity } from '../../../hooks/use-hub-prefs';
import { useLocale } from '../../../hooks/use-locale';
import { useSession } from '../../../hooks/use-session';
import { applyProblemToForm, describeError, isApiError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { useFeedbackDetail, useMyFeedback, useSendFeedback } from '../api/feedback-api';
import { FaqList } from './faq-list';
import { SignInFirst } from './sign-in-first';

const CONTENT_MAX = 500;

/** The answer of one feedback: the reply step's reason, read from its timeline. */
function Reply({ id }: { id: string }) {
  const { t } = useTranslation();
  const { data } = useFeedbackDetail(id, true);
  const answer = data?.timeline.findLast((e) => e.action === 'reply' || e.action === 'close');
  if (!answer?.reason) return null;
  return (
    <p className="sw-hub-reply">
      <strong>{t('hub.feedback.answer')}</strong>
      {answer.reason}
    </p>
  );
}

function MyFeedback() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { data, isPending } = useMyFeedback(true);
  if (isPending) return <Skeleton active />;
  const items = (data?.items ?? []).filter((a) => a.number);
  if (items.length === 0) return <p className="sw-hub-hint">{t('hub.feedback.noneYet')}</p>;
  return (
    <ul className="sw-hub-list">
      {items.map((a) => (
        <li key={a.id} className="sw-hub-feedback-item">
          <span className="sw-hub-list__text">
            <strong>
              {a.number}{' '}
              <Tag color={a.final ? 'green' : 'blue'} className="sw-hub-progress__tag">
                {a.statusName[locale]}
              </Tag>
            </strong>
            <span>{formatDateTime(a.submittedAt)}</span>
            {a.final ? <Reply id={a.id} /> : null}
          </span>
        </li>
      ))}
    </ul>
  );
}

/**
 * 意见反馈 (seed 003 温馨提示 1): search the 常见问题 first; if they do not answer, leave a message
 * (the hub's staff answer it from the console, by 站内信 and SMS); the person's messages and answers.
 */
export function FeedbackPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [city] = useCity();
  const { data: session, isPending } = useSession();
  const [q, setQ] = useState('');
  const [form] = Form.useForm<{ topic: string; content: string }>();
  const send = useSendFeedback();
  const [sent, setSent] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const topics = [
    { value: 'app', label: t('hub.feedback.topicApp') },
    ...HUB_CATEGORIES.map((c) => ({
      value: c,
      label: SERVICE_CATEGORIES.find((s) => s.code === c)!.name[locale],
    })),
  ];
  return (
    <>
      <section className="sw-hub-section" aria-labelledby="hub-faq-title">
        <h1 id="hub-faq-title">{t('hub.feedback.title')}</h1>
        <Input.Search
          allowClear
          size="large"
          placeholder={t('hub.feedback.search')}
          aria-label={t('hub.feedback.search')}
          onSearch={setQ}
          onChange={(e) => setQ(e.target.value)}
        />
        <h2 className="sw-hub-gap">{t('hub.feedback.hot')}</h2>
        <FaqList q={q} />
      </section>
      <section className="sw-hub-section sw-hub-gap" aria-labelledby="hub-leave-title">
        <h2 id="hub-leave-title">{t('hub.feedback.leave')}</h2>
        {isPending ? (
          <Skeleton active />
        ) : !session ? (
          <SignInFirst title={t('hub.feedback.leave')} />
        ) : (
          <>
            {sent ? (
              <Alert type="success" showIcon role="status" title={t('hub.feedback.sent', { number: sent })} />
            ) : null}
            {failure ? (
              <Alert type="error" showIcon role="alert" title={failure} className="sw-form-alert" />
            ) : null}
            <Form
              form={form}
              layout="vertical"
              requiredMark={false}
              initialValues={{ topic: 'app' }}
              onFinish={async (values) => {
                setFailure(null);
                try {
                  const submitted = await send.mutateAsync({ ...values, city });
                  setSent(submitted.number);
                  form.resetFields(['content']);
                } catch (error) {
                  const problem = isApiError(error) ? error.problem : null;
                  if (
                    !(
                      problem &&
                      applyProblemToForm(form, problem, locale, {
                        aliases: { 'form.content': 'content', 'form.topic': 'topic' },
                      })
                    )
                  )
                    setFailure(describeError(error));
                }
              }}
            >
              <Form.Item name="topic" label={t('hub.feedback.topic')} rules={[{ required: true }]}>
                <Select options={topics} />
              </Form.Item>
              <Form.Item
                name="content"
                label={t('hub.feedback.content')}
                rules={[
                  { required: true, whitespace: true, message: t('hub.feedback.contentRequired') },
                  { max: CONTENT_MAX },
                ]}
              >
                <Input.TextArea rows={4} maxLength={CONTENT_MAX} showCount />
              </Form.Item>
              <Button type="primary" htmlType="submit" size="large" block loading={send.isPending}>
                {t('hub.feedback.submit')}
              </Button>
            </Form>
            <h2 className="sw-hub-gap">{t('hub.feedback.mine')}</h2>
            <MyFeedback />
          </>
        )}
      </section>
    </>
  );
}
