import { defineService, readForm, type Transition, unhandled } from '../../casework/index.ts';
import { reissueTag } from '../northbound/index.ts';
import { northboundTagsContract, type TagRequestForm } from './contract.ts';
import './messages.ts';
import { northboundTagsRoutes } from './routes.ts';

/**
 * 补办车卡 / 补办驾驶人标识 (seed 000 §4.7): submitted from 港车北上's 我要办事, completed by the site's
 * officer when the new tag is fitted — which writes the new number into 港车北上's record (through its
 * index) — or refused with a reason.
 */
const STATES = ['submitted', 'completed', 'rejected'] as const;
type State = (typeof STATES)[number];
const ACTIONS = ['complete', 'reject'] as const;
type Action = (typeof ACTIONS)[number];

function transition(state: State, action: Action): Transition<State> | null {
  switch (state) {
    case 'submitted':
      switch (action) {
        case 'complete':
          return {
            to: 'completed',
            role: 'reviewer',
            reasonRequired: false,
            messages: [
              { to: 'applicant', channels: ['inbox', 'sms'], template: 'northbound-tags.completed' },
            ],
          };
        case 'reject':
          return {
            to: 'rejected',
            role: 'reviewer',
            reasonRequired: true,
            messages: [{ to: 'applicant', channels: ['inbox'], template: 'northbound-tags.rejected' }],
          };
        default:
          return unhandled(action);
      }
    case 'completed':
    case 'rejected':
      return null;
    default:
      return unhandled(state);
  }
}

const L = (zh: string, hk: string, en: string) => ({ 'zh-CN': zh, 'zh-HK': hk, en });

export default defineService<State, Action>({
  contract: northboundTagsContract,
  prefix: 'GCBB',
  slaWorkingDays: 5,
  states: STATES,
  actions: ACTIONS,
  submittedState: 'submitted',
  finalStates: ['completed', 'rejected'],
  messageLocale: 'zh-HK',
  stateNames: {
    submitted: L('已提交，待现场办理', '已提交，待現場辦理', 'Submitted: have it fitted at the site'),
    completed: L('已办结', '已辦結', 'Done'),
    rejected: L('不予办理', '不予辦理', 'Refused'),
  },
  stateTones: { submitted: 'processing', completed: 'success', rejected: 'error' },
  stateNotes: {
    submitted: L(
      '提交成功后，可前往已选择的办理机构现场进行更换。请耐心等待相关单位的审核，如有新的消息，系统会在第一时间通知您。',
      '提交成功後，可前往已選擇的辦理機構現場進行更換。請耐心等待相關單位的審核，如有新的消息，系統會在第一時間通知您。',
      'Go to the site you chose to have the tag fitted; you will be told as soon as anything changes.',
    ),
  },
  actionNames: {
    complete: L('现场更换完成', '現場更換完成', 'Fitted at the site'),
    reject: L('不予办理', '不予辦理', 'Refuse'),
  },
  roleNames: {
    reviewer: L('办理点民警', '辦理點民警', 'Site officer'),
    supervisor: L('办理点负责人', '辦理點負責人', 'Site supervisor'),
  },
  reasonTemplates: {
    reject: ['车辆通行资格已暂停或注销', '驾驶人备案信息与出入境证件不一致', '未在规定期限内到现场办理'],
  },
  transition,
  async onDecided(ctx, tx, { application, event }) {
    if ((event.action as Action) !== 'complete') return undefined;
    const form = readForm(ctx, application) as TagRequestForm;
    return reissueTag(ctx, tx, {
      recordId: form.recordId,
      kind: form.kind,
      driverIndex: form.driverIndex,
      actorId: event.actorId,
    });
  },
  routes: northboundTagsRoutes,
});
