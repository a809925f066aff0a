import { and, asc, desc, eq, gt, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { consultationMessages, consultationReplies, consultations } from '../../db/schema/consultations.ts';
import { accountUsernameSql } from '../identity/index.ts';

export type ConsultationRow = typeof consultations.$inferSelect & {
  applicantUsername: string | null;
  seatUsername: string | null;
};
export type MessageRow = typeof consultationMessages.$inferSelect & { authorUsername: string | null };
export type ReplyRow = typeof consultationReplies.$inferSelect;
type Sender = MessageRow['sender'];

const LIST_LIMIT = 100;

const withNames = {
  id: consultations.id,
  serviceCode: consultations.serviceCode,
  accountId: consultations.accountId,
  status: consultations.status,
  staffId: consultations.staffId,
  subject: consultations.subject,
  lastSeq: consultations.lastSeq,
  applicantSeen: consultations.applicantSeen,
  staffSeen: consultations.staffSeen,
  createdAt: consultations.createdAt,
  takenAt: consultations.takenAt,
  lastMessageAt: consultations.lastMessageAt,
  closedAt: consultations.closedAt,
  applicantUsername: accountUsernameSql(consultations.accountId),
  seatUsername: accountUsernameSql(consultations.staffId),
};

export async function findConsultation(db: Db, id: string): Promise<ConsultationRow | null> {
  const [row] = await db.select(withNames).from(consultations).where(eq(consultations.id, id));
  return row ?? null;
}

/** The applicant's open conversation with a service, if any. */
export async function findOpenConsultation(
  db: Db,
  accountId: string,
  serviceCode: string,
): Promise<ConsultationRow | null> {
  const [row] = await db
    .select(withNames)
    .from(consultations)
    .where(
      and(
        eq(consultations.accountId, accountId),
        eq(consultations.serviceCode, serviceCode),
        ne(consultations.status, 'closed'),
      ),
    );
  return row ?? null;
}

/** A new waiting conversation; null when the applicant opened one at the same moment. */
export async function insertConsultation(
  db: Db,
  values: { serviceCode: string; accountId: string; subject: string; at: Date },
): Promise<string | null> {
  const [row] = await db
    .insert(consultations)
    .values({ ...values, createdAt: values.at, lastMessageAt: values.at })
    .onConflictDoNothing()
    .returning({ id: consultations.id });
  return row?.id ?? null;
}

/**
 * Appends a message to a conversation that is not closed (and, when `seatId` is given, held by
 * that seat): the sequence number is taken by the same statement that checks, so two writers never
 * share one and nothing lands in a closed conversation. The writer has seen everything up to it.
 */
export async function appendMessage(
  db: Db,
  input: {
    consultationId: string;
    sender: Sender;
    authorId: string | null;
    body: string;
    at: Date;
    seatId?: string;
  },
): Promise<number | null> {
  const seen =
    input.sender === 'applicant'
      ? { applicantSeen: sql`${consultations.lastSeq} + 1` }
      : input.sender === 'staff'
        ? { staffSeen: sql`${consultations.lastSeq} + 1` }
        : {};
  const [row] = await db
    .update(consultations)
    .set({ lastSeq: sql`${consultations.lastSeq} + 1`, lastMessageAt: input.at, ...seen })
    .where(
      and(
        eq(consultations.id, input.consultationId),
        ne(consultations.status, 'closed'),
        input.seatId
          ? and(eq(consultations.status, 'active'), eq(consultations.staffId, input.seatId))
          : undefined,
      ),
    )
    .returning({ seq: consultations.lastSeq });
  if (!row) return null;
  await db.insert(consultationMessages).values({
    consultationId: input.consultationId,
    seq: row.seq,
    sender: input.sender,
    authorId: input.authorId,
    body: input.body,
    createdAt: input.at,
  });
  return row.seq;
}

export async function findMessages(db: Db, consultationId: string, after: number): Promise<MessageRow[]> {
  return db
    .select({
      id: consultationMessages.id,
      consultationId: consultationMessages.consultationId,
      seq: consultationMessages.seq,
      sender: consultationMessages.sender,
      authorId: consultationMessages.authorId,
      body: consultationMessages.body,
      createdAt: consultationMessages.createdAt,
      authorUsername: accountUsernameSql(consultationMessages.authorId),
    })
    .from(consultationMessages)
    .where(and(eq(consultationMessages.consultationId, consultationId), gt(consultationMessages.seq, after)))
    .orderBy(asc(consultationMessages.seq))
    .limit(500);
}

/** Records that one side has read up to the last message. */
export async function markSeen(db: Db, consultationId: string, side: 'applicant' | 'staff'): Promise<void> {
  await db
    .update(consultations)
    .set(
      side === 'applicant' ? { applicantSeen: consultations.lastSeq } : { staffSeen: consultations.lastSeq },
    )
    .where(eq(consultations.id, consultationId));
}

export async function findConsultationsOfAccount(
  db: Db,
  accountId: string,
  serviceCode?: string,
): Promise<ConsultationRow[]> {
  return db
    .select(withNames)
    .from(consultations)
    .where(
      and(
        eq(consultations.accountId, accountId),
        serviceCode ? eq(consultations.serviceCode, serviceCode) : undefined,
      ),
    )
    .orderBy(desc(consultations.createdAt))
    .limit(LIST_LIMIT);
}

/** A seat's queue: waiting (oldest first), its own open conversations, or closed (newest first). */
export async function findQueue(
  db: Db,
  serviceCode: string,
  queue: 'waiting' | 'mine' | 'closed',
  seatId: string,
): Promise<ConsultationRow[]> {
  const base = eq(consultations.serviceCode, serviceCode);
  const query = db.select(withNames).from(consultations);
  if (queue === 'waiting') {
    return query
      .where(and(base, eq(consultations.status, 'waiting')))
      .orderBy(asc(consultations.createdAt))
      .limit(LIST_LIMIT);
  }
  if (queue === 'mine') {
    return query
      .where(and(base, eq(consultations.status, 'active'), eq(consultations.staffId, seatId)))
      .orderBy(desc(consultations.lastMessageAt))
      .limit(LIST_LIMIT);
  }
  return query
    .where(and(base, eq(consultations.status, 'closed')))
    .orderBy(desc(consultations.lastMessageAt))
    .limit(LIST_LIMIT);
}

/** Takes a waiting conversation for a seat; false when it is no longer waiting. */
export async function takeConsultation(db: Db, id: string, seatId: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(consultations)
    .set({ status: 'active', staffId: seatId, takenAt: at })
    .where(and(eq(consultations.id, id), eq(consultations.status, 'waiting')))
    .returning({ id: consultations.id });
  return rows.length === 1;
}

/** Ends an open conversation (held by `seatId` when given); false when that is not its state. */
export async function closeConsultation(db: Db, id: string, at: Date, seatId?: string): Promise<boolean> {
  const rows = await db
    .update(consultations)
    .set({ status: 'closed', closedAt: at })
    .where(
      and(
        eq(consultations.id, id),
        seatId
          ? and(eq(consultations.status, 'active'), eq(consultations.staffId, seatId))
          : ne(consultations.status, 'closed'),
      ),
    )
    .returning({ id: consultations.id });
  return rows.length === 1;
}

export async function findReplies(db: Db, serviceCode: string): Promise<ReplyRow[]> {
  return db
    .select()
    .from(consultationReplies)
    .where(eq(consultationReplies.serviceCode, serviceCode))
    .orderBy(asc(consultationReplies.createdAt))
    .limit(200);
}

export async function insertReply(
  db: Db,
  values: { serviceCode: string; title: string; body: string; createdBy: string; createdAt: Date },
): Promise<ReplyRow> {
  const [row] = await db.insert(consultationReplies).values(values).returning();
  return row!;
}

export async function deleteReply(db: Db, serviceCode: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(consultationReplies)
    .where(and(eq(consultationReplies.id, id), eq(consultationReplies.serviceCode, serviceCode)))
    .returning({ id: consultationReplies.id });
  return rows.length === 1;
}
