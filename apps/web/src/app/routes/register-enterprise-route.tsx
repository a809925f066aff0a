import { Navigate, useLocation } from 'react-router';
import { PageLoading } from '../../components/page-loading';
import {
  RegisterEnterprisePage,
  RegisterInstitutionPage,
} from '../../features/registration/components/register-organization-page';
import { usePlatformInfo } from '../../hooks/use-platform-info';

/** Where registration with review (seed 001) lives: its service's pages. */
const REVIEWED_REGISTRATION = '/apps/enterprise-registration';

/**
 * `/register/enterprise`: the immediate registration of seed 004, or — while the platform setting
 * 「注册需审核」 is on — the reviewed registration of seed 001, which is a service of its own.
 */
export function RegisterEnterpriseRoute() {
  const info = usePlatformInfo();
  if (info.isPending) return <PageLoading />;
  return info.data?.registrationReview ? (
    <Navigate to={`${REVIEWED_REGISTRATION}/apply`} replace />
  ) : (
    <RegisterEnterprisePage />
  );
}

/**
 * `/register/institution` (事业单位注册, 004 §1.4): with 「注册需审核」 on, institutions too register
 * through the reviewed form of seed 001 (its type 政府事业单位), not a refusal after the form.
 */
export function RegisterInstitutionRoute() {
  const info = usePlatformInfo();
  if (info.isPending) return <PageLoading />;
  return info.data?.registrationReview ? (
    <Navigate to={`${REVIEWED_REGISTRATION}/apply`} replace />
  ) : (
    <RegisterInstitutionPage />
  );
}

/** Correction links e-mailed before the service moved to `/apps/…` keep working. */
export function LegacyCorrectionLink() {
  const { search } = useLocation();
  return <Navigate to={`${REVIEWED_REGISTRATION}/correction${search}`} replace />;
}
