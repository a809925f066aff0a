// The portal's pages other than the front page: sign-in, registration, first sign-in, recovery,
// the articles (and the dev outbox). Their forms, date pickers, uploads, lists and breadcrumbs stay
// out of the front page's first load.
export { FirstSignInPage } from '../../features/account/components/first-sign-in-page';
export { LoginPage } from '../../features/auth/components/login-page';
export { NoticesPage, PoliciesPage } from '../../features/content/components/article-list-page';
export { ArticlePage } from '../../features/content/components/article-page';
export { DevOutboxPage } from '../../features/dev-outbox/components/dev-outbox-page';
export { ForgotPasswordPage } from '../../features/recovery/components/forgot-password-page';
export { ForgotUsernamePage } from '../../features/recovery/components/forgot-username-page';
export { RecoverEmailPage } from '../../features/recovery/components/recover-email-page';
export { RegisterChoicePage } from '../../features/registration/components/register-choice-page';
export { RegisterIndividualPage } from '../../features/registration/components/register-individual-page';
export { RegisterOverseasPage } from '../../features/registration/components/register-overseas-page';
export {
  LegacyCorrectionLink,
  RegisterEnterpriseRoute,
  RegisterInstitutionRoute,
} from './register-enterprise-route';
