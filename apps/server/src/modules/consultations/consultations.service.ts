import type {
  CannedReply,
  CannedReplyBody,
  ConsultationEvent,
  ConsultationList,
  ConsultationMessage,
  ConsultationThread,
  ConsultationView,
  OpenConsultationBody,
} from '@sw/contracts';
import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/index.ts';
import { findCaseworkService } from '../casework/index.ts';
import { type Auth, type RequestMeta, type StaffAuth, workflowRolesFor } from '../identity/index.ts';
import {
  appendMessage,
  type ConsultationRow,
  closeConsultation,
  deleteReply,
  findConsultation,
  findConsultationsOfAccount,
  findMessages,
  findOpenConsultation,
  findQueue,
  findReplies,
  insertConsultation,
  insertReply,
  type MessageRow,
  markSeen,
  type ReplyRow,
  takeConsultation,
} from './consultations.repo.ts';

const SUBJECT_MAX = 60;

type Side = 'applicant' | 'staff';

function notFound(): AppError {
  return new AppError('consultations.not_found', { status: 404 });
}

/** The first line of the first message, cut for lists. */
export function subjectOf(body: string): string {
  const line = body.split(/\r?\n/, 1)[0]!.trim();
  return line.length > SUBJECT_MAX ? `${line.slice(0, SUBJECT_MAX - 1)}…` : line;
}

function present(ctx: AppContext, row: ConsultationRow, side: Side): ConsultationView {
  return {
    id: row.id,
    serviceCode: row.serviceCode,
    status: row.status,
    subject: ctx.crypto.decrypt(row.subject),
    seat: row.seatUsername,
    createdAt: row.createdAt.toISOString(),
    lastMessageAt: row.lastMessageAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
    unread: Math.max(0, row.lastSeq - (side === 'applicant' ? row.applicantSeen : row.staffSeen)),
    applicant: side === 'staff' ? row.applicantUsername : null,
  };
}

function presentMessage(ctx: AppContext, row: MessageRow): ConsultationMessage {
  return {
    seq: row.seq,
    sender: row.sender,
    // the applicant's own name is not repeated; a seat is known by its username (工号)
    senderName: row.sender === 'applicant' ? null : row.authorUsername,
    body: row.sender === 'system' ? row.body : ctx.crypto.decrypt(row.body),
    at: row.createdAt.toISOString(),
  };
}

function presentReply(row: ReplyRow): CannedReply {
  return { id: row.id, title: row.title, body: row.body, createdAt: row.createdAt.toISOString() };
}

/** The conversation and its messages after `after`; `reads`: the viewer has now seen them all. */
async function threadOf(ctx: AppContext, row: ConsultationRow, side: Side, after: number, reads = true) {
  const messages = await findMessages(ctx.db, row.id, after);
  const unread = row.lastSeq - (side === 'applicant' ? row.applicantSeen : row.staffSeen);
  if (unread > 0 && reads) {
    await markSeen(ctx.db, row.id, side);
    if (side === 'applicant') row.applicantSeen = row.lastSeq;
    else row.staffSeen = row.lastSeq;
  }
  return { consultation: present(ctx, row, side), messages: messages.map((m) => presentMessage(ctx, m)) };
}

// ------------------------------------------------------------------ the applicant

async function ownConsultation(ctx: AppContext, auth: Auth, id: string): Promise<ConsultationRow> {
  const row = await findConsultation(ctx.db, id);
  // another person's conversation is indistinguishable from none
  if (!row || row.accountId !== auth.account.id) throw notFound();
  return row;
}

/**
 * 【在线咨询】: the first message opens a conversation that waits in the service's queue; while one
 * is open, a further "open" adds to it (one open conversation per person and service).
 */
export async function openConsultation(
  ctx: AppContext,
  auth: Auth,
  body: z.output<typeof OpenConsultationBody>,
): Promise<ConsultationThread> {
  if (!findCaseworkService(body.serviceCode)) {
    throw new AppError('consultations.service_unknown', {
      status: 400,
      fieldErrors: [{ path: 'serviceCode', code: 'consultations.service_unknown' }],
    });
  }
  const at = ctx.clock.now();
  const sealed = ctx.crypto.encrypt(body.body);
  const id = await ctx.db.transaction(async (tx) => {
    // two tabs opening at once: the partial unique index lets one insert, the other appends
    for (let attempt = 0; attempt < 3; attempt++) {
      const open = await findOpenConsultation(tx, auth.account.id, body.serviceCode);
      const consultationId =
        open?.id ??
        (await insertConsultation(tx, {
          serviceCode: body.serviceCode,
          accountId: auth.account.id,
          subject: ctx.crypto.encrypt(subjectOf(body.body)),
          at,
        }));
      if (!consultationId) continue;
      const seq = await appendMessage(tx, {
        consultationId,
        sender: 'applicant',
        authorId: auth.account.id,
        body: sealed,
        at,
      });
      if (seq !== null) return consultationId;
    }
    throw new AppError('server.internal', { status: 500 });
  });
  return threadOf(ctx, (await findConsultation(ctx.db, id))!, 'applicant', 0);
}

export async function myConsultations(
  ctx: AppContext,
  auth: Auth,
  serviceCode: string | undefined,
): Promise<ConsultationList> {
  const rows = await findConsultationsOfAccount(ctx.db, auth.account.id, serviceCode);
  return { items: rows.map((row) => present(ctx, row, 'applicant')) };
}

export async function myThread(ctx: AppContext, auth: Auth, id: string, after: number) {
  return threadOf(ctx, await ownConsultation(ctx, auth, id), 'applicant', after);
}

export async function postAsApplicant(ctx: AppContext, auth: Auth, id: string, body: string) {
  const row = await ownConsultation(ctx, auth, id);
  const seq = await appendMessage(ctx.db, {
    consultationId: row.id,
    sender: 'applicant',
    authorId: auth.account.id,
    body: ctx.crypto.encrypt(body),
    at: ctx.clock.now(),
  });
  if (seq === null) throw new AppError('consultations.closed', { status: 409 });
  return myThread(ctx, auth, id, seq - 1);
}

/** 【结束咨询】 by the applicant. */
export async function closeAsApplicant(ctx: AppContext, auth: Auth, id: string) {
  const row = await ownConsultation(ctx, auth, id);
  const at = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const seq = await appendMessage(tx, {
      consultationId: row.id,
      sender: 'system',
      authorId: null,
      body: 'closed_by_applicant' satisfies ConsultationEvent,
      at,
    });
    if (seq === null || !(await closeConsultation(tx, row.id, at))) {
      throw new AppError('consultations.closed', { status: 409 });
    }
  });
  return myThread(ctx, auth, id, 0);
}

// ------------------------------------------------------------------ the seats

/** A seat serves a service it holds a role on (reviewer or supervisor). */
export function assertSeat(staff: StaffAuth, serviceCode: string): void {
  if (!findCaseworkService(serviceCode)) throw new AppError('request.not_found', { status: 404 });
  if (workflowRolesFor(staff.grants, serviceCode).size === 0) {
    throw new AppError('auth.forbidden', { status: 403 });
  }
}

async function seatConsultation(ctx: AppContext, staff: StaffAuth, id: string): Promise<ConsultationRow> {
  const row = await findConsultation(ctx.db, id);
  if (!row || workflowRolesFor(staff.grants, row.serviceCode).size === 0) throw notFound();
  return row;
}

export async function queueOf(
  ctx: AppContext,
  staff: StaffAuth,
  serviceCode: string,
  queue: 'waiting' | 'mine' | 'closed',
): Promise<ConsultationList> {
  assertSeat(staff, serviceCode);
  const rows = await findQueue(ctx.db, serviceCode, queue, staff.account.id);
  return { items: rows.map((row) => present(ctx, row, 'staff')) };
}

export async function seatThread(ctx: AppContext, staff: StaffAuth, id: string, after: number) {
  const row = await seatConsultation(ctx, staff, id);
  // only the seat holding it marks it read
  const holder = row.status === 'active' && row.staffId === staff.account.id;
  return threadOf(ctx, row, 'staff', after, holder);
}

/** 【接入】: the conversation leaves the waiting queue for this seat; audited. */
export async function take(ctx: AppContext, staff: StaffAuth, id: string, meta: RequestMeta) {
  const row = await seatConsultation(ctx, staff, id);
  const at = ctx.clock.now();
  const taken = await ctx.db.transaction(async (tx) => {
    if (!(await takeConsultation(tx, row.id, staff.account.id, at))) return false;
    await appendMessage(tx, {
      consultationId: row.id,
      sender: 'system',
      authorId: staff.account.id,
      body: 'taken' satisfies ConsultationEvent,
      at,
    });
    await recordAudit(tx, {
      actorId: staff.account.id,
      action: 'consultation.take',
      targetType: 'consultation',
      targetId: row.id,
      detail: { serviceCode: row.serviceCode },
      ip: meta.ip,
      at,
    });
    return true;
  });
  if (!taken) {
    const now = (await findConsultation(ctx.db, row.id))!;
    if (now.status === 'closed') throw new AppError('consultations.closed', { status: 409 });
    if (now.staffId !== staff.account.id) throw new AppError('consultations.taken', { status: 409 });
  }
  return seatThread(ctx, staff, id, 0);
}

/** Explains why a seat cannot write to or close a conversation. */
function refusal(row: ConsultationRow, seatId: string): AppError {
  if (row.status === 'closed') return new AppError('consultations.closed', { status: 409 });
  if (row.status === 'active' && row.staffId !== seatId) {
    return new AppError('consultations.taken', { status: 409 });
  }
  return new AppError('consultations.not_taken', { status: 409 });
}

export async function postAsSeat(ctx: AppContext, staff: StaffAuth, id: string, body: string) {
  const row = await seatConsultation(ctx, staff, id);
  const seq = await appendMessage(ctx.db, {
    consultationId: row.id,
    sender: 'staff',
    authorId: staff.account.id,
    body: ctx.crypto.encrypt(body),
    at: ctx.clock.now(),
    seatId: staff.account.id,
  });
  if (seq === null) throw refusal((await findConsultation(ctx.db, row.id))!, staff.account.id);
  return seatThread(ctx, staff, id, seq - 1);
}

/** 【结束会话】 by the seat holding it; audited. */
export async function closeAsSeat(ctx: AppContext, staff: StaffAuth, id: string, meta: RequestMeta) {
  const row = await seatConsultation(ctx, staff, id);
  const at = ctx.clock.now();
  const closed = await ctx.db.transaction(async (tx) => {
    const seq = await appendMessage(tx, {
      consultationId: row.id,
      sender: 'system',
      authorId: staff.account.id,
      body: 'closed_by_staff' satisfies ConsultationEvent,
      at,
      seatId: staff.account.id,
    });
    if (seq === null || !(await closeConsultation(tx, row.id, at, staff.account.id))) return false;
    await recordAudit(tx, {
      actorId: staff.account.id,
      action: 'consultation.close',
      targetType: 'consultation',
      targetId: row.id,
      detail: { serviceCode: row.serviceCode, messages: seq },
      ip: meta.ip,
      at,
    });
    return true;
  });
  if (!closed) throw refusal((await findConsultation(ctx.db, row.id))!, staff.account.id);
  return seatThread(ctx, staff, id, 0);
}

// ------------------------------------------------------------------ canned answers

export async function repliesOf(ctx: AppContext, staff: StaffAuth, serviceCode: string) {
  assertSeat(staff, serviceCode);
  return { items: (await findReplies(ctx.db, serviceCode)).map(presentReply) };
}

export async function addReply(
  ctx: AppContext,
  staff: StaffAuth,
  serviceCode: string,
  body: z.output<typeof CannedReplyBody>,
  meta: RequestMeta,
): Promise<CannedReply> {
  assertSeat(staff, serviceCode);
  const at = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const created = await insertReply(tx, {
      serviceCode,
      title: body.title,
      body: body.body,
      createdBy: staff.account.id,
      createdAt: at,
    });
    await recordAudit(tx, {
      actorId: staff.account.id,
      action: 'consultation.reply_add',
      targetType: 'consultation_reply',
      targetId: created.id,
      detail: { serviceCode, title: body.title },
      ip: meta.ip,
      at,
    });
    return created;
  });
  return presentReply(row);
}

export async function removeReply(
  ctx: AppContext,
  staff: StaffAuth,
  serviceCode: string,
  id: string,
  meta: RequestMeta,
): Promise<void> {
  assertSeat(staff, serviceCode);
  const at = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    if (!(await deleteReply(tx, serviceCode, id))) {
      throw new AppError('consultations.reply_not_found', { status: 404 });
    }
    await recordAudit(tx, {
      actorId: staff.account.id,
      action: 'consultation.reply_remove',
      targetType: 'consultation_reply',
      targetId: id,
      detail: { serviceCode },
      ip: meta.ip,
      at,
    });
  });
}
