// Door 2, the account centre (`/account/*`). One lazily loaded chunk.
export { AccountLayout } from '../../components/layouts/account-layout';
export { AccountInfoPage } from '../../features/account/components/account-info-page';
export { DevicesPage } from '../../features/account/components/devices-page';
export { MyCardsPage } from '../../features/account/components/my-cards-page';
export { OperatorsPage } from '../../features/account/components/operators-page';
export { PasskeysPage } from '../../features/account/components/passkeys-page';
export { QualificationsPage } from '../../features/account/components/qualifications-page';
export { RealNamePage } from '../../features/account/components/real-name-page';
export { ApplicationDetailPage } from '../../features/applications/components/application-detail-page';
export { MyApplicationsPage } from '../../features/applications/components/my-applications-page';
export { MessagesPage } from '../../features/inbox/components/messages-page';
export { LocalFeaturesPage } from '../../features/services/components/local-features';
