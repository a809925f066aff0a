import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applicationEvents,
  applicationNumberCounters,
  applications,
  auditEvents,
} from '../src/db/schema/index.ts';
import { AppError } from '../src/http/app-error.ts';
import { buildProblem } from '../src/http/problem.ts';
import { fixedClock } from '../src/lib/clock.ts';
import { createDraft, decide, submitApplication } from '../src/modules/casework/applications.service.ts';
import { computeSlaDates } from '../src/modules/casework/calendar/calendar.service.ts';
import { unhandled } from '../src/modules/casework/service-definition.ts';
import { type AccountRow, insertAccount } from '../src/modules/identity/identity.repo.ts';
import { type SampleState, sampleService } from './fixtures/sample-service.ts';
import { createTestApp, type TestApp } from './helpers.ts';

// 00:30 on 2 March 2026 in Shanghai, still 1 March in UTC
const START = new Date('2026-03-01T16:30:00Z');
const clock = fixedClock(START);
let t: TestApp;
let applicant: AccountRow;
let otherApplicant: AccountRow;
let reviewerA: AccountRow;
let reviewerB: AccountRow;
let supervisor: AccountRow;

let accountSeq = 0;
function account(kind: 'individual' | 'staff', name: string) {
  accountSeq++;
  return insertAccount(t.ctx.db, { username: `casework${kind}${accountSeq}`, kind, name });
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  applicant = await account('individual', '张三');
  otherApplicant = await account('individual', '李四');
  reviewerA = await account('staff', '审核员甲');
  reviewerB = await account('staff', '审核员乙');
  supervisor = await account('staff', '科长');
});
afterAll(async () => {
  await t.close();
});

const validForm = { subject: '测试申请', amount: 3 };

async function draft(by: AccountRow = applicant, form: Record<string, unknown> = validForm) {
  return createDraft(t.ctx, { serviceCode: sampleService.code, applicant: by, form });
}

async function submitted(by: AccountRow = applicant) {
  const row = await draft(by);
  return (await submitApplication(t.ctx, { applicationId: row.id, expectedVersion: 1, applicantId: by.id }))
    .application;
}

/** The AppError a promise rejects with. */
async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

async function rowOf(id: string) {
  const [row] = await t.ctx.db.select().from(applications).where(eq(applications.id, id));
  return row!;
}

async function timeline(id: string) {
  return t.ctx.db
    .select()
    .from(applicationEvents)
    .where(eq(applicationEvents.applicationId, id))
    .orderBy(applicationEvents.at, applicationEvents.id);
}

async function audits(id: string) {
  return t.ctx.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.targetType, 'application'), eq(auditEvents.targetId, id)));
}

async function counter(day: string) {
  const [row] = await t.ctx.db
    .select()
    .from(applicationNumberCounters)
    .where(and(eq(applicationNumberCounters.prefix, 'TS'), eq(applicationNumberCounters.day, day)));
  return row?.last ?? 0;
}

describe('numbering', () => {
  it('gives 50 concurrent submissions 50 distinct consecutive numbers of the Shanghai day', async () => {
    const drafts = await Promise.all(Array.from({ length: 50 }, () => draft()));
    const results = await Promise.all(
      drafts.map((d) =>
        submitApplication(t.ctx, { applicationId: d.id, expectedVersion: 1, applicantId: applicant.id }),
      ),
    );
    const numbers = results.map((r) => r.application.number!).sort();
    expect(new Set(numbers).size).toBe(50);
    expect(numbers).toEqual(
      Array.from({ length: 50 }, (_, i) => `TS20260302${String(i + 1).padStart(6, '0')}`),
    );
    for (const n of numbers) expect(n).toMatch(/^TS\d{8}\d{6}$/);
    expect(await counter('20260302')).toBe(50);

    const sla = await computeSlaDates(t.ctx, START, 2);
    const stored = await rowOf(results[0]!.application.id);
    expect(stored).toMatchObject({ status: 'pending', version: 2, submittedAt: START, dueAt: sla.dueAt });
    expect(stored.remindAt).toEqual(sla.remindAt);
    expect(stored.dueAt!.getTime()).toBeGreaterThan(START.getTime());
  });

  it('starts a new sequence on each Shanghai day', async () => {
    clock.set(new Date('2026-03-01T15:59:59Z')); // 23:59:59 on 1 March in Shanghai
    try {
      const app = await submitted();
      expect(app.number).toBe('TS20260301000001');
    } finally {
      clock.set(START);
    }
    expect((await submitted()).number).toBe('TS20260302000051');
  });

  it('gives the number back when the submission does not commit', async () => {
    const before = await counter('20260302');
    const d = await draft();
    const outcomes = await Promise.allSettled([
      submitApplication(t.ctx, { applicationId: d.id, expectedVersion: 1, applicantId: applicant.id }),
      submitApplication(t.ctx, { applicationId: d.id, expectedVersion: 1, applicantId: applicant.id }),
    ]);
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const lost = outcomes.filter((o) => o.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason).toBeInstanceOf(AppError);
    expect(await counter('20260302')).toBe(before + 1);
    expect((await rowOf(d.id)).number).toBe(`TS20260302${String(before + 1).padStart(6, '0')}`);
    expect((await timeline(d.id)).map((e) => e.action)).toEqual(['create', 'submit']);
  });
});

describe('drafts and submission', () => {
  it('refuses an account kind the service does not admit', async () => {
    const error = await failure(draft(reviewerA));
    expect([error.status, error.code]).toEqual([403, 'casework.applicant_kind_forbidden']);
  });

  it('checks the form in full at submission and consumes no number when it fails', async () => {
    const before = await counter('20260302');
    const d = await draft(applicant, { subject: '', extra: true });
    const error = await failure(
      submitApplication(t.ctx, { applicationId: d.id, expectedVersion: 1, applicantId: applicant.id }),
    );
    expect([error.status, error.code]).toEqual([400, 'request.validation_failed']);
    expect(error.fieldErrors).toEqual([
      { path: 'form.subject', code: 'field.too_short' },
      { path: 'form.amount', code: 'field.required' },
    ]);
    expect(await rowOf(d.id)).toMatchObject({ status: 'draft', version: 1, number: null });
    expect(await counter('20260302')).toBe(before);
  });

  it("hides another applicant's draft", async () => {
    const d = await draft();
    const error = await failure(
      submitApplication(t.ctx, { applicationId: d.id, expectedVersion: 1, applicantId: otherApplicant.id }),
    );
    expect([error.status, error.code]).toEqual([404, 'casework.application_not_found']);
  });
});

describe('decisions', () => {
  it('lets exactly one of two reviewers deciding on the same version win; the other learns the current state', async () => {
    const app = await submitted();
    const outcomes = await Promise.allSettled([
      decide(t.ctx, {
        applicationId: app.id,
        expectedVersion: app.version,
        action: 'approve',
        actor: { id: reviewerA.id, roles: new Set(['reviewer'] as const) },
      }),
      decide(t.ctx, {
        applicationId: app.id,
        expectedVersion: app.version,
        action: 'reject',
        reason: '材料不全',
        actor: { id: reviewerB.id, roles: new Set(['reviewer'] as const) },
      }),
    ]);
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const lost = outcomes.filter((o) => o.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const winner = won[0]!.value.application;
    const error = (lost[0] as PromiseRejectedResult).reason as AppError;
    expect(error).toBeInstanceOf(AppError);
    expect([error.status, error.code]).toEqual([409, 'casework.version_conflict']);
    expect(error.extensions).toEqual({ current: { status: winner.status, version: 3 } });

    const stored = await rowOf(app.id);
    expect({ status: stored.status, version: stored.version }).toEqual({ status: winner.status, version: 3 });
    const events = await timeline(app.id);
    expect(events.map((e) => e.action)).toEqual([
      'create',
      'submit',
      winner.status === 'approved' ? 'approve' : 'reject',
    ]);
    expect((await audits(app.id)).filter((a) => a.action === 'application.decide')).toHaveLength(1);

    // the problem+json a route would send carries the current state
    const request = { headers: { 'accept-language': 'en' }, id: 'req-1' } as unknown as FastifyRequest;
    const problem = buildProblem(request, error.status, error.code, error.fieldErrors, error.extensions);
    expect(problem).toMatchObject({
      status: 409,
      code: 'casework.version_conflict',
      current: { status: winner.status, version: 3 },
    });
    expect(problem.detail).toMatch(/Someone else has changed/);
  });

  it('answers a stale version with 409 and the current state, before judging the action', async () => {
    const app = await submitted();
    const error = await failure(
      decide(t.ctx, {
        applicationId: app.id,
        expectedVersion: 1,
        action: 'approve',
        actor: { id: reviewerA.id, roles: new Set(['reviewer'] as const) },
      }),
    );
    expect([error.status, error.code]).toEqual([409, 'casework.version_conflict']);
    expect(error.extensions.current).toEqual({ status: 'pending', version: 2 });
  });

  it('refuses a transition the workflow does not allow from the current state (409)', async () => {
    const app = await submitted();
    const approved = await decide(t.ctx, {
      applicationId: app.id,
      expectedVersion: 2,
      action: 'approve',
      actor: { id: reviewerA.id, roles: new Set(['reviewer'] as const) },
    });
    for (const action of ['return', 'approve', 'resubmit']) {
      const error = await failure(
        decide(t.ctx, {
          applicationId: app.id,
          expectedVersion: approved.application.version,
          action,
          reason: '再看看',
          actor: { id: reviewerA.id, roles: new Set(['reviewer'] as const) },
        }),
      );
      expect([error.status, error.code]).toEqual([409, 'casework.transition_not_allowed']);
    }
    const unknown = await failure(
      decide(t.ctx, {
        applicationId: app.id,
        expectedVersion: 3,
        action: 'teleport',
        actor: { id: reviewerA.id, roles: new Set(['reviewer'] as const) },
      }),
    );
    expect([unknown.status, unknown.fieldErrors]).toEqual([400, [{ path: 'action', code: 'field.invalid' }]]);
    expect(await rowOf(app.id)).toMatchObject({ status: 'approved', version: 3 });
    expect(await timeline(app.id)).toHaveLength(3);
  });

  it('refuses an action of another role (403)', async () => {
    const app = await submitted();
    const asApplicant = await failure(
      decide(t.ctx, {
        applicationId: app.id,
        expectedVersion: 2,
        action: 'approve',
        actor: { id: applicant.id, roles: new Set(['applicant'] as const) },
      }),
    );
    expect([asApplicant.status, asApplicant.code]).toEqual([403, 'casework.role_forbidden']);

    await decide(t.ctx, {
      applicationId: app.id,
      expectedVersion: 2,
      action: 'reject',
      reason: '不符合条件',
      actor: { id: reviewerA.id, roles: new Set(['reviewer'] as const) },
    });
    const reviewerReopens = await failure(
      decide(t.ctx, {
        applicationId: app.id,
        expectedVersion: 3,
        action: 'reopen',
        reason: '复核',
        actor: { id: reviewerA.id, roles: new Set(['reviewer'] as const) },
      }),
    );
    expect([reviewerReopens.status, reviewerReopens.code]).toEqual([403, 'casework.role_forbidden']);
    expect(await rowOf(app.id)).toMatchObject({ status: 'rejected', version: 3 });

    const reopened = await decide(t.ctx, {
      applicationId: app.id,
      expectedVersion: 3,
      action: 'reopen',
      reason: '复核',
      actor: { id: supervisor.id, roles: new Set(['supervisor'] as const) },
    });
    expect(reopened.application).toMatchObject({ status: 'pending', version: 4 });
  });

  it('requires a reason where the workflow asks for one (400 on `reason`)', async () => {
    const app = await submitted();
    for (const reason of [undefined, '', '   ']) {
      const error = await failure(
        decide(t.ctx, {
          applicationId: app.id,
          expectedVersion: 2,
          action: 'reject',
          reason,
          actor: { id: reviewerA.id, roles: new Set(['reviewer'] as const) },
        }),
      );
      expect([error.status, error.code]).toEqual([400, 'field.required']);
      expect(error.fieldErrors).toEqual([{ path: 'reason', code: 'field.required' }]);
    }
    expect(await rowOf(app.id)).toMatchObject({ status: 'pending', version: 2 });
  });

  it('keeps the whole timeline through 退回补正 and resubmission, and restarts the SLA', async () => {
    const app = await submitted();
    const returned = await decide(t.ctx, {
      applicationId: app.id,
      expectedVersion: 2,
      action: 'return',
      reason: '请补充材料',
      actor: { id: reviewerA.id, roles: new Set(['reviewer'] as const) },
    });
    // another applicant cannot resubmit it; it is not theirs to see
    const stranger = await failure(
      decide(t.ctx, {
        applicationId: app.id,
        expectedVersion: 3,
        action: 'resubmit',
        actor: { id: otherApplicant.id, roles: new Set(['applicant'] as const) },
      }),
    );
    expect([stranger.status, stranger.code]).toEqual([404, 'casework.application_not_found']);

    clock.advance(3 * 86_400_000);
    try {
      const resubmitted = await decide(t.ctx, {
        applicationId: app.id,
        expectedVersion: returned.application.version,
        action: 'resubmit',
        actor: { id: applicant.id, roles: new Set(['applicant'] as const) },
      });
      const sla = await computeSlaDates(t.ctx, clock.now(), 2);
      expect(resubmitted.application).toMatchObject({
        status: 'pending',
        version: 4,
        number: app.number,
        submittedAt: app.submittedAt,
        dueAt: sla.dueAt,
      });
      expect(resubmitted.application.dueAt!.getTime()).toBeGreaterThan(app.dueAt!.getTime());
      await decide(t.ctx, {
        applicationId: app.id,
        expectedVersion: 4,
        action: 'approve',
        actor: { id: reviewerB.id, roles: new Set(['reviewer'] as const) },
      }).then(
        () => expect.unreachable('reviewer A took it with the return'),
        (e: AppError) => expect(e.code).toBe('casework.assigned_to_other'),
      );
      // the supervisor decides whatever the assignment
      await decide(t.ctx, {
        applicationId: app.id,
        expectedVersion: 4,
        action: 'approve',
        actor: { id: supervisor.id, roles: new Set(['supervisor'] as const) },
      });
    } finally {
      clock.set(START);
    }

    const events = await timeline(app.id);
    expect(events.map((e) => [e.action, e.fromStatus, e.toStatus, e.actorId, e.reason])).toEqual([
      ['create', null, 'draft', applicant.id, null],
      ['submit', 'draft', 'pending', applicant.id, null],
      ['return', 'pending', 'returned', reviewerA.id, '请补充材料'],
      ['resubmit', 'returned', 'pending', applicant.id, null],
      ['approve', 'pending', 'approved', supervisor.id, null],
    ]);
    expect((await audits(app.id)).map((a) => a.action).sort()).toEqual([
      'application.decide',
      'application.decide',
      'application.decide',
      'application.submit',
    ]);
    expect(await rowOf(app.id)).toMatchObject({ status: 'approved', version: 5 });
  });

  it('writes nothing when the decision fails inside its transaction', async () => {
    const app = await submitted();
    // an actor that does not exist: the status update succeeds, then the event's foreign key fails
    await expect(
      decide(t.ctx, {
        applicationId: app.id,
        expectedVersion: 2,
        action: 'approve',
        actor: { id: randomUUID(), roles: new Set(['reviewer'] as const) },
      }),
    ).rejects.toThrow();
    expect(await rowOf(app.id)).toMatchObject({ status: 'pending', version: 2 });
    expect((await timeline(app.id)).map((e) => e.action)).toEqual(['create', 'submit']);
    expect((await audits(app.id)).map((a) => a.action)).toEqual(['application.submit']);
  });
});

describe('workflow definitions', () => {
  it('do not compile while a state is unhandled', () => {
    function incomplete(state: SampleState): string {
      switch (state) {
        case 'pending':
        case 'returned':
        case 'approved':
          return state;
        default:
          // @ts-expect-error 'rejected' is not handled, so `state` is not `never` here
          return unhandled(state);
      }
    }
    expect(() => incomplete('rejected')).toThrow(/unhandled workflow case: rejected/);
  });
});
