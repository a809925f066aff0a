import { defineService, type Transition, unhandled } from '../../casework/index.ts';
import { hubFeedbackContract } from './contract.ts';
import './messages.ts';

const STATES = ['waiting', 'replied', 'closed'] as const;
type FeedbackState = (typeof STATES)[number];
const ACTIONS = ['reply', 'close'] as const;
type FeedbackAction = (typeof ACTIONS)[number];

/** 待回复 → 已回复 (the answer is the step's reason) | 已办结 (no answer needed, with why). */
function transition(state: FeedbackState, action: FeedbackAction): Transition<FeedbackState> | null {
  switch (state) {
    case 'waiting':
      switch (action) {
        case 'reply':
          return {
            to: 'replied',
            role: 'reviewer',
            reasonRequired: true,
            messages: [{ to: 'applicant', channels: ['inbox', 'sms'], template: 'hub-feedback.replied' }],
          };
        case 'close':
          return {
            to: 'closed',
            role: 'reviewer',
            reasonRequired: true,
            messages: [{ to: 'applicant', channels: ['inbox'], template: 'hub-feedback.closed' }],
          };
        default:
          return unhandled(action);
      }
    case 'replied':
    case 'closed':
      return null;
    default:
      return unhandled(state);
  }
}

/** 意见反馈 (seed 003 温馨提示 1): see contract.ts. */
export default defineService<FeedbackState, FeedbackAction>({
  contract: hubFeedbackContract,
  prefix: 'YJFK',
  slaWorkingDays: 3,
  states: STATES,
  actions: ACTIONS,
  submittedState: 'waiting',
  finalStates: ['replied', 'closed'],
  stateNames: {
    waiting: { 'zh-CN': '待回复', 'zh-HK': '待回覆', en: 'Awaiting an answer' },
    replied: { 'zh-CN': '已回复', 'zh-HK': '已回覆', en: 'Answered' },
    closed: { 'zh-CN': '已办结', 'zh-HK': '已辦結', en: 'Closed' },
  },
  stateTones: { waiting: 'processing', replied: 'success', closed: 'default' },
  actionNames: {
    reply: { 'zh-CN': '回复', 'zh-HK': '回覆', en: 'Answer' },
    close: { 'zh-CN': '办结（无需回复）', 'zh-HK': '辦結（無需回覆）', en: 'Close (no answer needed)' },
  },
  roleNames: {
    reviewer: { 'zh-CN': '粤省事客服', 'zh-HK': '粵省事客服', en: 'Hub support' },
    supervisor: { 'zh-CN': '粤省事客服主管', 'zh-HK': '粵省事客服主管', en: 'Hub support lead' },
  },
  reasonTemplates: {
    reply: ['您好，感谢您的反馈，相关问题已转交业务部门处理。'],
    close: ['重复反馈，已在其他反馈中答复', '反馈内容与粤省事服务无关'],
  },
  transition,
});
