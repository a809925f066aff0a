import { defineServiceUi } from '../kit/define-service-ui';
import { ApplyPage } from './components/apply-page';
import { CorrectionPage } from './components/correction-page';
import { PermitSection } from './components/permit-section';

/** 申报居住登记 (seed 003 三、1): the form, its correction after 退回补正, the way on to 申领居住证. */
export default defineServiceUi({
  code: 'residence-registration',
  routes: [
    { path: 'apply', Component: ApplyPage },
    { path: 'correction', Component: CorrectionPage },
  ],
  ApplicantSection: PermitSection,
});
