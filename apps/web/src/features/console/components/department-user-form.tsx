import {
  type CreateDepartmentUserBody,
  type DepartmentUserCreated,
  type ErrorCode,
  errorMessage,
  ID_TYPES,
  type IdType,
  isValidEmail,
  isValidIdNumber,
  isValidMobile,
  isValidUsername,
} from '@sw/contracts';
import { Alert, Form, type FormRule, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorReporter } from '../../../hooks/use-error-reporter';
import { useLocale } from '../../../hooks/use-locale';
import { useCreateDepartmentUser } from '../api/accounts';

type Values = {
  username: string;
  name: string;
  department: string;
  mobile: string;
  email: string;
  idType?: IdType;
  idNumber?: string;
};

/** 新建部委用户: the form in a dialog, then the generated initial password, shown this once. */
export function DepartmentUserForm({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const report = useErrorReporter();
  const [form] = Form.useForm<Values>();
  const create = useCreateDepartmentUser();
  const [created, setCreated] = useState<DepartmentUserCreated | null>(null);
  const idType = Form.useWatch('idType', form);

  const check =
    (valid: (v: string) => boolean, code: ErrorCode): FormRule =>
    () => ({
      validator: (_, value) =>
        !value || valid(String(value).trim())
          ? Promise.resolve()
          : Promise.reject(new Error(errorMessage(code, locale))),
    });
  const required: FormRule = {
    required: true,
    whitespace: true,
    message: errorMessage('field.required', locale),
  };

  const onFinish = (values: Values) => {
    const body: CreateDepartmentUserBody = {
      username: values.username.trim(),
      name: values.name.trim(),
      department: values.department.trim(),
      mobile: values.mobile.trim(),
      email: values.email.trim(),
      ...(values.idType && values.idNumber?.trim()
        ? { idType: values.idType, idNumber: values.idNumber.trim() }
        : {}),
    };
    create.mutate(body, {
      onSuccess: (result) => {
        form.resetFields();
        setCreated(result);
      },
      onError: (error) => report(error, form),
    });
  };

  const close = () => {
    setCreated(null);
    onClose();
  };

  if (created) {
    return (
      <Modal
        open={open}
        title={t('consoleAccounts.dept.createdTitle')}
        okText={t('consoleAccounts.dept.createdDone')}
        onOk={close}
        onCancel={close}
        cancelButtonProps={{ style: { display: 'none' } }}
        maskClosable={false}
      >
        <Alert
          className="sw-form-alert"
          type="warning"
          showIcon
          title={t('consoleAccounts.dept.passwordOnce')}
        />
        <dl>
          <dt>{t('consoleAccounts.username')}</dt>
          <dd>
            <Typography.Text strong>{created.account.username}</Typography.Text>
          </dd>
          <dt>{t('consoleAccounts.dept.initialPassword')}</dt>
          <dd>
            <Typography.Text code copyable data-testid="initial-password">
              {created.initialPassword}
            </Typography.Text>
          </dd>
        </dl>
      </Modal>
    );
  }

  return (
    <Modal
      open={open}
      title={t('consoleAccounts.dept.createTitle')}
      okText={t('consoleAccounts.dept.create')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={close}
      destroyOnHidden
      width={560}
    >
      <Form<Values>
        form={form}
        name="deptUser"
        layout="vertical"
        onFinish={onFinish}
        disabled={create.isPending}
        requiredMark
      >
        <Form.Item
          name="username"
          label={t('consoleAccounts.username')}
          extra={t('consoleAccounts.dept.usernameHelp')}
          rules={[required, check(isValidUsername, 'field.username_invalid')]}
        >
          <Input maxLength={18} autoComplete="off" autoCapitalize="off" />
        </Form.Item>
        <Form.Item name="name" label={t('consoleAccounts.name')} rules={[required]}>
          <Input maxLength={50} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="department"
          label={t('consoleAccounts.department')}
          rules={[required]}
          extra={t('consoleAccounts.dept.departmentHelp')}
        >
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="mobile"
          label={t('consoleAccounts.mobile')}
          rules={[required, check(isValidMobile, 'field.mobile_invalid')]}
        >
          <Input maxLength={11} inputMode="numeric" autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('consoleAccounts.email')}
          rules={[required, check(isValidEmail, 'field.email_invalid')]}
        >
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
        <Form.Item name="idType" label={t('consoleAccounts.dept.idTypeOptional')}>
          <Select allowClear options={ID_TYPES.map((value) => ({ value, label: t(`idTypes.${value}`) }))} />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={t('consoleAccounts.dept.idNumberOptional')}
          dependencies={['idType']}
          rules={[
            ...(idType ? [required] : []),
            check((v) => !idType || isValidIdNumber(idType, v.toUpperCase()), 'field.id_number_invalid'),
          ]}
        >
          <Input maxLength={30} autoComplete="off" disabled={!idType} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
