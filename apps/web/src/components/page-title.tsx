import type { ReactNode } from 'react';

/** The one `<h1>` of a page, with optional actions aligned to the right. */
export function PageTitle({ children, extra }: { children: ReactNode; extra?: ReactNode }) {
  return (
    <div className="sw-page-title">
      <h1>{children}</h1>
      {extra ? <div className="sw-page-title__extra">{extra}</div> : null}
    </div>
  );
}
