import { ID_TYPES } from '@sw/contracts';
import { Checkbox, Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../hooks/use-locale';

/** 长期有效, as identity documents record it */
export const LONG_TERM = '00000000';

/**
 * 姓名, 证件类型, 证件号码 and its validity (起始日期, 截止日期 or 长期有效), under `prefix` of the
 * form named `formName` — as 找回用户名 and 人工资料审核 ask for 本人 and 法人 (seed 004 §2.3).
 */
export function IdentityFields({
  formName,
  prefix = [],
  who,
}: {
  formName: string;
  prefix?: string[];
  who?: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const required = [{ required: true, whitespace: true, message: t('recovery.forgot.required') }];
  const date = [{ required: true, pattern: /^\d{8}$/, message: t('recovery.findUsername.dateHelp') }];
  const label = (key: 'name' | 'idType' | 'idNumber' | 'validFrom' | 'validTo') =>
    !who
      ? t(`recovery.findUsername.${key}`)
      : locale === 'en'
        ? `${who}: ${t(`recovery.findUsername.${key}`)}`
        : `${who}${t(`recovery.findUsername.${key}`).replace(/^本人/, '')}`;
  return (
    <>
      <Form.Item name={[...prefix, 'name']} label={label('name')} rules={required}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item
        name={[...prefix, 'idType']}
        label={label('idType')}
        rules={required}
        initialValue="resident_id"
      >
        <Select options={ID_TYPES.map((value) => ({ value, label: t(`idTypes.${value}`) }))} />
      </Form.Item>
      <Form.Item name={[...prefix, 'idNumber']} label={label('idNumber')} rules={required}>
        <Input maxLength={30} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name={[...prefix, 'idValidFrom']}
        label={label('validFrom')}
        extra={t('recovery.findUsername.dateHelp')}
        rules={date}
      >
        <Input maxLength={8} inputMode="numeric" placeholder="YYYYMMDD" />
      </Form.Item>
      <Form.Item label={label('validTo')} required htmlFor={[formName, ...prefix, 'idValidTo'].join('_')}>
        <Space wrap>
          <Form.Item name={[...prefix, 'idValidTo']} noStyle rules={date}>
            <Input maxLength={8} inputMode="numeric" placeholder="YYYYMMDD" />
          </Form.Item>
          <Form.Item noStyle shouldUpdate>
            {(f) => (
              <Checkbox
                checked={f.getFieldValue([...prefix, 'idValidTo']) === LONG_TERM}
                onChange={(e) => f.setFieldValue([...prefix, 'idValidTo'], e.target.checked ? LONG_TERM : '')}
              >
                {t('recovery.findUsername.longTerm')}
              </Checkbox>
            )}
          </Form.Item>
        </Space>
      </Form.Item>
    </>
  );
}
