import type { AppContext } from '../../../context.ts';
import { fieldError } from '../../../http/app-error.ts';
import { daySlots, registerResources, setDaySlots } from '../../appointments/index.ts';
import { defineService, shanghaiDay, type Transition, unhandled } from '../../casework/index.ts';
import { createHkTdSimulator, createInsurerSimulator } from './adapters.ts';
import {
  DEFAULT_PORT,
  NB_STATES,
  type NbState,
  NORTHBOUND,
  NORTHBOUND_PORTS,
  northboundContract,
} from './contract.ts';
import './messages.ts';
import { adapters, findRecordByApplication, issuePlates, pullHkTd } from './records.ts';
import { sendBookingReminders } from './reminders.ts';
import { northboundRoutes } from './routes.ts';
import { clearInsurance } from './staff.ts';

/**
 * 港车北上's back office (N15) on the casework engine. An application arrives from HK TD already
 * past its preliminary check (初审通过); Guangdong approves it (粤港审批), checks the vehicle and the
 * owner's insurance (验车、保险 — the insurance may be sent back), issues the temporary plate,
 * permit and tags (发牌), and may suspend, reinstate or revoke the clearance. Reviewers take the
 * ordinary steps, each step of a duty (岗位: approval, inspection, issuing) a reviewer may be limited
 * to; supervisors take any and revoke and reinstate. Every step is audited by the engine.
 */
type State = NbState;
const ACTIONS = [
  'approve',
  'reject',
  'return_insurance',
  'pass_inspection',
  'issue',
  'suspend',
  'reinstate',
  'revoke',
] as const;
type Action = (typeof ACTIONS)[number];

function transition(state: State, action: Action): Transition<State> | null {
  switch (state) {
    case 'preliminary':
      switch (action) {
        case 'approve':
          return {
            to: 'inspection',
            role: 'reviewer',
            duty: 'approval',
            reasonRequired: false,
            messages: [{ to: 'applicant', channels: ['inbox', 'sms'], template: 'northbound.approved' }],
          };
        case 'reject':
          return {
            to: 'rejected',
            role: 'reviewer',
            duty: 'approval',
            reasonRequired: true,
            messages: [{ to: 'applicant', channels: ['inbox'], template: 'northbound.rejected' }],
          };
        default:
          return null;
      }
    case 'inspection':
      switch (action) {
        case 'pass_inspection':
          return {
            to: 'issuing',
            role: 'reviewer',
            duty: 'inspection',
            reasonRequired: false,
            messages: [{ to: 'applicant', channels: ['inbox'], template: 'northbound.inspected' }],
          };
        case 'return_insurance':
          return {
            to: 'inspection',
            role: 'reviewer',
            duty: 'inspection',
            reasonRequired: true,
            messages: [
              { to: 'applicant', channels: ['inbox', 'sms'], template: 'northbound.insurance_returned' },
            ],
          };
        case 'reject':
          return {
            to: 'rejected',
            role: 'reviewer',
            duty: 'inspection',
            reasonRequired: true,
            messages: [{ to: 'applicant', channels: ['inbox'], template: 'northbound.rejected' }],
          };
        default:
          return null;
      }
    case 'issuing':
      return action === 'issue'
        ? {
            to: 'active',
            role: 'reviewer',
            duty: 'issuing',
            reasonRequired: false,
            messages: [{ to: 'applicant', channels: ['inbox', 'sms'], template: 'northbound.issued' }],
          }
        : null;
    case 'active':
      switch (action) {
        case 'suspend':
          return {
            to: 'suspended',
            role: 'reviewer',
            reasonRequired: true,
            messages: [{ to: 'applicant', channels: ['inbox', 'sms'], template: 'northbound.suspended' }],
          };
        case 'revoke':
          return {
            to: 'revoked',
            role: 'supervisor',
            reasonRequired: true,
            messages: [{ to: 'applicant', channels: ['inbox', 'sms'], template: 'northbound.revoked' }],
          };
        default:
          return null;
      }
    case 'suspended':
      switch (action) {
        case 'reinstate':
          return {
            to: 'active',
            role: 'supervisor',
            reasonRequired: false,
            messages: [{ to: 'applicant', channels: ['inbox'], template: 'northbound.reinstated' }],
          };
        case 'revoke':
          return {
            to: 'revoked',
            role: 'supervisor',
            reasonRequired: true,
            messages: [{ to: 'applicant', channels: ['inbox', 'sms'], template: 'northbound.revoked' }],
          };
        default:
          return null;
      }
    case 'revoked':
    case 'rejected':
      return null;
    default:
      return unhandled(state);
  }
}

const L = (zh: string, hk: string, en: string) => ({ 'zh-CN': zh, 'zh-HK': hk, en });

/** The time slots a day gets when the demo data fills the coming week (staff edit them). */
const DEMO_SLOTS = [
  { starts: '08:00', ends: '12:00', capacity: 50 },
  { starts: '12:00', ends: '18:00', capacity: 80 },
  { starts: '18:00', ends: '22:00', capacity: 50 },
];

export default defineService<State, Action>({
  contract: northboundContract,
  prefix: 'GCBS',
  slaWorkingDays: 10,
  states: NB_STATES,
  actions: ACTIONS,
  submittedState: 'preliminary',
  finalStates: ['revoked', 'rejected'],
  messageLocale: 'zh-HK',
  stateNames: {
    preliminary: L('初审通过，待粤港审批', '初審通過，待粵港審批', 'Awaiting Guangdong approval'),
    inspection: L('验车、保险', '驗車、保險', 'Inspection and insurance'),
    issuing: L('待发牌', '待發牌', 'Awaiting plates'),
    active: L('可通行', '可通行', 'Cleared to travel'),
    suspended: L('已暂停', '已暫停', 'Suspended'),
    revoked: L('已注销', '已註銷', 'Revoked'),
    rejected: L('不予批准', '不予批准', 'Not approved'),
  },
  stateTones: {
    preliminary: 'processing',
    inspection: 'processing',
    issuing: 'processing',
    active: 'success',
    suspended: 'warning',
    revoked: 'error',
    rejected: 'error',
  },
  stateNotes: {
    preliminary: L(
      '请耐心等待相关单位的审核，如有新的消息，系统会在第一时间通知您。',
      '請耐心等待相關單位的審核，如有新的消息，系統會在第一時間通知您。',
      'Please wait for the review; you will be told as soon as anything changes.',
    ),
    inspection: L(
      '请在个人中心点击“填写保险信息”提交车辆保险。',
      '請在個人中心點擊「填寫保險信息」提交車輛保險。',
      'Add the vehicle insurance from 个人中心.',
    ),
  },
  actionNames: {
    approve: L('粤港审批通过', '粵港審批通過', 'Approve (Guangdong)'),
    reject: L('不予批准', '不予批准', 'Refuse'),
    return_insurance: L('退回保险信息', '退回保險信息', 'Send the insurance back'),
    pass_inspection: L('验车、保险核验通过', '驗車、保險核驗通過', 'Inspection and insurance passed'),
    issue: L('发牌', '發牌', 'Issue plate and tags'),
    suspend: L('暂停通行资格', '暫停通行資格', 'Suspend'),
    reinstate: L('恢复通行资格', '恢復通行資格', 'Reinstate'),
    revoke: L('注销牌证', '註銷牌證', 'Revoke'),
  },
  roleNames: {
    reviewer: L('广东审批员', '廣東審批員', 'Guangdong officer'),
    supervisor: L('广东审批科长', '廣東審批科長', 'Guangdong chief officer'),
  },
  duties: {
    approval: L('粤港审批', '粵港審批', 'Guangdong–Hong Kong approval'),
    inspection: L('验车、保险核验', '驗車、保險核驗', 'Inspection and insurance check'),
    issuing: L('发牌', '發牌', 'Plates and tags'),
  },
  reasonTemplates: {
    reject: ['车辆资料与香港运输署资料不一致', '车主或驾驶人不符合申请条件'],
    return_insurance: ['保单照片不清晰', '保险期限不足临时出入内地期限', '保单不是交强险或等效先认保单'],
    suspend: ['多次未预约通关', '车辆在内地停留超过规定期限'],
    revoke: ['申请人申请注销', '严重违反管理规定'],
  },
  transition,
  async onDecided(ctx, tx, { application, event }) {
    switch (event.action as Action) {
      case 'pass_inspection': {
        const record = await findRecordByApplication(tx, application.id);
        if (!record?.insuranceEnc) throw fieldError('action', 'northbound.insurance_missing', 409);
        return undefined;
      }
      case 'return_insurance':
        await clearInsurance(ctx, tx, application.id);
        return undefined;
      case 'issue':
        return issuePlates(ctx, tx, application.id);
      default:
        return undefined;
    }
  },
  routes: northboundRoutes,
  async setup(ctx) {
    const production = ctx.config.mode === 'production';
    adapters.hktd = createHkTdSimulator(production);
    adapters.insurer = createInsurerSimulator(production);
    ctx.serviceAdapters.push(adapters.hktd, adapters.insurer);
    registerResources(
      Object.entries(NORTHBOUND_PORTS).map(([code, name]) => ({ service: NORTHBOUND, code, name })),
    );
    if (ctx.config.seedDemoData) {
      await pullHkTd(ctx, null);
      await fillDemoWeek(ctx);
    }
  },
  timers: [
    {
      name: 'hktd-pull',
      everyMs: 5 * 60_000,
      run: (ctx) => pullHkTd(ctx, new Date(ctx.clock.now().getTime() - 10 * 60_000)).then(() => undefined),
    },
    {
      name: 'booking-reminders',
      everyMs: 10 * 60_000,
      run: (ctx) => sendBookingReminders(ctx).then(() => undefined),
    },
    {
      name: 'demo-slots',
      everyMs: 6 * 3_600_000,
      run: async (ctx) => {
        if (ctx.config.seedDemoData) await fillDemoWeek(ctx);
      },
    },
  ],
});

/** Demo data: the coming week's slots at the port, where a day has none yet. */
async function fillDemoWeek(ctx: AppContext) {
  const today = shanghaiDay(ctx.clock.now());
  for (let i = 1; i <= 7; i++) {
    const day = new Date(Date.parse(`${today}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10);
    const existing = await daySlots(ctx.db, NORTHBOUND, DEFAULT_PORT, day);
    if (existing.slots.length === 0)
      await setDaySlots(ctx, {
        serviceCode: NORTHBOUND,
        resource: DEFAULT_PORT,
        day,
        body: { freeOfBooking: false, slots: DEMO_SLOTS },
        staffId: null,
      });
  }
}
