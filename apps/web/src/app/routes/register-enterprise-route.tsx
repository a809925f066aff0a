import { PageLoading } from '../../components/page-loading';
import { EnterpriseReviewPage } from '../../features/enterprise-review/components/enterprise-review-page';
import { RegisterEnterprisePage } from '../../features/registration/components/register-organization-page';
import { usePlatformInfo } from '../../hooks/use-platform-info';

/**
 * `/register/enterprise`: the reviewed registration of seed 001 while the platform setting
 * 「注册需审核」 is on, otherwise the immediate one of seed 004. Composed here because the two
 * forms belong to different features.
 */
export function RegisterEnterpriseRoute() {
  const info = usePlatformInfo();
  if (info.isPending) return <PageLoading />;
  return info.data?.registrationReview ? <EnterpriseReviewPage /> : <RegisterEnterprisePage />;
}
