import {
  type ErrorCode,
  errorMessage,
  HOTLINE_RE,
  ICP_NUMBER_RE,
  type PlatformSettings,
  PSB_NUMBER_RE,
  SITE_CODE_RE,
  SITE_IDENTITY_FIELDS,
  type SiteIdentityField,
} from '@sw/contracts';
import { Alert, App, Button, Card, Col, Form, type FormRule, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorReporter } from '../../../hooks/use-error-reporter';
import { useLocale } from '../../../hooks/use-locale';
import { useUpdatePlatformSettings } from '../api/settings';

type Values = Record<SiteIdentityField, string | undefined>;

/** Each field: its length limit, the pattern a value must match (if any) and the code saying so. */
const FIELDS: Record<
  SiteIdentityField,
  { max: number; pattern?: RegExp; code?: ErrorCode; placeholder?: string }
> = {
  hostedBy: { max: 100, pattern: /^[^<>]+$/, code: 'field.markup_not_allowed' },
  operatedBy: { max: 100, pattern: /^[^<>]+$/, code: 'field.markup_not_allowed' },
  icpNumber: {
    max: 40,
    pattern: ICP_NUMBER_RE,
    code: 'field.icp_number_invalid',
    placeholder: 'icpPlaceholder',
  },
  psbNumber: {
    max: 40,
    pattern: PSB_NUMBER_RE,
    code: 'field.psb_number_invalid',
    placeholder: 'psbPlaceholder',
  },
  hotline: { max: 30, pattern: HOTLINE_RE, code: 'field.hotline_invalid', placeholder: 'hotlinePlaceholder' },
  siteCode: {
    max: 10,
    pattern: SITE_CODE_RE,
    code: 'field.site_code_invalid',
    placeholder: 'siteCodePlaceholder',
  },
};

/**
 * 网站标识 in 平台设置: 主办单位, 承办单位, ICP 备案号, 公安备案号, 服务热线, 网站标识码 — what the
 * portal's footer shows. An empty field clears its value (the footer leaves it out); the server
 * checks the same rules and audits every change.
 */
export function SiteIdentityCard({ settings }: { settings: PlatformSettings }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const report = useErrorReporter();
  const [form] = Form.useForm<Values>();
  const update = useUpdatePlatformSettings();

  const initial = Object.fromEntries(SITE_IDENTITY_FIELDS.map((f) => [f, settings[f] ?? ''])) as Values;

  const rules = (field: SiteIdentityField): FormRule[] => {
    const { pattern, code } = FIELDS[field];
    return [
      {
        validator: (_, value: string | undefined) => {
          const v = (value ?? '').trim();
          return !v || !pattern || !code || pattern.test(v)
            ? Promise.resolve()
            : Promise.reject(new Error(errorMessage(code, locale)));
        },
      },
    ];
  };

  const onFinish = (values: Values) => {
    const changes = Object.fromEntries(
      SITE_IDENTITY_FIELDS.map((f) => [f, (values[f] ?? '').trim()]).filter(
        ([f, v]) => v !== (initial[f as SiteIdentityField] ?? ''),
      ),
    );
    if (Object.keys(changes).length === 0) {
      void message.info(t('content.site.unchanged'));
      return;
    }
    update.mutate(changes, {
      onSuccess: () => {
        void message.success(t('content.site.saved'));
      },
      onError: (error) => report(error, form),
    });
  };

  return (
    <Card className="sw-block-top" title={<h2 className="sw-card-heading">{t('content.site.cardTitle')}</h2>}>
      <p className="sw-cw-muted">{t('content.site.lead')}</p>
      <Form<Values>
        form={form}
        name="site-identity"
        layout="vertical"
        initialValues={initial}
        onFinish={onFinish}
        disabled={update.isPending}
      >
        <Row gutter={16}>
          {SITE_IDENTITY_FIELDS.map((field) => {
            const { max, placeholder } = FIELDS[field];
            return (
              <Col key={field} xs={24} md={12}>
                <Form.Item name={field} label={t(`content.site.${field}`)} rules={rules(field)}>
                  <Input
                    maxLength={max}
                    allowClear
                    autoComplete="off"
                    placeholder={
                      placeholder
                        ? t(`content.site.${placeholder}` as 'content.site.icpPlaceholder')
                        : undefined
                    }
                  />
                </Form.Item>
              </Col>
            );
          })}
        </Row>
        <Button type="primary" htmlType="submit" loading={update.isPending}>
          {t('content.site.save')}
        </Button>
      </Form>
      <Alert className="sw-block-top" type="info" showIcon title={t('casework.settings.audited')} />
    </Card>
  );
}
