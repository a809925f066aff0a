import type { ConsoleApplicationDetail } from '@sw/contracts';
import { App, Button, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../hooks/use-locale';
import { useApplicationStep } from '../api/application';
import { localized } from '../api/services';
import { useStepError } from '../hooks/use-step-error';
import { addReasonTemplate } from '../utils/casework-utils';

type Values = { action?: string; reason?: string };

/**
 * 审批决定: the decisions the viewer may take now, a reason (required where the workflow says so)
 * with ready-made reasons to click in, confirmation, then the detail as it is now.
 */
export function DecisionForm({ detail }: { detail: ConsoleApplicationDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const step = useApplicationStep(detail.id);
  const onError = useStepError();
  const action = Form.useWatch('action', form);
  const selected = detail.allowedActions.find((a) => a.action === action);

  const addTemplate = (template: string) => {
    const next = addReasonTemplate(form.getFieldValue('reason') as string | undefined, template);
    form.setFieldValue('reason', next);
    void form.validateFields(['reason']).catch(() => undefined);
  };

  const onFinish = (values: Values) => {
    const chosen = detail.allowedActions.find((a) => a.action === values.action);
    if (!chosen) return;
    const reason = values.reason?.trim();
    const name = localized(chosen.name, locale) || chosen.action;
    modal.confirm({
      title: t('casework.decision.confirmTitle', { action: name }),
      content: reason ? <p className="sw-cw-reason">{reason}</p> : t('casework.decision.confirmNoReason'),
      okText: t('casework.decision.submit'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await step.mutateAsync({
            kind: 'decide',
            version: detail.version,
            action: chosen.action,
            ...(reason ? { reason } : {}),
          });
          void message.success(t('casework.decision.done', { action: name }));
          form.resetFields();
        } catch (error) {
          onError(error, form);
        }
      },
    });
  };

  return (
    <Form<Values> form={form} name="decision" layout="vertical" onFinish={onFinish} disabled={step.isPending}>
      <Form.Item
        name="action"
        label={t('casework.decision.action')}
        rules={[{ required: true, message: t('casework.decision.actionRequired') }]}
      >
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={detail.allowedActions.map((a) => ({
            value: a.action,
            label: localized(a.name, locale) || a.action,
          }))}
        />
      </Form.Item>
      {selected && selected.reasonTemplates.length > 0 ? (
        <div className="sw-cw-templates">
          <span className="sw-cw-muted">{t('casework.decision.templates')}</span>
          {selected.reasonTemplates.map((template) => (
            <Button key={template} size="small" type="dashed" onClick={() => addTemplate(template)}>
              {template}
            </Button>
          ))}
        </div>
      ) : null}
      <Form.Item
        name="reason"
        label={t('casework.decision.reason')}
        dependencies={['action']}
        rules={[
          {
            required: Boolean(selected?.reasonRequired),
            whitespace: true,
            message: t('casework.decision.reasonRequired'),
          },
        ]}
        extra={selected?.reasonRequired ? t('casework.decision.reasonRequiredHint') : undefined}
      >
        <Input.TextArea
          rows={4}
          maxLength={1000}
          showCount
          placeholder={t('casework.decision.reasonPlaceholder')}
        />
      </Form.Item>
      <Form.Item style={{ marginBottom: 0 }}>
        <Button type="primary" htmlType="submit" loading={step.isPending}>
          {t('casework.decision.submit')}
        </Button>
      </Form.Item>
    </Form>
  );
}
