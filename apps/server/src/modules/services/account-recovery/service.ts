import { defineService, type Transition, unhandled } from '../../casework/index.ts';
import { accountRecoveryContract } from './contract.ts';
import './messages.ts';
import { afterRecoveryDecided, decideRecovery } from './requests.ts';
import { accountRecoveryRoutes } from './routes.ts';

/**
 * 人工资料审核 (seed 004 §2.3–§2.4): a claim made without signing in, decided by a reviewer —
 * approved (the username by SMS, or the chosen password takes effect) or rejected with a reason.
 * Both are final: a new claim is a new application. The applicant has no account, so the messages
 * go by SMS from the decision's effects (requests.ts), not from the transitions.
 */
const STATES = ['pending', 'approved', 'rejected'] as const;
type State = (typeof STATES)[number];
const ACTIONS = ['approve', 'reject'] as const;
type Action = (typeof ACTIONS)[number];

function transition(state: State, action: Action): Transition<State> | null {
  switch (state) {
    case 'pending':
      switch (action) {
        case 'approve':
          return { to: 'approved', role: 'reviewer', reasonRequired: false };
        case 'reject':
          return { to: 'rejected', role: 'reviewer', reasonRequired: true };
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

export default defineService<State, Action>({
  contract: accountRecoveryContract,
  prefix: 'RGSH',
  slaWorkingDays: 2,
  states: STATES,
  actions: ACTIONS,
  submittedState: 'pending',
  finalStates: ['approved', 'rejected'],
  stateNames: {
    pending: { 'zh-CN': '待审核', 'zh-HK': '待審核', en: 'Pending review' },
    approved: { 'zh-CN': '审核通过', 'zh-HK': '審核通過', en: 'Approved' },
    rejected: { 'zh-CN': '审核不通过', 'zh-HK': '審核不通過', en: 'Rejected' },
  },
  stateTones: { pending: 'processing', approved: 'success', rejected: 'error' },
  actionNames: {
    approve: { 'zh-CN': '审核通过', 'zh-HK': '審核通過', en: 'Approve' },
    reject: { 'zh-CN': '审核不通过', 'zh-HK': '審核不通過', en: 'Reject' },
  },
  roleNames: {
    reviewer: { 'zh-CN': '账号审核员', 'zh-HK': '帳戶審核員', en: 'Account reviewer' },
    supervisor: { 'zh-CN': '账号审核主管', 'zh-HK': '帳戶審核主管', en: 'Account review supervisor' },
  },
  anonymousUploads: true,
  reasonTemplates: {
    reject: [
      '上传的证件图片不清晰，请重新提交',
      '填写的信息与账号注册信息不一致',
      '证件图片与填写的信息不一致',
      '未找到与申请信息匹配的账号',
    ],
  },
  transition,
  routes: accountRecoveryRoutes,
  async onDecided(ctx, tx, { application, event }) {
    await decideRecovery(ctx, tx, {
      application,
      action: event.action as Action,
      reviewerId: event.actorId,
      reason: event.reason,
    });
    return undefined;
  },
  afterDecided: (ctx, { application, event }) => afterRecoveryDecided(ctx, application, event.action),
});
