import { ID_TYPES } from '@sw/contracts';
import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * 企业中文名称, 统一社会信用代码 and the legal representative's 姓名, 证件类型, 证件号码: what 法定代表人信息验证
 * (004 §2.4) and 法人身份认证's 核验企业信息 (§3.6.1) ask. Fields `enterpriseName`, `creditCode`,
 * `legalRepName`, `legalRepIdType`, `legalRepIdNumber`.
 */
export function EnterpriseLegalRepFields() {
  const { t } = useTranslation();
  const required = [{ required: true, whitespace: true, message: t('recovery.forgot.required') }];
  return (
    <>
      <Form.Item name="enterpriseName" label={t('recovery.forgot.enterpriseName')} rules={required}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="creditCode" label={t('recovery.forgot.creditCode')} rules={required}>
        <Input maxLength={18} />
      </Form.Item>
      <Form.Item name="legalRepName" label={t('recovery.forgot.legalRepName')} rules={required}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="legalRepIdType" label={t('recovery.forgot.legalRepIdType')} rules={required}>
        <Select options={ID_TYPES.map((value) => ({ value, label: t(`idTypes.${value}`) }))} />
      </Form.Item>
      <Form.Item name="legalRepIdNumber" label={t('recovery.forgot.legalRepIdNumber')} rules={required}>
        <Input maxLength={30} autoComplete="off" />
      </Form.Item>
    </>
  );
}
