import { errorMessage } from '@sw/contracts';
import { Alert, Space } from 'antd';
import { Link } from 'react-router';
import { useLocale } from '../../../hooks/use-locale';
import { useMessages } from '../messages';

/**
 * 「组织机构代码已存在」: the organization is registered already, so its administrator is sent to
 * sign in, or to recover the password by e-mail (001 §2.6).
 */
export function OrgTakenAlert() {
  const m = useMessages();
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
          <span>{m('orgTaken.text')}</span>
          <Space wrap size="large">
            <Link to="/login">{m('orgTaken.signIn')}</Link>
            <Link to="/recover/email">{m('orgTaken.recover')}</Link>
          </Space>
        </Space>
      }
    />
  );
}
