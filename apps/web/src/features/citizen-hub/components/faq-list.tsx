import { Collapse, Empty, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFaqAnswer, useFaqs } from '../api/feedback-api';

function Answer({ id }: { id: string }) {
  const { data, isPending } = useFaqAnswer(id, true);
  if (isPending) return <Skeleton active paragraph={{ rows: 2 }} />;
  // the HTML was sanitised by the server when the article was saved
  // biome-ignore lint/security/noDangerouslySetInnerHtml: server-sanitised article HTML
  return <div className="sw-hub-faq__answer" dangerouslySetInnerHTML={{ __html: data?.html ?? '' }} />;
}

/** 常见问题 of a category (or all, filtered by `q`): questions that open to their answers. */
export function FaqList({ category, q = '', heading }: { category?: string; q?: string; heading?: string }) {
  const { t } = useTranslation();
  const { data, isPending } = useFaqs(category);
  const [open, setOpen] = useState<string[]>([]);
  if (isPending) return <Skeleton active />;
  const needle = q.trim().toLowerCase();
  const items = (data?.items ?? []).filter(
    (a) => !needle || a.title.toLowerCase().includes(needle) || a.summary.toLowerCase().includes(needle),
  );
  if (items.length === 0) return category ? null : <Empty description={t('hub.feedback.noFaq')} />;
  const list = (
    <Collapse
      className="sw-hub-faq"
      activeKey={open}
      onChange={(keys) => setOpen(keys as string[])}
      items={items.map((a) => ({
        key: a.id,
        label: a.title,
        children: open.includes(a.id) ? <Answer id={a.id} /> : null,
      }))}
    />
  );
  if (!heading) return list;
  // a category's page: its own section, only when the category has questions
  return (
    <section className="sw-hub-section sw-hub-gap" aria-labelledby="hub-faq-title">
      <h2 id="hub-faq-title">{heading}</h2>
      {list}
    </section>
  );
}
