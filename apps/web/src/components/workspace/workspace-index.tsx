import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';

/**
 * The index route of a workspace. Arriving afresh (after sign-in, from a link) opens the default
 * page; after 「关闭全部选项卡」 the history entry says so and the empty workspace stays empty.
 */
export function WorkspaceIndex({ defaultPath }: { defaultPath: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  const tabs = (location.state as { workspaceTabs?: unknown } | null)?.workspaceTabs;
  if (!Array.isArray(tabs)) return <Navigate to={defaultPath} replace />;
  return (
    <Empty
      className="sw-workspace__empty"
      description={
        <>
          <h1 className="sw-empty-title">{t('workspace.emptyTitle')}</h1>
          <p>{t('workspace.emptyHint')}</p>
        </>
      }
    />
  );
}
