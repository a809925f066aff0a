import { defineServiceUi } from '../kit/define-service-ui';
import { ApplyPage } from './components/apply-page';
import { CertTypesPage } from './components/cert-types-page';
import { ComparisonSection } from './components/comparison-section';
import { ReAddSection } from './components/readd-section';
import { RecordsPage } from './components/records-page';
import './cert-review.css';

/** 智慧审证 (seed 002): 查询, 添加证书, the reviewer's comparison, 重新添加, certificate types. */
export default defineServiceUi({
  code: 'cert-review',
  routes: [
    { path: 'records', Component: RecordsPage },
    { path: 'apply', Component: ApplyPage },
  ],
  consolePages: [{ path: 'cert-types', Component: CertTypesPage }],
  ApplicantSection: ReAddSection,
  ConsoleSection: ComparisonSection,
});
