import { defineServiceUi } from '../kit/define-service-ui';
import { ApplyPage } from './components/apply-page';
import { ReviewSection } from './components/review-section';
import './account-recovery.css';

/** 人工资料审核: the claim (four steps) and the reviewer's side-by-side. */
export default defineServiceUi({
  code: 'account-recovery',
  routes: [{ path: 'apply', Component: ApplyPage }],
  ConsoleSection: ReviewSection,
});
