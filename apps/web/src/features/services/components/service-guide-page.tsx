import { ArrowLeftOutlined, PhoneOutlined } from '@ant-design/icons';
import type { ServiceDetailView } from '@sw/contracts';
import { Alert, Card, Descriptions, type DescriptionsProps, Skeleton, Space, Steps, Table, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { NotFoundResult } from '../../../components/not-found-result';
import { PageTitle } from '../../../components/page-title';
import { useLocale } from '../../../hooks/use-locale';
import { describeError, isApiError } from '../../../lib/api-client';
import { formatBytes } from '../../../lib/format';
import { localized, useServiceDetail } from '../api/get-services';
import { ApplyButton } from './apply-button';

/** 图片 / PDF names for MIME types, as a guide says them. */
const TYPE_NAMES: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPG',
  'image/png': 'PNG',
  'image/gif': 'GIF',
  'image/bmp': 'BMP',
  'image/tiff': 'TIFF',
  'image/webp': 'WEBP',
};

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card
      className="sw-block"
      title={
        <h2 className="sw-card-heading" id={`guide-${id}`}>
          {title}
        </h2>
      }
    >
      <section aria-labelledby={`guide-${id}`}>{children}</section>
    </Card>
  );
}

function Materials({ service }: { service: ServiceDetailView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  type Row = ServiceDetailView['guide']['materials'][number];
  return (
    <Table<Row>
      rowKey={(row) => row.name['zh-CN']}
      size="small"
      pagination={false}
      scroll={{ x: 640 }}
      dataSource={service.guide.materials}
      columns={[
        {
          key: 'name',
          title: t('catalogue.materialName'),
          render: (_, row) => (
            <>
              <div>{localized(row.name, locale)}</div>
              {row.note ? <div className="sw-muted">{localized(row.note, locale)}</div> : null}
            </>
          ),
        },
        {
          key: 'format',
          title: t('catalogue.materialFormat'),
          render: (_, row) =>
            row.types.length === 0
              ? t('common.none')
              : [
                  [...new Set(row.types.map((type) => TYPE_NAMES[type] ?? type))].join(' / '),
                  row.maxBytes ? t('catalogue.upTo', { size: formatBytes(row.maxBytes) }) : null,
                ]
                  .filter(Boolean)
                  .join('，'),
        },
        {
          key: 'count',
          title: t('catalogue.materialCount'),
          render: (_, row) => (row.maxCount ? t('catalogue.atMost', { count: row.maxCount }) : '1'),
        },
        {
          key: 'required',
          title: t('catalogue.materialRequired'),
          render: (_, row) =>
            row.required === null
              ? t('catalogue.conditional')
              : row.required
                ? t('catalogue.required')
                : t('catalogue.optional'),
        },
      ]}
    />
  );
}

function Overview({ service }: { service: ServiceDetailView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const regionNote = localized(service.regions.note, locale);
  const items: DescriptionsProps['items'] = [
    {
      key: 'category',
      label: t('catalogue.allCategories'),
      children: localized(service.categoryName, locale),
    },
    { key: 'department', label: t('catalogue.department'), children: localized(service.department, locale) },
    {
      key: 'audience',
      label: t('catalogue.audience'),
      children: service.audience.map((kind) => t(`accountKinds.${kind}`)).join('、'),
    },
    { key: 'level', label: t('catalogue.level'), children: t(`catalogue.levels.${service.realNameLevel}`) },
    { key: 'mode', label: t('catalogue.mode'), children: t(`catalogue.modes.${service.mode}`) },
    { key: 'region', label: t('catalogue.region'), children: regionNote || t('catalogue.nationwide') },
  ];
  return <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={items} />;
}

/**
 * `/apps/<code>` — 办事指南 (issue 10 §4): 受理条件, 申请材料 with the upload rules, 办理流程,
 * 办理时限 in working days, 收费标准, 设定依据, 咨询电话, and 「在线办理」 with its checks.
 * `related` is what the app composes in (the published articles about the service).
 */
export function ServiceGuidePage({ related }: { related?: (code: string) => ReactNode }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { service: code } = useParams();
  const detail = useServiceDetail(code);
  const back = (
    <Link to="/apps">
      <ArrowLeftOutlined aria-hidden="true" /> {t('catalogue.back')}
    </Link>
  );

  if (detail.isError) {
    if (isApiError(detail.error) && (detail.error.status === 404 || detail.error.status === 400))
      return <NotFoundResult homePath="/apps" />;
    return (
      <div className="sw-container">
        <PageTitle extra={back}>{t('catalogue.guide')}</PageTitle>
        <Alert type="error" showIcon title={describeError(detail.error)} />
      </div>
    );
  }
  const service = detail.data;
  if (!service)
    return (
      <div className="sw-container">
        <Skeleton active paragraph={{ rows: 10 }} />
      </div>
    );

  const name = localized(service.name, locale);
  const { guide } = service;
  return (
    <div className="sw-container">
      <PageTitle extra={back}>{`${name} · ${t('catalogue.guide')}`}</PageTitle>
      <p className="sw-lead">{localized(service.description, locale)}</p>
      <Card className="sw-block">
        <Space orientation="vertical" size="middle" className="sw-stack">
          <Overview service={service} />
          <Space wrap>
            <ApplyButton item={service} name={name} size="large" />
            {service.mode === 'external' ? (
              <span className="sw-muted">{t('catalogue.externalNote')}</span>
            ) : null}
          </Space>
        </Space>
      </Card>
      <Section id="conditions" title={t('catalogue.sections.conditions')}>
        <ol className="sw-guide-list">
          {guide.conditions.map((text) => (
            <li key={text['zh-CN']}>{localized(text, locale)}</li>
          ))}
        </ol>
      </Section>
      <Section id="materials" title={t('catalogue.sections.materials')}>
        <Materials service={service} />
      </Section>
      <Section id="steps" title={t('catalogue.sections.steps')}>
        <Steps
          orientation="vertical"
          size="small"
          current={-1}
          items={guide.steps.map((text) => ({ title: localized(text, locale) }))}
        />
        {service.states.length > 0 ? (
          <Space size={[4, 4]} wrap>
            {service.states.map((state) => (
              <Tag key={state.code}>{localized(state.name, locale)}</Tag>
            ))}
          </Space>
        ) : null}
      </Section>
      <Section id="time-limit" title={t('catalogue.sections.timeLimit')}>
        <p>{t('catalogue.workingDays', { days: service.slaWorkingDays })}</p>
      </Section>
      <Section id="fee" title={t('catalogue.sections.fee')}>
        <p>{localized(guide.fee, locale)}</p>
      </Section>
      <Section id="basis" title={t('catalogue.sections.basis')}>
        <ul className="sw-guide-list">
          {guide.basis.map((text) => (
            <li key={text['zh-CN']}>{localized(text, locale)}</li>
          ))}
        </ul>
      </Section>
      <Section id="hotline" title={t('catalogue.sections.hotline')}>
        <p>
          <PhoneOutlined aria-hidden="true" />{' '}
          <a href={`tel:${guide.hotline.replace(/[^\d+]/g, '')}`}>{guide.hotline}</a>
        </p>
      </Section>
      {related?.(service.code)}
    </div>
  );
}
