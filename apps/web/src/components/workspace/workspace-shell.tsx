import {
  CloseCircleOutlined,
  CloseOutlined,
  DownOutlined,
  LeftOutlined,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
  RightOutlined,
} from '@ant-design/icons';
import { Button, Dropdown, Layout, Menu, Tabs, Tooltip } from 'antd';
import { type KeyboardEvent, type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDetailPages, useWorkspaceTabs } from './use-workspace-tabs';
import { type WorkspaceActions, WorkspaceContext } from './workspace-context';
import type { WorkspaceDetailTab, WorkspacePage } from './workspace-page';

const COLLAPSED_STORAGE_KEY = 'sw.menuCollapsed';

function readCollapsed(): boolean {
  try {
    return window.localStorage.getItem(COLLAPSED_STORAGE_KEY) === '1';
  } catch {
    return false;
  }
}

type MenuEntry = { key: string; icon: ReactNode; label: ReactNode };
type MenuItem = MenuEntry | { type: 'group'; key: string; label: ReactNode; children: MenuEntry[] };

/** The left menu: one entry per page; pages of a group under the group's title. */
function menuItems(pages: readonly WorkspacePage[]): MenuItem[] {
  const items: MenuItem[] = [];
  for (const page of pages) {
    const entry = { key: page.key, icon: page.icon, label: page.label };
    const last = items.at(-1);
    if (!page.group) items.push(entry);
    else if (last && 'type' in last && last.key === `group:${page.group.key}`) last.children.push(entry);
    else
      items.push({
        type: 'group',
        key: `group:${page.group.key}`,
        label: page.group.label,
        children: [entry],
      });
  }
  return items;
}

type WorkspaceShellProps = {
  pages: readonly WorkspacePage[];
  /** Route of the workspace itself, e.g. `/account`; closing every tab returns here. */
  basePath: string;
  theme?: 'light' | 'dark';
  /** Records that open in tabs of their own without a menu entry (an application's detail). */
  detailTabs?: readonly WorkspaceDetailTab[];
  /** The routed content (an `<Outlet />`). */
  children: ReactNode;
};

/**
 * The tabbed workspace of the account centre and the console (seed 004 §3.7): a collapsible left
 * menu (collapsed shows icons only), one tab per opened function, arrows that move between tabs and
 * a menu to close all or the other tabs.
 */
export function WorkspaceShell({
  pages,
  basePath,
  theme = 'light',
  detailTabs,
  children,
}: WorkspaceShellProps) {
  const { t } = useTranslation();
  const [collapsed, setCollapsed] = useState(readCollapsed);
  const detailPages = useDetailPages(detailTabs);
  const tabPages = useMemo(() => [...pages, ...detailPages], [pages, detailPages]);
  const tabs = useWorkspaceTabs(tabPages, basePath);
  const { openPath } = tabs;
  const actions = useMemo<WorkspaceActions>(() => ({ openTab: openPath }), [openPath]);

  const toggleCollapsed = () => {
    setCollapsed((value) => {
      try {
        window.localStorage.setItem(COLLAPSED_STORAGE_KEY, value ? '0' : '1');
      } catch {
        // Only a preference; ignore storage errors.
      }
      return !value;
    });
  };

  const activeIndex = tabs.activeKey ? tabs.openKeys.indexOf(tabs.activeKey) : -1;
  const collapseLabel = collapsed ? t('workspace.expandMenu') : t('workspace.collapseMenu');

  // The close "×" sits inside the tab label and is hidden from assistive technology: a button
  // inside role="tablist" breaks ARIA (axe: aria-required-children). Keyboard users close the
  // focused tab with Delete, or use the tab-actions menu.
  const items = tabs.openKeys.map((key) => {
    const page = tabPages.find((p) => p.key === key)!;
    return {
      key,
      label: (
        <span className="sw-tab-label">
          {page.label}
          <span
            className="sw-tab-close"
            aria-hidden="true"
            title={t('workspace.closeTab')}
            onClick={(event) => {
              event.stopPropagation();
              tabs.close(key);
            }}
          >
            <CloseOutlined />
          </span>
        </span>
      ),
      icon: page.icon,
      closable: false,
      children: key === tabs.activeKey ? <div className="sw-workspace__body">{children}</div> : null,
    };
  });

  const onTabKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Delete') return;
    const key = (event.target as HTMLElement).closest('[data-node-key]')?.getAttribute('data-node-key');
    if (key && tabs.openKeys.includes(key)) {
      event.preventDefault();
      tabs.close(key);
    }
  };

  const left = (
    <div className="sw-workspace__tools">
      <Tooltip title={collapseLabel}>
        <Button
          type="text"
          icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
          onClick={toggleCollapsed}
          aria-label={collapseLabel}
          aria-expanded={!collapsed}
        />
      </Tooltip>
      <Button
        type="text"
        icon={<LeftOutlined />}
        onClick={() => tabs.move(-1)}
        disabled={activeIndex <= 0}
        aria-label={t('workspace.prevTab')}
        title={t('workspace.prevTab')}
      />
    </div>
  );

  const right = (
    <div className="sw-workspace__tools">
      <Button
        type="text"
        icon={<RightOutlined />}
        onClick={() => tabs.move(1)}
        disabled={activeIndex < 0 || activeIndex >= tabs.openKeys.length - 1}
        aria-label={t('workspace.nextTab')}
        title={t('workspace.nextTab')}
      />
      <Dropdown
        trigger={['click']}
        placement="bottomRight"
        menu={{
          items: [
            { key: 'close-all', icon: <CloseCircleOutlined />, label: t('workspace.closeAll') },
            { key: 'close-others', icon: <CloseOutlined />, label: t('workspace.closeOthers') },
          ],
          onClick: ({ key }) => (key === 'close-all' ? tabs.closeAll() : tabs.closeOthers()),
        }}
      >
        <Button
          type="text"
          icon={<DownOutlined />}
          aria-label={t('workspace.tabActions')}
          title={t('workspace.tabActions')}
        />
      </Dropdown>
    </div>
  );

  return (
    <WorkspaceContext value={actions}>
      <Layout className={`sw-workspace sw-workspace--${theme}`}>
        <Layout.Sider
          className="sw-workspace__sider"
          theme={theme}
          width={208}
          collapsedWidth={64}
          collapsible
          collapsed={collapsed}
          trigger={null}
          breakpoint="md"
          onBreakpoint={(isNarrow) => {
            if (isNarrow) setCollapsed(true);
          }}
        >
          <nav aria-label={t('workspace.menu')}>
            <Menu
              mode="inline"
              theme={theme}
              selectedKeys={tabs.activeKey ? [tabs.activeKey] : []}
              items={menuItems(pages)}
              onClick={({ key }) => tabs.open(key)}
            />
          </nav>
        </Layout.Sider>
        <Layout.Content className="sw-workspace__main" id="main">
          <Tabs
            className="sw-workspace__tabs"
            type="editable-card"
            hideAdd
            size="small"
            activeKey={tabs.activeKey ?? ''}
            items={items}
            destroyOnHidden
            onChange={tabs.open}
            // The tools sit beside the tab list, not inside it (only tabs may live in role="tablist").
            renderTabBar={(tabBarProps, DefaultTabBar) => (
              // biome-ignore lint/a11y/noStaticElementInteractions: forwards Delete from the focused tab.
              <div className="sw-tabbar" onKeyDown={onTabKeyDown}>
                {left}
                <DefaultTabBar {...tabBarProps} />
                {right}
              </div>
            )}
            locale={{ dropdownAriaLabel: t('workspace.moreTabs') }}
          />
          {tabs.activeKey ? null : <div className="sw-workspace__body">{children}</div>}
        </Layout.Content>
      </Layout>
    </WorkspaceContext>
  );
}
