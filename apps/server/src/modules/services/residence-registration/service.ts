import { fieldError } from '../../../http/app-error.ts';
import { defineService, readForm, shanghaiDay, type Transition, unhandled } from '../../casework/index.ts';
import {
  REGISTRATION_STATES,
  type RegistrationForm,
  type RegistrationState,
  residenceRegistrationContract,
} from './contract.ts';
import { STATE_NOTES } from './messages.ts';

const ACTIONS = ['approve', 'reject', 'return', 'resubmit'] as const;
type RegistrationAction = (typeof ACTIONS)[number];

/** One cannot declare having lived somewhere since a day still to come (Shanghai days). */
function checkStartDate(form: RegistrationForm, now: Date) {
  if (form.startDate > shanghaiDay(now))
    throw fieldError('form.startDate', 'residence-registration.start_date_in_future');
}

const TO_APPLICANT = { to: 'applicant', channels: ['inbox', 'sms'] } as const;

/**
 * 待审核 → 审核通过 | 审核不通过 | 退回补正; a returned registration comes back to 待审核 when the
 * applicant resubmits it corrected (its attachments may change too), and the review time runs again.
 */
function transition(
  state: RegistrationState,
  action: RegistrationAction,
): Transition<RegistrationState> | null {
  switch (state) {
    case 'pending':
      switch (action) {
        case 'approve':
          return {
            to: 'approved',
            role: 'reviewer',
            reasonRequired: false,
            messages: [{ ...TO_APPLICANT, template: 'residence-registration.approved' }],
          };
        case 'reject':
          return {
            to: 'rejected',
            role: 'reviewer',
            reasonRequired: true,
            messages: [{ ...TO_APPLICANT, template: 'residence-registration.rejected' }],
          };
        case 'return':
          return {
            to: 'returned',
            role: 'reviewer',
            reasonRequired: true,
            messages: [{ ...TO_APPLICANT, template: 'residence-registration.returned' }],
          };
        case 'resubmit':
          return null;
        default:
          return unhandled(action);
      }
    case 'returned':
      switch (action) {
        case 'resubmit':
          return {
            to: 'pending',
            role: 'applicant',
            reasonRequired: false,
            acceptsForm: true,
            restartsSla: true,
            messages: [
              { to: 'applicant', channels: ['inbox'], template: 'residence-registration.resubmitted' },
            ],
          };
        case 'approve':
        case 'reject':
        case 'return':
          return null;
        default:
          return unhandled(action);
      }
    case 'approved':
    case 'rejected':
      return null;
    default:
      return unhandled(state);
  }
}

/**
 * 申报居住登记 (seed 003 三、1). The manual sets no time limit (「办理时限以当地居住证服务办理部门
 * 实际审核时间为准」); five working days is the platform's own, shown as the due day.
 */
export default defineService<RegistrationState, RegistrationAction>({
  contract: residenceRegistrationContract,
  prefix: 'JZDJ',
  slaWorkingDays: 5,
  states: REGISTRATION_STATES,
  actions: ACTIONS,
  submittedState: 'pending',
  finalStates: ['approved', 'rejected'],
  stateNames: {
    pending: { 'zh-CN': '待审核', 'zh-HK': '待審核', en: 'Awaiting review' },
    returned: { 'zh-CN': '退回补正', 'zh-HK': '退回補正', en: 'Returned for correction' },
    approved: { 'zh-CN': '审核通过', 'zh-HK': '審核通過', en: 'Approved' },
    rejected: { 'zh-CN': '审核不通过', 'zh-HK': '審核不通過', en: 'Not approved' },
  },
  stateTones: { pending: 'processing', returned: 'warning', approved: 'success', rejected: 'error' },
  stateNotes: STATE_NOTES,
  actionNames: {
    approve: { 'zh-CN': '审核通过', 'zh-HK': '審核通過', en: 'Approve' },
    reject: { 'zh-CN': '审核不通过', 'zh-HK': '審核不通過', en: 'Not approve' },
    return: { 'zh-CN': '退回补正', 'zh-HK': '退回補正', en: 'Return for correction' },
    resubmit: { 'zh-CN': '重新提交', 'zh-HK': '重新提交', en: 'Submit again' },
  },
  roleNames: {
    reviewer: { 'zh-CN': '居住登记审核员', 'zh-HK': '居住登記審核員', en: 'Residence registration reviewer' },
    supervisor: {
      'zh-CN': '居住登记审核主管',
      'zh-HK': '居住登記審核主管',
      en: 'Residence registration supervisor',
    },
  },
  reasonTemplates: {
    reject: ['申报地址经核查无此地址', '申报人未在该地址实际居住', '居住地不在本市管辖范围'],
    return: [
      '租赁合同或房产证明不清晰，请重新上传',
      '居住地址不详细，请补充门牌号及房号',
      '联系电话无法接通，请核实',
    ],
  },
  submitMessages: [{ to: 'applicant', channels: ['inbox'], template: 'residence-registration.submitted' }],
  transition,

  async beforeSubmit(ctx, _tx, { form }) {
    const registration = form as RegistrationForm;
    checkStartDate(registration, ctx.clock.now());
    return registration;
  },

  // a corrected form is checked against its schema by the engine, the day here (throwing rolls the
  // resubmission back, with the error next to the field as at the first submission)
  async onDecided(ctx, _tx, { application, event }) {
    if (event.action === 'resubmit') checkStartDate(readForm(ctx, application) as RegistrationForm, event.at);
    return undefined;
  },
});
