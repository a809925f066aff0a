import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, calendarDays } from '../src/db/schema/index.ts';
import { fixedClock } from '../src/lib/clock.ts';
import { computeSlaDates } from '../src/modules/casework/calendar/calendar.service.ts';
import { insertAccount } from '../src/modules/identity/identity.repo.ts';
import { hashPassword } from '../src/modules/identity/passwords.ts';
import { grantStaffRole } from '../src/modules/identity/staff-roles.ts';
import { Agent, createTestApp, registerIndividual, type TestApp } from './helpers.ts';

const clock = fixedClock(new Date('2026-03-02T02:00:00Z'));
let t: TestApp;
let staff: Agent;
let staffId: string;
beforeAll(async () => {
  t = await createTestApp({ clock });
  const row = await insertAccount(t.ctx.db, {
    username: 'calendaradmin',
    kind: 'staff',
    name: '平台管理员',
    passwordHash: await hashPassword('Staff@2026'),
  });
  await grantStaffRole(t.ctx.db, {
    accountId: row.id,
    role: 'platform_admin',
    serviceCode: '*',
    grantedBy: null,
    at: clock.now(),
  });
  staffId = row.id;
  staff = new Agent(t.app);
  expect((await staff.signIn('calendaradmin', 'Staff@2026')).statusCode).toBe(200);
});
afterAll(async () => {
  await t.close();
});

type Day = { date: string; kind: string; name: string | null; provisional: boolean };

const put = (date: string, body: Record<string, unknown>) =>
  staff.send('PUT', `/api/console/calendar/days/${date}`, body);
/** The due day (China time) of an SLA of `n` working days for a submission at `local` China time. */
async function dueDay(local: string, n: number) {
  const { dueAt, remindAt } = await computeSlaDates(t.ctx, new Date(`${local}+08:00`), n);
  const day = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  return { due: day(dueAt), dueAt: dueAt.toISOString(), remind: day(remindAt) };
}

describe('the working-day calendar is for staff only', () => {
  it('answers 403 to a citizen and 401 without a session', async () => {
    const citizen = new Agent(t.app);
    const { username, password } = await registerIndividual(citizen);
    expect((await citizen.signIn(username, password)).statusCode).toBe(200);
    const anonymous = new Agent(t.app);

    for (const agent of [citizen, anonymous]) {
      const expected = agent === citizen ? [403, 'auth.forbidden'] : [401, 'auth.unauthenticated'];
      const list = await agent.get('/api/console/calendar/2026');
      expect([list.statusCode, list.json().code]).toEqual(expected);
      const edit = await agent.send('PUT', '/api/console/calendar/days/2026-03-09', { kind: 'holiday' });
      expect([edit.statusCode, edit.json().code]).toEqual(expected);
    }
    expect(await t.ctx.db.$count(calendarDays, eq(calendarDays.date, '2026-03-09'))).toBe(0);
    expect(await t.ctx.db.$count(auditEvents, eq(auditEvents.action, 'calendar.day_set'))).toBe(0);
  });
});

describe('GET /api/console/calendar/:year', () => {
  it('lists 2026 as the State Council notice has it: 春节 Feb 15–23 off, Feb 14 and 28 worked', async () => {
    const res = await staff.get('/api/console/calendar/2026');
    expect(res.statusCode).toBe(200);
    const body = res.json() as { year: number; provisional: boolean; days: Day[] };
    expect(body.year).toBe(2026);
    expect(body.provisional).toBe(false);
    const spring = body.days.filter((d) => d.name === '春节');
    expect(spring.map((d) => `${d.date} ${d.kind}`)).toEqual([
      '2026-02-14 workday',
      '2026-02-15 holiday',
      '2026-02-16 holiday',
      '2026-02-17 holiday',
      '2026-02-18 holiday',
      '2026-02-19 holiday',
      '2026-02-20 holiday',
      '2026-02-21 holiday',
      '2026-02-22 holiday',
      '2026-02-23 holiday',
      '2026-02-28 workday',
    ]);
    expect(body.days.filter((d) => d.kind === 'workday').map((d) => d.date)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    expect(body.days.filter((d) => d.kind === 'holiday')).toHaveLength(33);
  });

  it('marks 2027 provisional and has nothing for a year never entered', async () => {
    const y2027 = (await staff.get('/api/console/calendar/2027')).json();
    expect(y2027.provisional).toBe(true);
    expect(y2027.days.filter((d: Day) => d.name === '春节').map((d: Day) => d.date)).toEqual([
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
    ]);
    const y2030 = await staff.get('/api/console/calendar/2030');
    expect(y2030.statusCode).toBe(200);
    expect(y2030.json()).toEqual({ year: 2030, provisional: false, days: [] });
  });

  it('refuses a year that is not one, with a code', async () => {
    for (const year of ['abcd', '1999', '2101', '2026.5']) {
      const res = await staff.get(`/api/console/calendar/${year}`);
      expect([year, res.statusCode, res.json().code]).toEqual([year, 400, 'request.validation_failed']);
      expect(res.json().errors).toEqual([
        expect.objectContaining({ path: 'params.year', code: 'field.calendar_year_invalid' }),
      ]);
    }
  });
});

describe('PUT /api/console/calendar/days/:date', () => {
  it('changes SLA due dates at once (the cached year is dropped), and audits every edit', async () => {
    // Friday 2026-03-06 + 2 working days: Monday 9th, Tuesday 10th
    expect(await dueDay('2026-03-06T10:00', 2)).toEqual({
      due: '2026-03-10',
      dueAt: '2026-03-10T15:59:59.999Z',
      remind: '2026-03-09',
    });

    const holiday = await put('2026-03-09', { kind: 'holiday', name: '应急放假' });
    expect(holiday.statusCode).toBe(200);
    expect(holiday.json()).toEqual({
      date: '2026-03-09',
      kind: 'holiday',
      name: '应急放假',
      provisional: false,
    });
    expect(await dueDay('2026-03-06T10:00', 2)).toMatchObject({ due: '2026-03-11', remind: '2026-03-10' });

    // a Saturday worked in exchange counts again
    expect((await put('2026-03-07', { kind: 'workday', name: '应急放假' })).statusCode).toBe(200);
    expect(await dueDay('2026-03-06T10:00', 2)).toMatchObject({ due: '2026-03-10', remind: '2026-03-07' });

    // back to the weekday rule, one day at a time
    const normal = await put('2026-03-09', { kind: 'normal' });
    expect(normal.json()).toEqual({ date: '2026-03-09', kind: 'normal', name: null, provisional: false });
    expect(await dueDay('2026-03-06T10:00', 2)).toMatchObject({ due: '2026-03-09' });
    expect((await put('2026-03-07', { kind: 'normal' })).statusCode).toBe(200);
    expect(await dueDay('2026-03-06T10:00', 2)).toMatchObject({ due: '2026-03-10' });

    const listed = (await staff.get('/api/console/calendar/2026')).json().days as Day[];
    expect(listed.some((d) => d.date === '2026-03-07' || d.date === '2026-03-09')).toBe(false);

    const audits = await t.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'calendar.day_set'), eq(auditEvents.targetId, '2026-03-09')))
      .orderBy(auditEvents.at, auditEvents.id);
    expect(audits).toHaveLength(2);
    expect(audits.every((a) => a.actorId === staffId && a.targetType === 'calendar_day')).toBe(true);
    expect(audits.map((a) => a.detail)).toEqual(
      expect.arrayContaining([
        { from: { kind: 'normal' }, to: { kind: 'holiday', name: '应急放假' } },
        { from: { kind: 'holiday', name: '应急放假', provisional: false }, to: { kind: 'normal' } },
      ]),
    );
  });

  it('moves a due date across 春节 2026 when a 调休 Saturday is removed', async () => {
    // Friday 2026-02-13 + 1: the 调休 Saturday the 14th
    expect(await dueDay('2026-02-13T18:00', 1)).toMatchObject({ due: '2026-02-14' });
    expect((await put('2026-02-14', { kind: 'normal' })).statusCode).toBe(200);
    expect(await dueDay('2026-02-13T18:00', 1)).toMatchObject({ due: '2026-02-24' });
    expect((await put('2026-02-14', { kind: 'workday', name: '春节' })).statusCode).toBe(200);
    expect(await dueDay('2026-02-13T18:00', 1)).toMatchObject({ due: '2026-02-14' });
  });

  it('confirms a provisional 2027 day, keeping its name', async () => {
    const res = await put('2027-02-06', { kind: 'holiday' });
    expect(res.json()).toEqual({ date: '2027-02-06', kind: 'holiday', name: '春节', provisional: false });
    const [row] = await t.ctx.db.select().from(calendarDays).where(eq(calendarDays.date, '2027-02-06'));
    expect(row).toMatchObject({ provisional: false, updatedBy: staffId, year: 2027 });
    // the other 2027 days are still unconfirmed
    expect((await staff.get('/api/console/calendar/2027')).json().provisional).toBe(true);
  });

  it('refuses a bad date or kind with a code, and writes nothing', async () => {
    const before = await t.ctx.db.$count(calendarDays);
    const audited = await t.ctx.db.$count(auditEvents);
    for (const date of ['2026-02-30', '2026-13-01', '20260301', 'tomorrow', '1999-12-31', '2101-01-01']) {
      const res = await put(date, { kind: 'holiday', name: '错误' });
      expect([date, res.statusCode, res.json().code]).toEqual([date, 400, 'request.validation_failed']);
      expect(res.json().errors).toEqual([
        expect.objectContaining({ path: 'params.date', code: 'field.calendar_date_invalid' }),
      ]);
    }
    // a make-up workday must be a Saturday or Sunday (2026-03-11 is a Wednesday)
    const weekday = await put('2026-03-11', { kind: 'workday' });
    expect([weekday.statusCode, weekday.json().code]).toEqual([400, 'calendar.workday_not_weekend']);
    expect(weekday.json().errors).toEqual([expect.objectContaining({ path: 'kind' })]);
    const kind = await put('2026-03-11', { kind: 'day_off' });
    expect([kind.statusCode, kind.json().errors?.[0]?.path]).toEqual([400, 'kind']);
    const markup = await put('2026-03-11', { kind: 'holiday', name: '<b>x</b>' });
    expect([markup.statusCode, markup.json().errors?.[0]?.code]).toEqual([400, 'field.markup_not_allowed']);

    expect(await t.ctx.db.$count(calendarDays)).toBe(before);
    expect(await t.ctx.db.$count(auditEvents)).toBe(audited);
  });

  it('speaks the caller’s language in its errors', async () => {
    const en = new Agent(t.app, 'en');
    en.cookies.clear();
    for (const [k, v] of staff.cookies) en.cookies.set(k, v);
    const res = await en.send('PUT', '/api/console/calendar/days/2026-03-11', { kind: 'workday' });
    expect(res.json().detail).toBe('Only a Saturday or Sunday can be made a make-up working day.');
  });
});
