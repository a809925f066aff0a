import { matchPath, useLocation, useParams } from 'react-router';
import { NotFoundResult } from '../components/not-found-result';
import { PageLoading } from '../components/page-loading';
import { useServiceUi } from './registry';

/**
 * `/apps/<code>/<page>` — a page of a service's own (its apply form, its correction page …), from
 * the service's web folder, loaded as a chunk of its own. Unknown service or page: 页面不存在.
 */
export function ServiceUiRoute() {
  const { service } = useParams();
  const { pathname } = useLocation();
  const ui = useServiceUi(service);
  if (ui.isPending) return <PageLoading />;
  const rest = pathname.split('/').filter(Boolean).slice(2).join('/');
  // a page's path may hold parameters (`verify/:token`); the page reads them from the location
  const route = ui.data?.routes.find(
    (r) => matchPath({ path: `/${r.path}`, end: true }, `/${rest}`) !== null,
  );
  const Layout = ui.data?.Layout;
  const page = route ? (
    <route.Component />
  ) : (
    <NotFoundResult homePath={Layout ? `/apps/${service}` : '/apps'} />
  );
  return Layout ? <Layout>{page}</Layout> : page;
}

/** `/console/services/<code>/<page>` — a console page of a service's own (its reference data …). */
export function ServiceConsoleRoute() {
  const { service, page } = useParams();
  const ui = useServiceUi(service);
  if (ui.isPending) return <PageLoading />;
  const route = ui.data?.consolePages?.find((r) => r.path === page);
  if (!route) return <NotFoundResult homePath="/console" />;
  const { Component } = route;
  return <Component />;
}

/** What a service adds to an application's page (applicant or console), once its chunk is loaded. */
export function ServiceSection<P extends object>({
  code,
  pick,
  props,
}: {
  code: string;
  pick: (ui: NonNullable<ReturnType<typeof useServiceUi>['data']>) => React.ComponentType<P> | undefined;
  props: P;
}) {
  const ui = useServiceUi(code);
  const Section = ui.data ? pick(ui.data) : undefined;
  return Section ? <Section {...props} /> : null;
}
