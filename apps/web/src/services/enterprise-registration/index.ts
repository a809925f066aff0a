import { defineServiceUi } from '../kit/define-service-ui';
import { EnterpriseCorrectionPage } from './components/correction-page';
import { EnterpriseReviewPage } from './components/enterprise-review-page';

/** 企业注册审核 (seed 001): the registration form with review and its correction page. */
export default defineServiceUi({
  code: 'enterprise-registration',
  routes: [
    { path: 'apply', Component: EnterpriseReviewPage },
    { path: 'correction', Component: EnterpriseCorrectionPage },
  ],
});
