import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { STAFF_ROLES } from '@sw/contracts';
import { Button, Form, type FormInstance, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * 权限: rows of role + service, as a Form.List named `grants`. A platform admin administers the
 * platform (no service); a reviewer (审核人员) or supervisor (审核主管) works on one service.
 */
export function GrantsField({
  form,
  serviceOptions,
  dutyOptions,
}: {
  // biome-ignore lint/suspicious/noExplicitAny: any form holding a `grants` list.
  form: FormInstance<any>;
  serviceOptions: { value: string; label: string }[];
  /** per service, the duties (岗位) a reviewer may be limited to */
  dutyOptions: ReadonlyMap<string, { value: string; label: string }[]>;
}) {
  const { t } = useTranslation();
  const roleLabel = (role: string) => t(`casework.roles.${role}` as 'casework.roles.reviewer');
  return (
    <Form.List name="grants">
      {(fields, { add, remove }) => (
        <fieldset className="sw-block sw-cw-grants">
          <legend>{t('casework.staff.grants')}</legend>
          {fields.length === 0 ? <p className="sw-cw-muted">{t('casework.staff.noGrants')}</p> : null}
          {fields.map((field, index) => (
            <Space key={field.key} align="start" wrap style={{ display: 'flex' }}>
              <Form.Item
                name={[field.name, 'role']}
                rules={[{ required: true, message: t('casework.staff.roleRequired') }]}
              >
                <Select
                  aria-label={t('casework.staff.roleOf', { n: index + 1 })}
                  style={{ width: 150 }}
                  placeholder={t('casework.staff.role')}
                  options={STAFF_ROLES.map((value) => ({ value, label: roleLabel(value) }))}
                  onChange={() => {
                    form.setFieldValue(['grants', field.name, 'serviceCode'], undefined);
                    form.setFieldValue(['grants', field.name, 'duties'], undefined);
                  }}
                />
              </Form.Item>
              {/* the service follows the role: none for the platform-admin role */}
              <Form.Item noStyle dependencies={[['grants', field.name, 'role']]}>
                {() => {
                  const role = form.getFieldValue(['grants', field.name, 'role']) as string | undefined;
                  const admin = role === 'platform_admin';
                  return (
                    <Form.Item
                      name={[field.name, 'serviceCode']}
                      rules={[{ required: !admin, message: t('casework.staff.serviceRequired') }]}
                    >
                      <Select
                        aria-label={t('casework.staff.serviceOf', { n: index + 1 })}
                        style={{ width: 220 }}
                        disabled={admin}
                        placeholder={admin ? t('casework.staff.allServices') : t('casework.fields.service')}
                        options={serviceOptions}
                        onChange={() => form.setFieldValue(['grants', field.name, 'duties'], undefined)}
                      />
                    </Form.Item>
                  );
                }}
              </Form.Item>
              {/* a reviewer may be limited to some duties (岗位) of a service that names them */}
              <Form.Item
                noStyle
                dependencies={[
                  ['grants', field.name, 'role'],
                  ['grants', field.name, 'serviceCode'],
                ]}
              >
                {() => {
                  const role = form.getFieldValue(['grants', field.name, 'role']) as string | undefined;
                  const service = form.getFieldValue(['grants', field.name, 'serviceCode']) as
                    | string
                    | undefined;
                  const duties = service ? dutyOptions.get(service) : undefined;
                  if (role !== 'reviewer' || !duties?.length) return null;
                  return (
                    <Form.Item name={[field.name, 'duties']}>
                      <Select
                        mode="multiple"
                        aria-label={t('casework.staff.dutiesOf', { n: index + 1 })}
                        style={{ minWidth: 260 }}
                        placeholder={t('casework.staff.allDuties')}
                        options={duties}
                      />
                    </Form.Item>
                  );
                }}
              </Form.Item>
              <Button
                icon={<DeleteOutlined />}
                onClick={() => remove(field.name)}
                aria-label={t('casework.staff.removeGrant', { n: index + 1 })}
                title={t('casework.staff.removeGrant', { n: index + 1 })}
              />
            </Space>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ role: 'reviewer' })}>
            {t('casework.staff.addGrant')}
          </Button>
        </fieldset>
      )}
    </Form.List>
  );
}
