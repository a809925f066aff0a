import type { ConsoleApplicationDetail } from '@sw/contracts';
import { Alert, App, Form, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../lib/api-client';
import { useApplicationStep } from '../api/application';
import { useServiceStaff } from '../api/services';
import { useStepError } from '../hooks/use-step-error';

/** 指派: a supervisor gives the application to one of the service's reviewers. */
export function AssignModal({
  detail,
  open,
  onClose,
}: {
  detail: ConsoleApplicationDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ assigneeId: string }>();
  const staff = useServiceStaff(detail.serviceCode, open);
  const step = useApplicationStep(detail.id);
  const onError = useStepError();

  const onFinish = async ({ assigneeId }: { assigneeId: string }) => {
    try {
      const next = await step.mutateAsync({ kind: 'assign', version: detail.version, assigneeId });
      void message.success(t('casework.actions.assigned', { name: next.assigneeName ?? '' }));
      form.resetFields();
      onClose();
    } catch (error) {
      onError(error, form);
      onClose();
    }
  };

  return (
    <Modal
      open={open}
      title={t('casework.actions.assignTitle', { number: detail.number ?? '' })}
      okText={t('casework.actions.assign')}
      cancelText={t('common.cancel')}
      confirmLoading={step.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {staff.isError ? (
        <Alert className="sw-form-alert" type="error" showIcon title={describeError(staff.error)} />
      ) : null}
      <Form form={form} name="assign" layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="assigneeId"
          label={t('casework.actions.assignee')}
          rules={[{ required: true, message: t('casework.actions.assigneeRequired') }]}
          initialValue={detail.assigneeId ?? undefined}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={staff.isPending}
            options={(staff.data ?? []).map((m) => ({
              value: m.id,
              label: t('casework.actions.staffOption', {
                name: m.name,
                username: m.username,
                count: m.openCount,
              }),
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
