import { defineServiceUi } from '../kit/define-service-ui';
import { ApplyPage } from './components/apply-page';

/** 申领居住证 (seed 003 三、1): the form (registration, photo, collection). */
export default defineServiceUi({
  code: 'residence-permit',
  routes: [{ path: 'apply', Component: ApplyPage }],
});
