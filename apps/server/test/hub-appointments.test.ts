import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appointmentSlots, hubAppointmentDetails } from '../src/db/schema/index.ts';
import { fixedClock } from '../src/lib/clock.ts';
import { sendHubReminders } from '../src/modules/hub-appointments/hub-appointments.service.ts';
import {
  Agent,
  createTestApp,
  outboxMessages,
  registerIndividual,
  residentId,
  type TestApp,
} from './helpers.ts';

/*
 * The hub's 预约 (issue 13 §4): offices per city, the bookable days' quotas, 婚姻登记预约 with both
 * parties, 公积金提取预约 with the FAQ's first-withdrawal rule, cancelling before the cut-off, the
 * confirmation and the day-before reminder; never oversold on PostgreSQL.
 */

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
// Friday 2026-12-04, 10:00 in China: bookable are the weekdays 12-07 … 12-11
const clock = fixedClock(new Date('2026-12-04T02:00:00Z'));
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t.close());

// a man born 1990-03-07 (17th digit odd) and a woman born 1995-05-01 (even)
const HIM = residentId('44010319900307', 131);
const HER = residentId('44010319950501', 242);

async function person(overrides: Record<string, unknown> = {}) {
  const agent = new Agent(t.app);
  const registered = await registerIndividual(agent, overrides);
  expect((await agent.signIn(registered.username, registered.password)).statusCode).toBe(200);
  return { agent, ...registered };
}

async function firstSlot(agent: Agent, kind: string, office: string, dayIndex = 0) {
  const res = await agent.get(`/api/hub/appointments/${kind}/offices/${office}`);
  expect(res.statusCode).toBe(200);
  return res.json().days[dayIndex].slots[0] as { id: string; starts: string; left: number };
}

describe('offices and days', () => {
  it('lists a kind’s offices in a city (none where the manual says it is not offered) and five weekdays of quotas', async () => {
    const agent = new Agent(t.app);
    const gz = (await agent.get('/api/hub/appointments/marriage/offices?city=4401')).json();
    expect(gz.map((o: { code: string }) => o.code)).toEqual(['4401-01', '4401-02']);
    expect(gz[0].name['zh-CN']).toBe('广州市婚姻登记处（天河）');
    // 出入境预约办证: 「目前支持除深圳以外」
    expect((await agent.get('/api/hub/appointments/exit_entry/offices?city=4403')).json()).toEqual([]);
    const days = (await agent.get('/api/hub/appointments/marriage/offices/4401-01')).json();
    expect(days.days.map((d: { day: string }) => d.day)).toEqual([
      '2026-12-07',
      '2026-12-08',
      '2026-12-09',
      '2026-12-10',
      '2026-12-11',
    ]);
    expect(days.days[0].slots).toHaveLength(6);
    expect(days.days[0].slots[0]).toMatchObject({ starts: '09:00', ends: '10:00', left: 8 });
    expect((await agent.get('/api/hub/appointments/marriage/offices/4403-07')).statusCode).toBe(404);
  });
});

describe('婚姻登记预约', () => {
  it('books with both parties, masked, confirmed by SMS; refuses what the law and the form forbid next to the field', async () => {
    const { agent, body } = await person({ name: '陈大文', idNumber: HIM });
    const slot = await firstSlot(agent, 'marriage', '4401-01');
    const base = { city: '4401', office: '4401-01', slotId: slot.id, business: 'marriage' };
    const cases: [Record<string, unknown>, string, string][] = [
      [{}, 'partnerName', 'hub.partner_required'],
      [{ partnerName: '陈大文', partnerIdNumber: HIM }, 'partnerIdNumber', 'hub.partner_is_self'],
      [
        { partnerName: '李小明', partnerIdNumber: residentId('44010319920101', 13) },
        'partnerIdNumber',
        'hub.partner_same_sex',
      ],
      [
        { partnerName: '王小红', partnerIdNumber: residentId('44010320100101', 24) },
        'partnerIdNumber',
        'hub.under_marriage_age',
      ],
      [{ business: 'adoption' }, 'business', 'hub.business_unknown'],
      [
        { office: '4403-01', partnerName: '王小红', partnerIdNumber: HER },
        'office',
        'hub.office_not_in_city',
      ],
    ];
    for (const [change, path, code] of cases) {
      const res = await agent.post('/api/hub/appointments/marriage', { ...base, ...change });
      expect(res.statusCode, code).toBe(422);
      expect(res.json().errors).toEqual([expect.objectContaining({ path, code })]);
    }
    const badId = await agent.post('/api/hub/appointments/marriage', {
      ...base,
      partnerName: '王小红',
      partnerIdNumber: '440103199505012423',
    });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().errors).toEqual([
      expect.objectContaining({ path: 'partnerIdNumber', code: 'field.id_number_invalid' }),
    ]);
    expect(await t.ctx.db.select().from(hubAppointmentDetails)).toHaveLength(0);

    const res = await agent.post('/api/hub/appointments/marriage', {
      ...base,
      partnerName: '王小红',
      partnerIdNumber: HER,
    });
    expect(res.statusCode).toBe(201);
    const booking = res.json();
    expect(booking).toMatchObject({
      kind: 'marriage',
      business: 'marriage',
      day: '2026-12-07',
      starts: '09:00',
      status: 'booked',
      partner: `王** ${HER.slice(0, 4)}**********${HER.slice(-4)}`,
      cancellableUntil: '2026-12-06T09:00:00.000Z',
    });
    expect(booking.voucherSvg).toContain('<svg');
    const texts = (await outboxMessages(t, body.mobile as string)).map((m) => m.payload?.text ?? '');
    expect(texts.some((text) => text.includes(booking.voucher) && text.includes('婚姻登记预约'))).toBe(true);
    const rows = await t.ctx.db.select().from(hubAppointmentDetails);
    expect(JSON.stringify(rows)).not.toContain(HER);
    expect((await firstSlot(agent, 'marriage', '4401-01')).left).toBe(7);
    // one booking a day
    const again = await agent.post('/api/hub/appointments/marriage', {
      ...base,
      partnerName: '王小红',
      partnerIdNumber: HER,
    });
    expect(again.json().code).toBe('appointments.already_booked');
    expect((await agent.get('/api/hub/appointments')).json()).toEqual([
      expect.objectContaining({ id: booking.id }),
    ]);
  });

  it('cancels before the cut-off (the place goes back), and not after it', async () => {
    const { agent, username, password } = await person({
      name: '黄伟',
      idNumber: residentId('44010319880808', 351),
    });
    const slot = await firstSlot(agent, 'social_assistance', '4401-02', 1);
    const res = await agent.post('/api/hub/appointments/social_assistance', {
      city: '4401',
      office: '4401-02',
      slotId: slot.id,
      business: 'minimum_living',
    });
    expect(res.statusCode).toBe(201);
    const cancelled = await agent.send('DELETE', `/api/hub/appointments/${res.json().id}`);
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json().status).toBe('cancelled');
    const [row] = await t.ctx.db.select().from(appointmentSlots).where(eq(appointmentSlots.id, slot.id));
    expect(row!.booked).toBe(0);
    const again = await agent.post('/api/hub/appointments/social_assistance', {
      city: '4401',
      office: '4401-02',
      slotId: slot.id,
      business: 'minimum_living',
    });
    clock.set(new Date('2026-12-07T09:30:00Z')); // 17:30 the day before 12-08
    expect((await agent.signIn(username, password)).statusCode).toBe(200);
    const late = await agent.send('DELETE', `/api/hub/appointments/${again.json().id}`);
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('appointments.cutoff_passed');
    clock.set(new Date('2026-12-04T02:00:00Z'));
    expect(
      (await new Agent(t.app).send('DELETE', `/api/hub/appointments/${again.json().id}`)).statusCode,
    ).toBe(401);
  });
});

describe('公积金提取预约', () => {
  it('books a first withdrawal in 广州, sends later ones online, and is not offered in 东莞', async () => {
    const { agent } = await person({ name: '刘洋', idNumber: residentId('44010319850505', 461) });
    const slot = await firstSlot(agent, 'housing_fund', '4401-01');
    const base = { city: '4401', office: '4401-01', slotId: slot.id, business: 'rent' };
    expect((await agent.post('/api/hub/appointments/housing_fund', base)).json().errors[0].code).toBe(
      'hub.first_withdrawal_required',
    );
    const later = await agent.post('/api/hub/appointments/housing_fund', { ...base, firstWithdrawal: false });
    expect(later.json().errors[0]).toMatchObject({ path: 'firstWithdrawal', code: 'hub.withdrawal_online' });
    expect(later.json().errors[0].message).toContain('可在线直接办理');
    const dongguan = await agent.post('/api/hub/appointments/housing_fund', {
      ...base,
      city: '4419',
      office: '4419-01',
      firstWithdrawal: true,
    });
    expect(dongguan.json().errors[0]).toMatchObject({ path: 'city', code: 'hub.appointment_unavailable' });
    expect(
      (await agent.post('/api/hub/appointments/housing_fund', { ...base, firstWithdrawal: true })).statusCode,
    ).toBe(201);
  });
});

describe('reminders', () => {
  it('sends the day-before reminder once', async () => {
    const { agent, body } = await person({ name: '周敏', idNumber: residentId('44010319910101', 572) });
    const slot = await firstSlot(agent, 'exit_entry', '4401-01');
    const res = await agent.post('/api/hub/appointments/exit_entry', {
      city: '4401',
      office: '4401-01',
      slotId: slot.id,
      business: 'passport',
    });
    expect(res.statusCode).toBe(201);
    clock.set(new Date('2026-12-06T01:00:00Z')); // Sunday 09:00: the booking is tomorrow
    expect(await sendHubReminders(t.ctx)).toBeGreaterThanOrEqual(1);
    expect(await sendHubReminders(t.ctx)).toBe(0);
    const texts = (await outboxMessages(t, body.mobile as string)).map((m) => m.payload?.text ?? '');
    expect(texts.some((text) => text.includes('提醒') && text.includes(res.json().voucher))).toBe(true);
    clock.set(new Date('2026-12-04T02:00:00Z'));
  });
});

describe.skipIf(!onPostgres)('a hot slot (PostgreSQL)', () => {
  it('twelve people racing for the last three places: exactly three bookings', async () => {
    const people = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        person({ name: '抢号', idNumber: residentId('44010319800101', 600 + i) }),
      ),
    );
    const slot = await firstSlot(people[0]!.agent, 'exit_entry', '4401-02', 4);
    await t.ctx.db.update(appointmentSlots).set({ booked: 5 }).where(eq(appointmentSlots.id, slot.id));
    const results = await Promise.all(
      people.map((p) =>
        p.agent.post('/api/hub/appointments/exit_entry', {
          city: '4401',
          office: '4401-02',
          slotId: slot.id,
          business: 'hk_macao_permit',
        }),
      ),
    );
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(3);
    expect(
      results.filter((r) => r.statusCode !== 201).every((r) => r.json().code === 'appointments.slot_full'),
    ).toBe(true);
    const [row] = await t.ctx.db.select().from(appointmentSlots).where(eq(appointmentSlots.id, slot.id));
    expect(row!.booked).toBe(8);
  }, 60_000);
});
