import { fieldError } from '../../../http/app-error.ts';
import {
  applicantIdOf,
  defineService,
  findApplicationsOf,
  readForm,
  shanghaiDay,
  type Transition,
  unhandled,
} from '../../casework/index.ts';
import { getAccountById } from '../../identity/index.ts';
import { issueLicence } from '../../licences/index.ts';
import {
  PERMIT_STATES,
  type PermitForm,
  type PermitState,
  RESIDENCE_PERMIT,
  residencePermitContract,
} from './contract.ts';
import { STATE_NOTES } from './messages.ts';
import { eligibleRegistration } from './registrations.ts';
import { residencePermitRoutes } from './routes.ts';
import { permitNumber, permitValidity } from './rules.ts';

const ACTIONS = ['approve', 'reject', 'issue'] as const;
type PermitAction = (typeof ACTIONS)[number];

const TO_APPLICANT = { to: 'applicant', channels: ['inbox', 'sms'] } as const;

/**
 * 待审核 → 审核通过（制证中）→ 已发证, or 待审核 → 审核不通过 with a reason.
 *
 * Two steps rather than one 审核通过并发证: the manual separates them — 「审核通过的，自受理之日起
 * 10个工作日内完成居住证发放」 — the card is made after the approval, and the applicant is told of
 * each. The SLA (10 working days from 受理) runs to the issue, the final state; the licence goes
 * into 我的证照 with the issue, when the permit exists, not with the approval.
 */
function transition(state: PermitState, action: PermitAction): Transition<PermitState> | null {
  switch (state) {
    case 'pending':
      switch (action) {
        case 'approve':
          return {
            to: 'approved',
            role: 'reviewer',
            reasonRequired: false,
            messages: [{ ...TO_APPLICANT, template: 'residence-permit.approved' }],
          };
        case 'reject':
          return {
            to: 'rejected',
            role: 'reviewer',
            reasonRequired: true,
            messages: [{ ...TO_APPLICANT, template: 'residence-permit.rejected' }],
          };
        case 'issue':
          return null;
        default:
          return unhandled(action);
      }
    case 'approved':
      switch (action) {
        case 'issue':
          return {
            to: 'issued',
            role: 'reviewer',
            reasonRequired: false,
            messages: [{ ...TO_APPLICANT, template: 'residence-permit.issued' }],
          };
        case 'approve':
        case 'reject':
          return null;
        default:
          return unhandled(action);
      }
    case 'issued':
    case 'rejected':
      return null;
    default:
      return unhandled(state);
  }
}

/** 申领居住证 (seed 003 三、1 and 常见疑问). */
export default defineService<PermitState, PermitAction>({
  contract: residencePermitContract,
  prefix: 'JZZ',
  // 「审核通过的，自受理之日起10个工作日内完成居住证发放」
  slaWorkingDays: 10,
  states: PERMIT_STATES,
  actions: ACTIONS,
  submittedState: 'pending',
  finalStates: ['issued', 'rejected'],
  stateNames: {
    pending: { 'zh-CN': '待审核', 'zh-HK': '待審核', en: 'Awaiting review' },
    approved: { 'zh-CN': '审核通过（制证中）', 'zh-HK': '審核通過（製證中）', en: 'Approved (being made)' },
    issued: { 'zh-CN': '已发证', 'zh-HK': '已發證', en: 'Issued' },
    rejected: { 'zh-CN': '审核不通过', 'zh-HK': '審核不通過', en: 'Not approved' },
  },
  stateTones: { pending: 'processing', approved: 'processing', issued: 'success', rejected: 'error' },
  stateNotes: STATE_NOTES,
  actionNames: {
    approve: { 'zh-CN': '审核通过', 'zh-HK': '審核通過', en: 'Approve' },
    reject: { 'zh-CN': '审核不通过', 'zh-HK': '審核不通過', en: 'Not approve' },
    issue: { 'zh-CN': '制证发放', 'zh-HK': '製證發放', en: 'Issue the permit' },
  },
  roleNames: {
    reviewer: { 'zh-CN': '居住证审核员', 'zh-HK': '居住證審核員', en: 'Residence permit officer' },
    supervisor: { 'zh-CN': '居住证审核主管', 'zh-HK': '居住證審核主管', en: 'Residence permit supervisor' },
  },
  reasonTemplates: {
    reject: [
      '证件照片不符合要求（须近期免冠彩色正面照）',
      '申领人已不在登记地址居住',
      '居住登记信息与实际不符',
    ],
  },
  submitMessages: [{ to: 'applicant', channels: ['inbox'], template: 'residence-permit.submitted' }],
  transition,

  async beforeSubmit(ctx, tx, { application, form }) {
    const permit = form as PermitForm;
    const accountId = applicantIdOf(application);
    const registration = await eligibleRegistration(ctx, tx, accountId, permit.registrationNumber);
    // one application at a time per city, and none while a permit of the city is valid (it is
    // renewed by 签注, another service)
    const today = shanghaiDay(ctx.clock.now());
    for (const row of await findApplicationsOf(tx, accountId, RESIDENCE_PERMIT)) {
      if (row.id === application.id || row.number === null) continue;
      if ((readForm(ctx, row) as PermitForm).city !== registration.city) continue;
      if (row.decidedAt === null)
        throw fieldError('form.registrationNumber', 'residence-permit.already_applied', 409);
      if (row.status === 'issued' && permitValidity(shanghaiDay(row.decidedAt)).validUntil >= today)
        throw fieldError('form.registrationNumber', 'residence-permit.already_issued', 409);
    }
    return {
      ...permit,
      // the post goes only where the applicant asked for it
      postalAddress: permit.collection === 'post' ? permit.postalAddress : undefined,
      city: registration.city,
      address: registration.address,
      registrationApprovedOn: registration.approvedOn,
    } satisfies PermitForm;
  },

  async onDecided(ctx, tx, { application, event }) {
    if (event.action !== 'issue') return undefined;
    // 制证发放: the permit goes into the holder's 我的证照, in this step's transaction
    const form = readForm(ctx, application) as PermitForm;
    const accountId = applicantIdOf(application);
    const holder = await getAccountById(tx, accountId);
    if (!holder || !form.city || !form.address || !application.number)
      throw new Error(`residence permit ${application.id}: holder, city, address or number missing`);
    const validity = permitValidity(shanghaiDay(event.at));
    await issueLicence(ctx, tx, {
      accountId,
      type: 'residence_permit',
      city: form.city,
      record: {
        number: permitNumber(form.city, application.number),
        holder: holder.name,
        ...validity,
        fields: { address: form.address },
      },
    });
    return { validUntil: validity.validUntil };
  },

  routes: residencePermitRoutes,
});
