import { defineService } from '../../casework/index.ts';
import { explainPendingReviewWith } from '../../identity/index.ts';
import { enterpriseRegistrationContract } from './contract.ts';
import { enterpriseRegistrationRoutes } from './enterprise-registration.routes.ts';
import './messages.ts';
import { activateRegistration, issueCorrectionLink, syncRegistration } from './registration-data.ts';
import { registrationReviewProblem } from './review-state.ts';
import {
  REGISTRATION_ACTIONS,
  REGISTRATION_STATES,
  type RegistrationAction,
  type RegistrationState,
  registrationTransition,
} from './workflow.ts';

/**
 * 企业注册审核 (seed 001): the registration of an enterprise or institution and its administrator,
 * reviewed by staff within 2 working days while the platform setting 「注册需审核」 is on. The
 * applicant is the administrator account created (pending review) with the submission; the
 * form is EnterpriseRegistrationRecord (the registration without the password).
 */
export default defineService<RegistrationState, RegistrationAction>({
  contract: enterpriseRegistrationContract,
  prefix: 'QYZC',
  slaWorkingDays: 2,
  states: REGISTRATION_STATES,
  actions: REGISTRATION_ACTIONS,
  submittedState: 'pending',
  finalStates: ['approved'],
  stateNames: {
    pending: { 'zh-CN': '待审核', 'zh-HK': '待審核', en: 'Pending review' },
    rejected: { 'zh-CN': '退回补正', 'zh-HK': '退回補正', en: 'Returned for correction' },
    approved: { 'zh-CN': '审核通过', 'zh-HK': '審核通過', en: 'Approved' },
  },
  stateTones: { pending: 'processing', rejected: 'warning', approved: 'success' },
  actionNames: {
    approve: { 'zh-CN': '审核通过', 'zh-HK': '審核通過', en: 'Approve' },
    reject: { 'zh-CN': '退回补正', 'zh-HK': '退回補正', en: 'Return for correction' },
    resubmit: { 'zh-CN': '修改后重新提交', 'zh-HK': '修改後重新提交', en: 'Resubmit corrected' },
  },
  anonymousUploads: true,
  reasonTemplates: {
    reject: [
      '附件不清晰，请重新上传原件扫描件',
      '统一社会信用代码与营业执照不一致',
      '单位名称与证件不一致',
      '联系方式不完整',
    ],
  },
  submitMessages: [
    { to: 'applicant', channels: ['inbox', 'email'], template: 'enterprise-registration.submitted' },
  ],
  transition: registrationTransition,
  routes: enterpriseRegistrationRoutes,
  // signing in before the decision says until when, or that it was returned (seed 001 §2.5)
  setup: () => explainPendingReviewWith(registrationReviewProblem),
  async onDecided(ctx, tx, { application, event }) {
    const action = event.action as RegistrationAction;
    switch (action) {
      case 'approve':
        return activateRegistration(ctx, tx, application);
      case 'reject':
        return issueCorrectionLink(ctx, tx, application);
      case 'resubmit':
        await syncRegistration(ctx, tx, application);
        return undefined;
      default:
        return undefined;
    }
  },
});
