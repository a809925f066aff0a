import { BellOutlined } from '@ant-design/icons';
import { Badge } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUnreadCount } from '../api/inbox';

/**
 * The bell in the account centre's (or the console's) header with the number of unread messages (站内信); it
 * opens 我的消息. The count is polled every minute and when the window gets the focus back.
 */
export function UnreadBadge({ to = '/account/messages' }: { to?: string }) {
  const { t } = useTranslation();
  const unread = useUnreadCount();
  const count = unread.data?.count ?? 0;
  return (
    <Link
      to={to}
      className="sw-header__user"
      aria-label={count > 0 ? t('inbox.badgeLabel', { count }) : t('inbox.badgeLabelNone')}
      title={t('inbox.menu')}
    >
      <Badge count={count} size="small" overflowCount={99} offset={[4, -2]}>
        <BellOutlined aria-hidden="true" style={{ color: '#fff', fontSize: 18 }} />
      </Badge>
    </Link>
  );
}
