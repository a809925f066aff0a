import { z } from 'zod';
import { fieldError } from '../../../http/app-error.ts';
import { applicantIdOf, defineService, readForm, type Transition, unhandled } from '../../casework/index.ts';
import { createCertAuthoritySimulator, useAuthority } from './authority.ts';
import { CHECK_JOB, enqueueCheck, runCheck } from './check.ts';
import {
  CERT_STATES,
  type CertForm,
  type CertState,
  certReviewContract,
  DEFAULT_CERT_TYPES,
} from './contract.ts';
import { STATE_EXPLANATIONS } from './messages.ts';
import {
  claimDueRechecks,
  findCertType,
  findRecord,
  insertRecord,
  seedCertTypes,
  setRecordStatus,
} from './records.ts';
import { certReviewRoutes } from './routes.ts';
import { SAMPLE_CERTIFICATES } from './samples.ts';

const ACTIONS = ['approve', 'reject', 'mark_data_error'] as const;
type CertAction = (typeof ACTIONS)[number];

/** 未审核 → 审核通过 | 审核不通过 | 数据有误 (002 §3.3), each decision told by 站内信 and SMS. */
function transition(state: CertState, action: CertAction): Transition<CertState> | null {
  switch (state) {
    case 'pending':
      switch (action) {
        case 'approve':
          return {
            to: 'approved',
            role: 'reviewer',
            reasonRequired: false,
            messages: [{ to: 'applicant', channels: ['inbox', 'sms'], template: 'cert-review.approved' }],
          };
        case 'reject':
          return {
            to: 'rejected',
            role: 'reviewer',
            reasonRequired: true,
            messages: [{ to: 'applicant', channels: ['inbox', 'sms'], template: 'cert-review.rejected' }],
          };
        case 'mark_data_error':
          return {
            to: 'data_error',
            role: 'reviewer',
            reasonRequired: true,
            messages: [{ to: 'applicant', channels: ['inbox', 'sms'], template: 'cert-review.data_error' }],
          };
        default:
          return unhandled(action);
      }
    case 'approved':
    case 'rejected':
    case 'data_error':
      return null;
    default:
      return unhandled(state);
  }
}

/** CERT_REVIEW_SLA_WORKING_DAYS: the review's time limit (default 2 working days). */
const slaWorkingDays = z.coerce
  .number()
  .int()
  .min(1)
  .max(60)
  .default(2)
  .parse(process.env.CERT_REVIEW_SLA_WORKING_DAYS || undefined);

/** Check jobs written by a submission, kicked once it has committed. */
const pendingKicks = new Map<string, string>();

/**
 * 智慧审证 (seed 002). Operators add certificates (the generic draft, attachment and submit routes),
 * the platform asks the issuing authority (a durable job, retried while it does not answer, and
 * again hourly while the application is open), customs reviewers decide with both side by side.
 */
export default defineService<CertState, CertAction>({
  contract: certReviewContract,
  prefix: 'ZHSZ',
  slaWorkingDays,
  states: CERT_STATES,
  actions: ACTIONS,
  submittedState: 'pending',
  finalStates: ['approved', 'rejected', 'data_error'],
  stateNames: {
    pending: { 'zh-CN': '未审核', 'zh-HK': '未審核', en: 'Not reviewed' },
    approved: { 'zh-CN': '审核通过', 'zh-HK': '審核通過', en: 'Approved' },
    rejected: { 'zh-CN': '审核不通过', 'zh-HK': '審核不通過', en: 'Not approved' },
    data_error: { 'zh-CN': '数据有误', 'zh-HK': '數據有誤', en: 'Data error' },
  },
  stateTones: { pending: 'processing', approved: 'success', rejected: 'error', data_error: 'warning' },
  stateNotes: STATE_EXPLANATIONS,
  actionNames: {
    approve: { 'zh-CN': '审核通过', 'zh-HK': '審核通過', en: 'Approve' },
    reject: { 'zh-CN': '审核不通过', 'zh-HK': '審核不通過', en: 'Not approve' },
    mark_data_error: { 'zh-CN': '数据有误', 'zh-HK': '數據有誤', en: 'Data error' },
  },
  roleNames: {
    reviewer: { 'zh-CN': '海关审核员', 'zh-HK': '海關審核員', en: 'Customs reviewer' },
    supervisor: { 'zh-CN': '海关审核科长', 'zh-HK': '海關審核科長', en: 'Customs review chief' },
  },
  reasonTemplates: {
    reject: ['证书信息与发证机关联网核查数据不一致', '证书已过有效期', '持证单位与申请企业不一致'],
    mark_data_error: ['证书编号填写有误', '上传的证书扫描件不清晰或不是本证书', '商品编码或数量与证书不符'],
  },
  submitMessages: [{ to: 'applicant', channels: ['inbox'], template: 'cert-review.submitted' }],
  transition,

  async beforeSubmit(_ctx, tx, { application, form }) {
    const cert = form as CertForm;
    const type = await findCertType(tx, cert.certType);
    if (!type?.active) throw fieldError('form.certType', 'cert-review.cert_type_unknown');
    let readdedFrom = cert.readdedFrom;
    if (readdedFrom) {
      // only the applicant's own failed application may be the origin
      const origin = await findRecord(tx, readdedFrom);
      if (
        !origin ||
        origin.applicantAccountId !== application.applicantAccountId ||
        (origin.status !== 'rejected' && origin.status !== 'data_error')
      )
        readdedFrom = undefined;
    }
    return { ...cert, certTypeName: type.name['zh-CN'], readdedFrom };
  },

  async onSubmitted(ctx, tx, { application }) {
    const form = readForm(ctx, application) as CertForm;
    const origin = form.readdedFrom ? await findRecord(tx, form.readdedFrom) : undefined;
    await insertRecord(tx, {
      applicationId: application.id,
      organizationId: application.organizationId,
      applicantAccountId: applicantIdOf(application),
      number: application.number ?? '',
      certType: form.certType,
      certTypeName: form.certTypeName ?? form.certType,
      certNo: form.certNo,
      status: application.status,
      submittedAt: application.submittedAt ?? ctx.clock.now(),
      readdedFrom: origin?.applicationId ?? null,
      readdedFromNumber: origin?.number ?? null,
    });
    pendingKicks.set(application.id, await enqueueCheck(ctx, tx, application.id));
  },

  afterSubmitted(ctx, { application }) {
    const job = pendingKicks.get(application.id);
    pendingKicks.delete(application.id);
    if (job) ctx.jobs.kick([job]);
  },

  async onDecided(_ctx, tx, { application }) {
    await setRecordStatus(tx, application.id, application.status, application.decidedAt !== null);
    return undefined;
  },

  routes: certReviewRoutes,

  async setup(ctx) {
    const authority = createCertAuthoritySimulator({
      db: ctx.db,
      crypto: ctx.crypto,
      log: ctx.log,
      production: ctx.config.mode === 'production',
    });
    useAuthority(ctx, authority);
    ctx.serviceAdapters.push(authority);
    ctx.jobs.handle(CHECK_JOB, async (payload) => {
      const { applicationId } = payload as { applicationId: string };
      await runCheck(ctx, authority, applicationId);
    });
    await seedCertTypes(ctx.db, DEFAULT_CERT_TYPES);
    await authority.seed(SAMPLE_CERTIFICATES);
  },

  timers: [
    {
      // open applications are asked again, so a change at the authority shows before the decision
      name: 'recheck',
      everyMs: 5 * 60_000,
      async run(ctx) {
        const ids = await claimDueRechecks(ctx.db, ctx.clock.now(), 30 * 60_000, 50);
        const jobs: string[] = [];
        for (const id of ids) jobs.push(await enqueueCheck(ctx, ctx.db, id));
        if (jobs.length > 0) ctx.jobs.kick(jobs);
      },
    },
  ],
});
