import type { HTMLAttributes, ReactNode } from 'react';

type PanelProps = Omit<HTMLAttributes<HTMLElement>, 'title'> & {
  title?: ReactNode;
  extra?: ReactNode;
  size?: 'default' | 'small';
  'data-testid'?: string;
};

/**
 * A card surface for the portal's front page. antd's Card brings Tabs, Dropdown and Menu with it
 * (its tab list), about 60 kB gzipped that the first page a newcomer loads never uses; this draws the
 * same surface with the theme's colours and radius from CSS (`.sw-panel`).
 */
export function Panel({ title, extra, size = 'default', className, children, ...rest }: PanelProps) {
  const classes = ['sw-panel', size === 'small' ? 'sw-panel--small' : '', className ?? '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={classes} {...rest}>
      {title || extra ? (
        <div className="sw-panel__head">
          <div className="sw-panel__title">{title}</div>
          {extra ? <div className="sw-panel__extra">{extra}</div> : null}
        </div>
      ) : null}
      <div className="sw-panel__body">{children}</div>
    </div>
  );
}
