import {
  type ArticleView,
  CONTENT_BODY_MAX,
  CONTENT_KINDS,
  CONTENT_LOCALES,
  CONTENT_TITLE_MAX,
  type ContentKind,
  type ContentLocale,
  type CreateArticleBody,
  errorMessage,
  SERVICE_CATEGORIES,
} from '@sw/contracts';
import { Alert, App, Button, Col, Drawer, Form, Input, Row, Select, Skeleton, Space, Spin, Tabs } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorReporter } from '../../../hooks/use-error-reporter';
import { useLocale } from '../../../hooks/use-locale';
import { describeError, isApiError } from '../../../lib/api-client';
import { useArticle, useArticleChange, useArticlePreview, useServiceOptions } from '../api/content';
import { ArticleHtml } from './article-html';

type Texts = Record<ContentLocale, string | undefined>;
type EditorValues = { kind: ContentKind; serviceCode?: string; category?: string; title: Texts; body: Texts };

/** What the drawer edits: a new article of a kind, or an existing one by id. */
export type EditorTarget = { kind: 'new'; articleKind: ContentKind } | { kind: 'edit'; id: string };

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

function toValues(article: ArticleView): EditorValues {
  return {
    kind: article.kind,
    serviceCode: article.serviceCode ?? undefined,
    category: article.category ?? undefined,
    title: {
      'zh-CN': article.title['zh-CN'],
      'zh-HK': article.title['zh-HK'] ?? '',
      en: article.title.en ?? '',
    },
    body: { 'zh-CN': article.body['zh-CN'], 'zh-HK': article.body['zh-HK'] ?? '', en: article.body.en ?? '' },
  };
}

function toBody(values: EditorValues): CreateArticleBody {
  const texts = (t: Texts) => ({ 'zh-CN': t['zh-CN'] ?? '', 'zh-HK': t['zh-HK'] ?? '', en: t.en ?? '' });
  return {
    kind: values.kind,
    serviceCode: values.serviceCode ?? null,
    category: values.kind === 'faq' ? (values.category ?? null) : null,
    title: texts(values.title),
    body: texts(values.body),
  };
}

/** The server's rendering of the Markdown being typed (debounced), beside the text area. */
function Preview({ markdown }: { markdown: string }) {
  const { t } = useTranslation();
  const debounced = useDebounced(markdown, 400);
  const preview = useArticlePreview(debounced);
  return (
    <section className="sw-content-preview" aria-labelledby="content-preview-title">
      <div className="sw-content-preview__head">
        <h3 id="content-preview-title">{t('content.editor.preview')}</h3>
        {preview.isFetching ? <Spin size="small" aria-label={t('content.editor.previewing')} /> : null}
      </div>
      {debounced.trim() === '' ? (
        <p className="sw-content-muted">{t('content.editor.previewEmpty')}</p>
      ) : preview.isError ? (
        <Alert type="warning" showIcon title={describeError(preview.error)} />
      ) : preview.data ? (
        <ArticleHtml html={preview.data.html} />
      ) : (
        <Skeleton active />
      )}
      <p className="sw-content-muted sw-block-top">{t('content.editor.previewNote')}</p>
    </section>
  );
}

/**
 * The article editor (a drawer over the list): section, service, and per language a title and a
 * Markdown body with the server's live preview. Saves as a draft, or saves and publishes.
 */
export function ArticleEditor({ target, onClose }: { target: EditorTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message, modal } = App.useApp();
  const report = useErrorReporter();
  const [form] = Form.useForm<EditorValues>();
  const [language, setLanguage] = useState<ContentLocale>('zh-CN');
  const editingId = target?.kind === 'edit' ? target.id : null;
  const article = useArticle(editingId);
  const services = useServiceOptions();
  const change = useArticleChange();
  const kind =
    Form.useWatch('kind', form) ?? (target?.kind === 'new' ? target.articleKind : article.data?.kind);
  const markdown = (Form.useWatch(['body', language], form) as string | undefined) ?? '';

  const serviceOptions = useMemo(
    () => (services.data ?? []).map((s) => ({ value: s.code, label: `${s.name[locale]}（${s.code}）` })),
    [services.data, locale],
  );

  const close = () => {
    setLanguage('zh-CN');
    onClose();
  };

  const save = async (publish: boolean) => {
    let values: EditorValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const body = toBody(values);
    try {
      const saved = editingId
        ? await change.mutateAsync({
            kind: 'update',
            id: editingId,
            body: { ...body, version: article.data?.version ?? 1 },
          })
        : await change.mutateAsync({ kind: 'create', body });
      if (!saved) return;
      let final = saved;
      if (publish && saved.status !== 'published') {
        final =
          (await change.mutateAsync({ kind: 'publish', id: saved.id, version: saved.version })) ?? saved;
      }
      const title = final.title['zh-CN'];
      void message.success(publish ? t('content.published', { title }) : t('content.saved', { title }));
      close();
    } catch (error) {
      if (isApiError(error) && error.code === 'content.version_conflict') {
        void message.warning(t('content.conflict'));
        return;
      }
      report(error, form);
      // a field error in another language's tab: show that tab
      const path = isApiError(error) ? error.problem.errors?.[0]?.path : undefined;
      const lang = CONTENT_LOCALES.find((l) => path?.endsWith(`.${l}`));
      if (lang) setLanguage(lang);
    }
  };

  /** 保存并发布 asks first, as publishing from the list does. */
  const confirmPublish = () => {
    const title = (form.getFieldValue(['title', 'zh-CN']) as string | undefined)?.trim() ?? '';
    modal.confirm({
      title: t('content.confirmPublish', { title }),
      content: t('content.confirmPublishText'),
      okText: t('content.publish'),
      cancelText: t('common.cancel'),
      onOk: () => save(true),
    });
  };

  const required = { required: true, whitespace: true, message: errorMessage('field.required', locale) };
  const kindName = kind ? t(`content.kinds.${kind}`) : '';
  const open = target !== null;
  const status = article.data
    ? t('content.editor.status', {
        status: t(`content.statuses.${article.data.status}`),
        version: article.data.version,
      })
    : null;

  return (
    <Drawer
      open={open}
      onClose={close}
      destroyOnHidden
      size="min(1280px, 100vw)"
      className="sw-content-editor"
      title={
        editingId
          ? t('content.editor.editTitle', { kind: kindName })
          : t('content.editor.createTitle', { kind: kindName })
      }
      extra={
        <Space wrap>
          {status ? <span className="sw-content-muted">{status}</span> : null}
          <Button onClick={close}>{t('content.editor.cancel')}</Button>
          <Button onClick={() => void save(false)} loading={change.isPending}>
            {t('content.editor.save')}
          </Button>
          {article.data?.status === 'published' ? null : (
            <Button type="primary" onClick={confirmPublish} loading={change.isPending}>
              {t('content.editor.saveAndPublish')}
            </Button>
          )}
        </Space>
      }
    >
      {editingId && article.isPending ? (
        <Skeleton active />
      ) : editingId && article.isError ? (
        <Alert type="error" showIcon title={describeError(article.error)} />
      ) : (
        <Form<EditorValues>
          // a fresh form when the article is (re)loaded: after someone else changed it, the
          // editor shows the version now stored
          key={article.dataUpdatedAt}
          form={form}
          name="article"
          layout="vertical"
          disabled={change.isPending}
          initialValues={
            article.data
              ? toValues(article.data)
              : target?.kind === 'new'
                ? { kind: target.articleKind, title: { 'zh-CN': '' }, body: { 'zh-CN': '' } }
                : undefined
          }
        >
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="kind" label={t('content.editor.kind')} rules={[{ required: true }]}>
                <Select options={CONTENT_KINDS.map((k) => ({ value: k, label: t(`content.kinds.${k}`) }))} />
              </Form.Item>
            </Col>
            {kind === 'faq' ? (
              <Col xs={24} md={8}>
                <Form.Item
                  name="category"
                  label={t('content.editor.category')}
                  extra={t('content.editor.categoryHelp')}
                >
                  <Select
                    allowClear
                    options={SERVICE_CATEGORIES.map((c) => ({ value: c.code, label: c.name[locale] }))}
                  />
                </Form.Item>
              </Col>
            ) : null}
            <Col xs={24} md={kind === 'faq' ? 8 : 16}>
              <Form.Item
                name="serviceCode"
                label={t('content.editor.service')}
                extra={t('content.editor.serviceHelp')}
              >
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder={t('content.editor.servicePlaceholder')}
                  loading={services.isPending}
                  options={serviceOptions}
                />
              </Form.Item>
            </Col>
          </Row>
          <p className="sw-content-muted">
            {t('content.editor.bodyHelp')}
            <br />
            {t('content.editor.translationHelp')}
          </p>
          <Tabs
            activeKey={language}
            onChange={(key) => setLanguage(key as ContentLocale)}
            items={CONTENT_LOCALES.map((lang) => ({
              key: lang,
              label: t(`content.editor.languageTab.${lang}`),
              // every language's fields stay in the form, so a field error can be shown on any tab
              forceRender: true,
              children: (
                <Row gutter={24}>
                  <Col xs={24} lg={12}>
                    <Form.Item
                      name={['title', lang]}
                      label={t('content.editor.title')}
                      rules={lang === 'zh-CN' ? [required] : []}
                    >
                      <Input maxLength={CONTENT_TITLE_MAX} showCount lang={lang} />
                    </Form.Item>
                    <Form.Item
                      name={['body', lang]}
                      label={t('content.editor.body')}
                      rules={lang === 'zh-CN' ? [required] : []}
                    >
                      <Input.TextArea
                        rows={20}
                        maxLength={CONTENT_BODY_MAX}
                        showCount
                        lang={lang}
                        spellCheck={false}
                        className="sw-content-markdown"
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={24} lg={12}>
                    {lang === language ? <Preview markdown={markdown} /> : null}
                  </Col>
                </Row>
              ),
            }))}
          />
        </Form>
      )}
    </Drawer>
  );
}
