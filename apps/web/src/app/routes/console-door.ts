// Door 5, the staff console (`/console/*`). One lazily loaded chunk.
export { ConsoleLayout } from '../../components/layouts/console-layout';
export { ConsoleOverviewPage } from '../../features/console/components/console-overview-page';
