import { z } from 'zod';
import { ACCOUNT_STATUSES } from '../enums.ts';
import { Username } from './accounts.ts';
import { Email, Mobile } from './auth.ts';
import { fieldIssue, nameText, text } from './common.ts';

/** A text in the three interface languages. */
export const Localized = z.object({ 'zh-CN': z.string(), 'zh-HK': z.string(), en: z.string() });
export type Localized = z.infer<typeof Localized>;

const Cursor = z.string().max(300).optional();
const Limit = z.coerce.number().int().min(1).max(100).default(20);
const Version = z.number().int().min(1);
const Uuid = z.uuid();

/** The applicant's progress as antd Steps show it: 提交申请 → 审核中 → 办结. */
export const ApplicationProgress = z.object({
  /** 0 draft, 1 under way, 2 finished */
  current: z.number().int().min(0).max(2),
  status: z.enum(['wait', 'process', 'finish', 'error']),
});
export type ApplicationProgress = z.infer<typeof ApplicationProgress>;

/** One value of a form as a view shows it: labelled, coded values named, personal data masked. */
export const FieldView = z.object({
  path: z.string(),
  label: z.string(),
  /** null: not filled */
  value: z.string().nullable(),
  multiline: z.boolean(),
  /** personal data shown masked; `revealable`: this viewer may ask to see it whole (audited) */
  masked: z.boolean(),
  revealable: z.boolean(),
});
export type FieldView = z.infer<typeof FieldView>;

export const FormSectionView = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('fields'),
    key: z.string(),
    title: z.string().nullable(),
    fields: z.array(FieldView),
  }),
  z.object({
    kind: z.literal('table'),
    key: z.string(),
    title: z.string(),
    columns: z.array(z.object({ key: z.string(), label: z.string() })),
    rows: z.array(z.array(FieldView)),
  }),
]);
export type FormSectionView = z.infer<typeof FormSectionView>;

export const FormView = z.object({ sections: z.array(FormSectionView) }).meta({ id: 'FormView' });
export type FormView = z.infer<typeof FormView>;

/** POST /api/console/applications/:id/reveal — one personal field whole, with the reason (audited). */
export const RevealFieldBody = z.strictObject({
  path: z.string().min(1).max(200),
  reason: z.string().trim().min(2).max(200),
});
export const RevealedField = z.object({ path: z.string(), value: z.string() });

/** How a state is shown: the service says (a grey draft, a blue review, a green approval …). */
export const STATE_TONES = ['default', 'processing', 'success', 'warning', 'error'] as const;
export type StateTone = (typeof STATE_TONES)[number];

/** One line of 我的申请 and of the console queues. */
export const ApplicationSummary = z
  .object({
    id: Uuid,
    /** null while a draft */
    number: z.string().nullable(),
    serviceCode: z.string(),
    serviceName: Localized,
    status: z.string(),
    statusName: Localized,
    /** the colour of the state, from the service's definition */
    statusTone: z.enum(STATE_TONES),
    /** what the state means to the applicant and what to do next, where the service says */
    statusNote: Localized.nullable(),
    final: z.boolean(),
    version: z.number().int(),
    applicantName: z.string(),
    applicantCode: z.string().nullable(),
    createdAt: z.iso.datetime(),
    submittedAt: z.iso.datetime().nullable(),
    updatedAt: z.iso.datetime(),
    /** the SLA: end of the last working day */
    dueAt: z.iso.datetime().nullable(),
    /** past due and not finished */
    overdue: z.boolean(),
    /** working days left before the due date (0 on the last one; negative when overdue); null when none */
    workingDaysLeft: z.number().int().nullable(),
    decidedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ApplicationSummary' });
export type ApplicationSummary = z.infer<typeof ApplicationSummary>;

export const ApplicationEventView = z.object({
  id: z.number().int(),
  /** `create`, `submit`, `claim`, `release`, `assign`, or a workflow action */
  action: z.string(),
  actionName: Localized,
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  toStatusName: Localized,
  toStatusTone: z.enum(STATE_TONES),
  /** 申请人 / 审核人员 for the applicant; the staff member's name in the console */
  actorLabel: z.string(),
  reason: z.string().nullable(),
  at: z.iso.datetime(),
});
export type ApplicationEventView = z.infer<typeof ApplicationEventView>;

export const AttachmentView = z.object({
  fileId: Uuid,
  slot: z.string(),
  slotName: Localized,
  name: z.string(),
  mime: z.string(),
  size: z.number().int(),
  hasThumbnail: z.boolean(),
});
export type AttachmentView = z.infer<typeof AttachmentView>;

/** An attachment slot of a service (issue 4 §1), for forms and checks in the browser. */
export const AttachmentRuleView = z.object({
  slot: z.string(),
  name: Localized,
  /** required for the form as it is now */
  required: z.boolean(),
  types: z.array(z.string()),
  maxBytes: z.number().int(),
  maxCount: z.number().int(),
});
export type AttachmentRuleView = z.infer<typeof AttachmentRuleView>;

/** A step the viewer may take now. */
export const AllowedAction = z.object({
  action: z.string(),
  name: Localized,
  reasonRequired: z.boolean(),
  /** the applicant sends a corrected form with it */
  acceptsForm: z.boolean(),
  /** ready-made reasons (zh-CN) */
  reasonTemplates: z.array(z.string()),
});
export type AllowedAction = z.infer<typeof AllowedAction>;

export const InboxMessageBrief = z.object({
  id: Uuid,
  title: z.string(),
  body: z.string(),
  readAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});

/** GET /api/applications/:id — the applicant's detail. */
export const ApplicationDetail = ApplicationSummary.extend({
  progress: ApplicationProgress,
  /** the form as typed, for editing (only while the applicant may still change it) */
  form: z.record(z.string(), z.unknown()).nullable(),
  /** the form as the service's field metadata shows it: labelled, personal data masked */
  formView: FormView,
  editable: z.boolean(),
  timeline: z.array(ApplicationEventView),
  attachments: z.array(AttachmentView),
  attachmentRules: z.array(AttachmentRuleView),
  /** the in-site messages this application sent the viewer */
  messages: z.array(InboxMessageBrief),
  allowedActions: z.array(AllowedAction),
}).meta({ id: 'ApplicationDetail' });
export type ApplicationDetail = z.infer<typeof ApplicationDetail>;

/** GET /api/applications — 我的申请, newest first. */
export const MyApplicationsQuery = z.strictObject({
  service: z.string().max(40).optional(),
  /** `open` (not finished), `draft`, `final`, or one status */
  status: z.string().max(40).optional(),
  /** number, or part of it */
  q: z.string().trim().max(40).optional(),
  cursor: Cursor,
  limit: Limit,
});
export type MyApplicationsQuery = z.infer<typeof MyApplicationsQuery>;

export const ApplicationPage = z
  .object({ items: z.array(ApplicationSummary), nextCursor: z.string().nullable() })
  .meta({ id: 'ApplicationPage' });
export type ApplicationPage = z.infer<typeof ApplicationPage>;

/** POST /api/applications — a draft. */
export const CreateApplicationBody = z.strictObject({
  serviceCode: z.string().min(1).max(40),
  form: z.record(z.string(), z.unknown()).default({}),
});
/** PUT /api/applications/:id/form — save a draft. */
export const SaveDraftBody = z.strictObject({ version: Version, form: z.record(z.string(), z.unknown()) });
/** POST /api/applications/:id/submit */
export const SubmitApplicationBody = z.strictObject({ version: Version });
/** POST /api/applications/:id/actions — an applicant's step (e.g. resubmit after 退回补正). */
export const ApplicantActionBody = z.strictObject({
  version: Version,
  action: z.string().min(1).max(40),
  reason: z.string().max(1000).optional(),
  form: z.record(z.string(), z.unknown()).optional(),
});

// ————————————————————————————— console —————————————————————————————

export const QUEUE_VIEWS = ['mine', 'unassigned', 'overdue', 'all'] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];

/** GET /api/console/queue (and /export). Dates are Shanghai days, inclusive. */
export const QueueQuery = z.strictObject({
  view: z.enum(QUEUE_VIEWS).default('all'),
  service: z.string().max(40).optional(),
  status: z.string().max(40).optional(),
  /** exact number, or its beginning */
  number: z.string().trim().max(32).optional(),
  /** applicant name (part) or code (exact) */
  applicant: z.string().trim().max(100).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  sort: z.enum(['submittedAt', 'dueAt']).default('submittedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
  cursor: Cursor,
  limit: Limit,
});
export type QueueQuery = z.infer<typeof QueueQuery>;

export const QueueExportQuery = QueueQuery.omit({ cursor: true, limit: true }).extend({
  format: z.enum(['csv', 'xlsx']).default('xlsx'),
});
export type QueueExportQuery = z.infer<typeof QueueExportQuery>;

export const QueueItem = ApplicationSummary.extend({
  assigneeId: Uuid.nullable(),
  assigneeName: z.string().nullable(),
}).meta({ id: 'QueueItem' });
export type QueueItem = z.infer<typeof QueueItem>;

export const QueuePage = z
  .object({ items: z.array(QueueItem), nextCursor: z.string().nullable() })
  .meta({ id: 'QueuePage' });
export type QueuePage = z.infer<typeof QueuePage>;

/** The applicant as the reviewer sees them (personal numbers masked). */
export const ApplicantView = z.object({
  accountId: Uuid,
  username: z.string(),
  name: z.string(),
  kind: z.string(),
  accountStatus: z.enum(ACCOUNT_STATUSES),
  mobileMasked: z.string().nullable(),
  emailMasked: z.string().nullable(),
  organization: z
    .object({
      name: z.string(),
      creditCode: z.string().nullable(),
      orgCode: z.string().nullable(),
      status: z.string(),
    })
    .nullable(),
});
export type ApplicantView = z.infer<typeof ApplicantView>;

/** GET /api/console/applications/:id */
export const ConsoleApplicationDetail = QueueItem.extend({
  progress: ApplicationProgress,
  /** the form as the service's field metadata shows it; personal data masked, revealable on request */
  formView: FormView,
  /** null: made without an account (人工资料审核 of a forgotten username or password) */
  applicant: ApplicantView.nullable(),
  timeline: z.array(ApplicationEventView),
  attachments: z.array(AttachmentView),
  /** what this staff member may do now (decisions) */
  allowedActions: z.array(AllowedAction),
  /** claim / release / assign, as the viewer may */
  canClaim: z.boolean(),
  canRelease: z.boolean(),
  canAssign: z.boolean(),
}).meta({ id: 'ConsoleApplicationDetail' });
export type ConsoleApplicationDetail = z.infer<typeof ConsoleApplicationDetail>;

export const ClaimBody = z.strictObject({ version: Version });
export const AssignBody = z.strictObject({ version: Version, assigneeId: Uuid });
export const DecideBody = z.strictObject({
  version: Version,
  action: z.string().min(1).max(40),
  reason: z.string().max(1000).optional(),
});
export type DecideBody = z.infer<typeof DecideBody>;

/** A service as the console's filters and forms need it. */
export const ConsoleServiceView = z.object({
  code: z.string(),
  name: Localized,
  states: z.array(
    z.object({ code: z.string(), name: Localized, final: z.boolean(), tone: z.enum(STATE_TONES) }),
  ),
  actions: z.array(z.object({ code: z.string(), name: Localized })),
  slaWorkingDays: z.number().int(),
  /** how this service names its reviewer and supervisor (e.g. 海关审核员) */
  roleNames: z.object({ reviewer: Localized, supervisor: Localized }),
  /** the viewer's roles for it */
  roles: z.array(z.enum(['reviewer', 'supervisor'])),
  /** the duties (岗位) its reviewers' steps are divided into; empty when it names none */
  duties: z.array(z.object({ code: z.string(), name: Localized })),
  /** the duties the viewer is limited to; null: every duty */
  myDuties: z.array(z.string()).nullable(),
});
export type ConsoleServiceView = z.infer<typeof ConsoleServiceView>;

/** GET /api/console/services/:code/staff — whom a supervisor may assign to. */
export const ServiceStaffMember = z.object({
  id: Uuid,
  name: z.string(),
  username: z.string(),
  roles: z.array(z.enum(['reviewer', 'supervisor'])),
  openCount: z.number().int(),
});

export type ServiceStaffMember = z.infer<typeof ServiceStaffMember>;

/** GET /api/console/access — what the signed-in staff member may use in the console. */
export const ConsoleAccess = z
  .object({
    platformAdmin: z.boolean(),
    /** services with the viewer's reviewer / supervisor roles */
    services: z.array(z.object({ code: z.string(), roles: z.array(z.enum(['reviewer', 'supervisor'])) })),
  })
  .meta({ id: 'ConsoleAccess' });
export type ConsoleAccess = z.infer<typeof ConsoleAccess>;

/** GET /api/console/dashboard?from&to (Shanghai days; default the last 30). */
export const DashboardQuery = z.strictObject({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  service: z.string().max(40).optional(),
});
export const Dashboard = z
  .object({
    from: z.iso.date(),
    to: z.iso.date(),
    byStatus: z.array(
      z.object({
        serviceCode: z.string(),
        status: z.string(),
        statusName: Localized,
        count: z.number().int(),
      }),
    ),
    perDay: z.array(z.object({ day: z.iso.date(), submitted: z.number().int(), decided: z.number().int() })),
    sla: z.array(
      z.object({
        serviceCode: z.string(),
        serviceName: Localized,
        decided: z.number().int(),
        onTime: z.number().int(),
        /** decided on time / decided; null when nothing was decided */
        rate: z.number().nullable(),
        openOverdue: z.number().int(),
      }),
    ),
    open: z.number().int(),
    overdue: z.number().int(),
    unassigned: z.number().int(),
  })
  .meta({ id: 'Dashboard' });
export type Dashboard = z.infer<typeof Dashboard>;

// —————————————————————— staff accounts and settings ——————————————————————

export const STAFF_ROLES = ['platform_admin', 'reviewer', 'supervisor'] as const;
export type StaffRoleName = (typeof STAFF_ROLES)[number];
export const StaffGrant = z.object({
  role: z.enum(STAFF_ROLES, fieldIssue('field.invalid')),
  /** `*` for platform_admin */
  serviceCode: z.string().min(1).max(40),
  /**
   * A reviewer limited to some duties (岗位) of the service, by code (ConsoleServiceView.duties);
   * absent or empty: every duty
   */
  duties: z
    .array(z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/, fieldIssue('staff.duty_unknown')))
    .max(20)
    .optional(),
});
export type StaffGrant = z.infer<typeof StaffGrant>;

export const StaffMemberView = z
  .object({
    id: Uuid,
    username: z.string(),
    name: z.string(),
    status: z.enum(ACCOUNT_STATUSES),
    mobileMasked: z.string().nullable(),
    emailMasked: z.string().nullable(),
    grants: z.array(StaffGrant),
    createdAt: z.iso.datetime(),
    lastSignInAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'StaffMember' });
export type StaffMemberView = z.infer<typeof StaffMemberView>;

/** POST /api/console/staff — the initial password is shown once and changed at first sign-in. */
export const CreateStaffBody = z.strictObject({
  username: Username,
  name: nameText(50),
  mobile: Mobile,
  email: Email,
  grants: z.array(StaffGrant).max(50).default([]),
});
export type CreateStaffBody = z.infer<typeof CreateStaffBody>;
export const StaffCreated = z.object({ staff: StaffMemberView, initialPassword: z.string() });
export type StaffCreated = z.infer<typeof StaffCreated>;
/** PUT /api/console/staff/:id/grants — replaces the grants. */
export const SetGrantsBody = z.strictObject({ grants: z.array(StaffGrant).max(50) });

/** Reason text as staff type it. */
export const ReasonText = text(1000);
