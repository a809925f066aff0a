import { errorMessage } from '@sw/contracts';
import { Alert, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../../hooks/use-locale';

/**
 * 「组织机构代码已存在」: the organization is registered already, so its administrator is sent to
 * sign in, or to recover the password by e-mail (001 §2.6).
 */
export function OrgTakenAlert() {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      className="sw-block"
      data-testid="org-taken-alert"
      title={errorMessage('account.org_code_taken', locale)}
      description={
        <Space orientation="vertical" size={4}>
          <span>{t('enterpriseReview.orgTaken.text')}</span>
          <Space wrap size="large">
            <Link to="/login">{t('enterpriseReview.orgTaken.signIn')}</Link>
            <Link to="/recover/email">{t('enterpriseReview.orgTaken.recover')}</Link>
          </Space>
        </Space>
      }
    />
  );
}
