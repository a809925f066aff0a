import type { FieldView, FormView } from '@sw/contracts';
import { Button, Descriptions, Empty, Form, Input, Modal, Table } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../lib/api-client';

/** Asks to see a masked field whole; resolves to the value (the server audits it with the reason). */
export type RevealField = (path: string, reason: string) => Promise<string>;

function Value({
  field,
  shown,
  onReveal,
}: {
  field: FieldView;
  shown?: string;
  onReveal?: (f: FieldView) => void;
}) {
  const { t } = useTranslation();
  const value = shown ?? field.value;
  if (value === null) return <>{t('common.none')}</>;
  return (
    <>
      <span style={field.multiline ? { whiteSpace: 'pre-wrap' } : undefined}>{value}</span>
      {field.revealable && shown === undefined && onReveal ? (
        <Button
          type="link"
          size="small"
          className="sw-reveal"
          onClick={() => onReveal(field)}
          aria-label={t('formView.revealLabel', { label: field.label })}
        >
          {t('formView.reveal')}
        </Button>
      ) : null}
    </>
  );
}

/**
 * The read-only form of any service, as the server renders it from the service's field metadata:
 * labels, value names and masking all come from there — this component knows no service. Staff of
 * the service may ask to see a masked field whole (「查看完整信息」): a reason is required and
 * recorded; the value shows in this view only.
 */
export function FormViewSections({ view, onReveal }: { view: FormView; onReveal?: RevealField }) {
  const { t } = useTranslation();
  const [revealed, setRevealed] = useState<Record<string, string>>({});
  const [asking, setAsking] = useState<FieldView | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ reason: string }>();

  if (view.sections.length === 0)
    return <Empty description={<span className="sw-empty-text">{t('casework.detail.formEmpty')}</span>} />;

  const value = (f: FieldView): ReactNode => (
    <Value
      field={f}
      {...(revealed[f.path] !== undefined ? { shown: revealed[f.path] } : {})}
      {...(onReveal ? { onReveal: setAsking } : {})}
    />
  );

  const submit = async ({ reason }: { reason: string }) => {
    if (!asking || !onReveal) return;
    setBusy(true);
    setError(null);
    try {
      const whole = await onReveal(asking.path, reason.trim());
      setRevealed((r) => ({ ...r, [asking.path]: whole }));
      setAsking(null);
      form.resetFields();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {view.sections.map((section) =>
        section.kind === 'fields' ? (
          <section key={section.key || 'main'} className={section.title ? 'sw-block-top' : undefined}>
            {section.title ? <h3 className="sw-cw-slot-title">{section.title}</h3> : null}
            <Descriptions
              bordered
              size="small"
              column={{ xs: 1, md: 2 }}
              items={section.fields.map((f) => ({
                key: f.path,
                label: f.label,
                children: value(f),
                ...(f.multiline ? { span: 'filled' as const } : {}),
              }))}
            />
          </section>
        ) : (
          <section key={section.key} className="sw-block-top">
            <h3 className="sw-cw-slot-title">{section.title}</h3>
            <Table<FieldView[]>
              className="sw-cw-form-table"
              size="small"
              bordered
              pagination={false}
              rowKey={(_, index) => String(index)}
              dataSource={section.rows}
              scroll={{ x: 'max-content' }}
              columns={section.columns.map((column, i) => ({
                key: column.key,
                title: column.label,
                render: (_, row) => (row[i] ? value(row[i]) : t('common.none')),
              }))}
            />
          </section>
        ),
      )}
      <Modal
        open={asking !== null}
        title={t('formView.revealTitle', { label: asking?.label ?? '' })}
        okText={t('formView.revealConfirm')}
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={() => {
          setAsking(null);
          setError(null);
        }}
        destroyOnHidden
      >
        <p>{t('formView.revealNotice')}</p>
        <Form form={form} layout="vertical" onFinish={submit} name="reveal">
          <Form.Item
            name="reason"
            label={t('formView.reason')}
            rules={[{ required: true, whitespace: true, min: 2, message: t('formView.reasonRequired') }]}
            {...(error ? { validateStatus: 'error' as const, help: error } : {})}
          >
            <Input.TextArea rows={2} maxLength={200} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
