import { CORPORATE_BANKS, errorMessage } from '@sw/contracts';
import { Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../hooks/use-locale';

/**
 * 开户银行 (建设银行, 农业银行, 民生银行) and 对公账号: what 银行UKEY认证 (§3.6.1) and 找回用户名's
 * 企业实名认证 (§2.3.1.2) ask the enterprise's bank about. Fields `bank` and `accountNumber`.
 */
export function CorporateAccountFields({ bankHelp }: { bankHelp?: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      <Form.Item name="bank" label={t('realName.enterprise.bank')} extra={bankHelp}>
        <Radio.Group
          options={CORPORATE_BANKS.map((bank) => ({
            value: bank,
            label: t(`realName.enterprise.banks.${bank}`),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="accountNumber"
        label={t('realName.enterprise.accountNumber')}
        rules={[
          {
            required: true,
            pattern: /^[\d\s]{12,30}$/,
            message: errorMessage('realname.account_invalid', locale),
          },
        ]}
      >
        <Input inputMode="numeric" maxLength={30} autoComplete="off" />
      </Form.Item>
    </>
  );
}
