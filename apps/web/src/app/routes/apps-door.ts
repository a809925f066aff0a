// Door 3, the service apps (`/apps/*`). One lazily loaded chunk.
export { AppsLayout } from '../../components/layouts/apps-layout';
export { ServiceListPage } from '../../features/services/components/service-list-page';
