import { z } from 'zod';
import { fieldIssue, hasControlCharacters } from './common.ts';

/**
 * 在线咨询 (seed 000 ch.5): a live conversation between a signed-in applicant and the staff of a
 * service. The applicant opens one (its first message), staff take it from the service's queue at a
 * console seat, both write until one of them ends it; the history stays with both.
 */
export const CONSULTATION_STATUSES = ['waiting', 'active', 'closed'] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];

/** Who wrote a message: the applicant, the staff member at the seat, or the platform. */
export const CONSULTATION_SENDERS = ['applicant', 'staff', 'system'] as const;
export type ConsultationSender = (typeof CONSULTATION_SENDERS)[number];

/** What the platform says in a conversation: a `system` message's `body` is one of these. */
export const CONSULTATION_EVENTS = ['taken', 'closed_by_applicant', 'closed_by_staff'] as const;
export type ConsultationEvent = (typeof CONSULTATION_EVENTS)[number];

export const CONSULTATION_MESSAGE_MAX = 1000;
export const CANNED_REPLY_TITLE_MAX = 40;

/** A message: one to a thousand characters, line breaks allowed, no other control characters. */
export function consultationText(max = CONSULTATION_MESSAGE_MAX) {
  return z
    .string()
    .trim()
    .min(1, fieldIssue('field.required'))
    .max(max, fieldIssue('field.too_long'))
    .refine((v) => !hasControlCharacters(v, true), fieldIssue('field.control_character'));
}

export const ConsultationMessage = z
  .object({
    /** 1, 2, 3 … within the conversation: `after` in the messages query */
    seq: z.number().int().min(1),
    sender: z.enum(CONSULTATION_SENDERS),
    /** for staff messages, the seat's display name (工号), never the staff member's account */
    senderName: z.string().nullable(),
    body: z.string(),
    at: z.iso.datetime(),
  })
  .meta({ id: 'ConsultationMessage' });
export type ConsultationMessage = z.infer<typeof ConsultationMessage>;

export const ConsultationView = z
  .object({
    id: z.uuid(),
    serviceCode: z.string(),
    status: z.enum(CONSULTATION_STATUSES),
    /** the first line of the first message, for lists */
    subject: z.string(),
    /** the seat that took the conversation (staff username), once taken */
    seat: z.string().nullable(),
    createdAt: z.iso.datetime(),
    lastMessageAt: z.iso.datetime(),
    closedAt: z.iso.datetime().nullable(),
    /** messages the viewer has not seen yet (the other side's) */
    unread: z.number().int().min(0),
    /** for staff: the applicant's username, masked; null for the applicant's own view */
    applicant: z.string().nullable(),
  })
  .meta({ id: 'Consultation' });
export type ConsultationView = z.infer<typeof ConsultationView>;

/** POST /api/consultations — opens a conversation (or adds to the open one) with its first message. */
export const OpenConsultationBody = z.strictObject({
  serviceCode: z.string().regex(/^[a-z][a-z0-9-]{1,59}$/, fieldIssue('field.invalid')),
  body: consultationText(),
});
export type OpenConsultationBody = z.input<typeof OpenConsultationBody>;

export const ConsultationMessageBody = z.strictObject({ body: consultationText() });
export type ConsultationMessageBody = z.input<typeof ConsultationMessageBody>;

/** GET …/messages?after=<seq> — the messages after `seq` (all without it), oldest first. */
export const ConsultationMessagesQuery = z.strictObject({
  after: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type ConsultationMessagesQuery = z.input<typeof ConsultationMessagesQuery>;

export const ConsultationThread = z
  .object({ consultation: ConsultationView, messages: z.array(ConsultationMessage) })
  .meta({ id: 'ConsultationThread' });
export type ConsultationThread = z.infer<typeof ConsultationThread>;

/** GET /api/consultations?serviceCode= — the applicant's conversations with a service, newest first. */
export const MyConsultationsQuery = z.strictObject({
  serviceCode: z
    .string()
    .regex(/^[a-z][a-z0-9-]{1,59}$/)
    .optional(),
});
export const ConsultationList = z
  .object({ items: z.array(ConsultationView) })
  .meta({ id: 'ConsultationList' });
export type ConsultationList = z.infer<typeof ConsultationList>;

/** GET /api/console/consultations — a seat's queue: waiting, mine (active and taken by me), closed. */
export const CONSULTATION_QUEUES = ['waiting', 'mine', 'closed'] as const;
export const ConsoleConsultationsQuery = z.strictObject({
  serviceCode: z.string().regex(/^[a-z][a-z0-9-]{1,59}$/, fieldIssue('field.invalid')),
  queue: z.enum(CONSULTATION_QUEUES).default('waiting'),
});
export type ConsoleConsultationsQuery = z.input<typeof ConsoleConsultationsQuery>;

/** 常用回复: canned answers a service's seats pick from. */
export const CannedReply = z
  .object({ id: z.uuid(), title: z.string(), body: z.string(), createdAt: z.iso.datetime() })
  .meta({ id: 'CannedReply' });
export type CannedReply = z.infer<typeof CannedReply>;

export const CannedReplyBody = z.strictObject({
  title: z
    .string()
    .trim()
    .min(1, fieldIssue('field.required'))
    .max(CANNED_REPLY_TITLE_MAX, fieldIssue('field.too_long'))
    .refine((v) => !hasControlCharacters(v, false), fieldIssue('field.invalid')),
  body: consultationText(),
});
export type CannedReplyBody = z.input<typeof CannedReplyBody>;

export const CannedReplyList = z.object({ items: z.array(CannedReply) }).meta({ id: 'CannedReplyList' });
export type CannedReplyList = z.infer<typeof CannedReplyList>;
