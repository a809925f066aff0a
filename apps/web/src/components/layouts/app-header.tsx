import type { ReactNode } from 'react';
import { Brand } from '../brand';
import { LanguageSwitch } from '../language-switch';
import { SimulatorBanner } from '../simulator-banner';

type AppHeaderProps = {
  /** Name of the door shown next to the platform name (账户中心, 管理控制台…). */
  subtitle?: string;
  nav?: ReactNode;
  /** Account links and buttons, shown before the language switch. */
  tools?: ReactNode;
  /** Full width (workspaces) instead of the centred 1200px column (portal pages). */
  wide?: boolean;
};

/** The blue banner every layout shares: simulator warning, platform name, navigation, language. */
export function AppHeader({ subtitle, nav, tools, wide = false }: AppHeaderProps) {
  return (
    <header className="sw-header">
      <SimulatorBanner />
      <div className="sw-header__bar">
        <div className={wide ? 'sw-header__inner sw-header__inner--wide' : 'sw-header__inner'}>
          <Brand subtitle={subtitle} />
          {nav}
          <div className="sw-header__tools">
            {tools}
            <LanguageSwitch />
          </div>
        </div>
      </div>
    </header>
  );
}
