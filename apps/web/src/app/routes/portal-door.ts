// Door 1, the portal: its layout and the front page, one lazily loaded chunk kept small, since it is
// what a newcomer loads first. Every other page under `/` is in portal-pages.
export { PortalLayout } from '../../components/layouts/portal-layout';
export { HomeRoute } from './home-route';
