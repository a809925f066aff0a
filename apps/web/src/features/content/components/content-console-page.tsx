import { DeleteOutlined, EditOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  type ArticleListItem,
  CONTENT_KINDS,
  CONTENT_STATUSES,
  type ContentKind,
  type ContentStatus,
} from '@sw/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { LoadMore } from '../../../components/load-more';
import { NotFoundResult } from '../../../components/not-found-result';
import { PageTitle } from '../../../components/page-title';
import { TableEmpty } from '../../../components/table-empty';
import { useErrorReporter } from '../../../hooks/use-error-reporter';
import { useLocale } from '../../../hooks/use-locale';
import { describeError, isApiError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { type ArticleFilters, useArticleChange, useArticles, useServiceOptions } from '../api/content';
import { ArticleEditor, type EditorTarget } from './article-editor';
import '../content.css';

const STATUS_COLOURS: Record<ContentStatus, string> = { draft: 'default', published: 'green' };

type FilterValues = { status?: ContentStatus; service?: string; q?: string };

function isKind(value: string | undefined): value is ContentKind {
  return (CONTENT_KINDS as readonly string[]).includes(value ?? '');
}

/** `/console/content/:kind` — 内容管理: the articles of one section (platform admins). */
export function ContentConsolePage() {
  const { kind } = useParams();
  if (!isKind(kind)) return <NotFoundResult homePath="/console" />;
  // a section of its own: filters and the editor start afresh when the menu switches sections
  return <ArticleSection key={kind} kind={kind} />;
}

function ArticleSection({ kind }: { kind: ContentKind }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message, modal } = App.useApp();
  const report = useErrorReporter();
  const [form] = Form.useForm<FilterValues>();
  const [filters, setFilters] = useState<ArticleFilters>({ kind });
  const [editing, setEditing] = useState<EditorTarget | null>(null);
  const articles = useArticles(filters);
  const services = useServiceOptions();
  const change = useArticleChange();
  const items = useMemo(() => articles.data?.pages.flatMap((p) => p.items) ?? [], [articles.data]);
  const serviceNames = useMemo(
    () => new Map((services.data ?? []).map((s) => [s.code, s.name[locale]])),
    [services.data, locale],
  );

  const search = (values: FilterValues) =>
    setFilters({
      kind,
      ...(values.status ? { status: values.status } : {}),
      ...(values.service ? { service: values.service } : {}),
      ...(values.q?.trim() ? { q: values.q.trim() } : {}),
    });

  /** Publish, unpublish or delete after a confirmation; the server audits each. */
  const confirm = (action: 'publish' | 'unpublish' | 'delete', article: ArticleListItem) => {
    const title = article.title['zh-CN'];
    const texts = {
      publish: ['content.confirmPublish', 'content.confirmPublishText', 'content.published'],
      unpublish: ['content.confirmUnpublish', 'content.confirmUnpublishText', 'content.unpublished'],
      delete: ['content.confirmDelete', 'content.confirmDeleteText', 'content.deleted'],
    } as const;
    const [question, effect, done] = texts[action];
    modal.confirm({
      title: t(question, { title }),
      content: t(effect),
      okText: t(`content.${action}`),
      okButtonProps: action === 'delete' ? { danger: true } : {},
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await change.mutateAsync({ kind: action, id: article.id, version: article.version });
          void message.success(t(done, { title }));
        } catch (error) {
          if (isApiError(error) && error.code === 'content.version_conflict') {
            void message.warning(t('content.conflict'));
          } else {
            report(error);
          }
        }
      },
    });
  };

  const none = t('content.none');
  const columns: TableColumnsType<ArticleListItem> = [
    {
      key: 'title',
      title: t('content.columns.title'),
      render: (_, a) => (
        <Space orientation="vertical" size={2}>
          <Button
            type="link"
            className="sw-content-title-link"
            onClick={() => setEditing({ kind: 'edit', id: a.id })}
          >
            {a.title['zh-CN']}
          </Button>
          <Space size={4} wrap>
            {a.title['zh-HK'] ? <Tag>繁</Tag> : null}
            {a.title.en ? <Tag>EN</Tag> : null}
          </Space>
        </Space>
      ),
    },
    {
      key: 'status',
      title: t('content.columns.status'),
      width: 100,
      render: (_, a) => <Tag color={STATUS_COLOURS[a.status]}>{t(`content.statuses.${a.status}`)}</Tag>,
    },
    {
      key: 'service',
      title: t('content.columns.service'),
      render: (_, a) => (a.serviceCode ? (serviceNames.get(a.serviceCode) ?? a.serviceCode) : none),
    },
    { key: 'author', title: t('content.columns.author'), render: (_, a) => a.author.name || none },
    {
      key: 'updatedAt',
      title: t('content.columns.updatedAt'),
      render: (_, a) => formatDateTime(a.updatedAt, none),
    },
    {
      key: 'publishedAt',
      title: t('content.columns.publishedAt'),
      render: (_, a) => (a.status === 'published' ? formatDateTime(a.publishedAt, none) : none),
    },
    {
      key: 'actions',
      title: t('content.columns.actions'),
      fixed: 'right',
      render: (_, a) => {
        const title = a.title['zh-CN'];
        return (
          <Space size={4} wrap>
            <Button
              size="small"
              icon={<EditOutlined />}
              onClick={() => setEditing({ kind: 'edit', id: a.id })}
              aria-label={t('content.editOf', { title })}
            >
              {t('content.edit')}
            </Button>
            {a.status === 'published' ? (
              <>
                <Button
                  size="small"
                  onClick={() => confirm('unpublish', a)}
                  aria-label={t('content.unpublishOf', { title })}
                >
                  {t('content.unpublish')}
                </Button>
                {kind === 'guide' ? null : (
                  <Button
                    size="small"
                    type="link"
                    href={`/articles/${a.id}`}
                    target="_blank"
                    rel="noopener noreferrer"
                    aria-label={t('content.viewOf', { title })}
                  >
                    {t('content.view')}
                  </Button>
                )}
              </>
            ) : (
              <>
                <Button
                  size="small"
                  type="primary"
                  ghost
                  onClick={() => confirm('publish', a)}
                  aria-label={t('content.publishOf', { title })}
                >
                  {t('content.publish')}
                </Button>
                <Button
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  onClick={() => confirm('delete', a)}
                  aria-label={t('content.deleteOf', { title })}
                >
                  {t('content.delete')}
                </Button>
              </>
            )}
          </Space>
        );
      },
    },
  ];

  return (
    <div className="sw-workspace-page">
      <PageTitle
        extra={
          <Space wrap>
            <Button
              icon={<ReloadOutlined />}
              onClick={() => void articles.refetch()}
              loading={articles.isRefetching}
            >
              {t('common.refresh')}
            </Button>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing({ kind: 'new', articleKind: kind })}
            >
              {t('content.create')}
            </Button>
          </Space>
        }
      >
        {t(`content.kinds.${kind}`)}
      </PageTitle>
      <p className="sw-lead">{t(`content.lead.${kind}`)}</p>
      <Card>
        <Form<FilterValues>
          form={form}
          name={`content-${kind}`}
          layout="inline"
          className="sw-content-filters"
          onFinish={search}
        >
          <Form.Item name="status" label={t('content.filters.status')}>
            <Select
              allowClear
              style={{ width: 140 }}
              placeholder={t('content.filters.allStatuses')}
              options={CONTENT_STATUSES.map((s) => ({ value: s, label: t(`content.statuses.${s}`) }))}
            />
          </Form.Item>
          <Form.Item name="service" label={t('content.filters.service')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 220 }}
              placeholder={t('content.filters.allServices')}
              options={(services.data ?? []).map((s) => ({ value: s.code, label: s.name[locale] }))}
            />
          </Form.Item>
          <Form.Item name="q" label={t('content.filters.q')}>
            <Input allowClear maxLength={100} placeholder={t('content.filters.qPlaceholder')} />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit">
                {t('content.filters.search')}
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  setFilters({ kind });
                }}
              >
                {t('content.filters.reset')}
              </Button>
            </Space>
          </Form.Item>
        </Form>
        {articles.isError ? (
          <Alert type="error" showIcon title={describeError(articles.error)} />
        ) : (
          <>
            <Table<ArticleListItem>
              rowKey="id"
              size="middle"
              loading={articles.isPending}
              columns={columns}
              dataSource={items}
              pagination={false}
              locale={{ emptyText: <TableEmpty text={t('content.empty')} /> }}
              scroll={{ x: 1000 }}
            />
            {items.length > 0 ? (
              <LoadMore
                hasMore={articles.hasNextPage}
                loading={articles.isFetchingNextPage}
                onLoad={() => void articles.fetchNextPage()}
                count={items.length}
              />
            ) : null}
          </>
        )}
      </Card>
      <ArticleEditor target={editing} onClose={() => setEditing(null)} />
    </div>
  );
}
