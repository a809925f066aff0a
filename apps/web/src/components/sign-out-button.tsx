import { LogoutOutlined } from '@ant-design/icons';
import { Button, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSignOut } from '../hooks/use-session';

type SignOutButtonProps = Pick<ButtonProps, 'type' | 'className' | 'block' | 'size' | 'danger'> & {
  /** Where to go afterwards (seed 004 §3.8: 安全退出 back to the portal). */
  to?: string;
  label?: string;
};

/** 「退出」: ends the session on the server, forgets cached account data and leaves. */
export function SignOutButton({ to = '/', label, ...buttonProps }: SignOutButtonProps) {
  const { t } = useTranslation();
  const { signOut, isPending } = useSignOut();
  return (
    <Button icon={<LogoutOutlined />} loading={isPending} onClick={() => void signOut(to)} {...buttonProps}>
      {label ?? t('nav.signOut')}
    </Button>
  );
}
