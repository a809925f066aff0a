import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, organizations } from '../src/db/schema/index.ts';
import { seedDemoData } from '../src/modules/identity/demo-data.ts';
import { Agent, createTestApp, organizationBody, registerIndividual, type TestApp } from './helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoData(t.ctx);
});
afterAll(() => t.close());

async function demoAdmin() {
  const agent = new Agent(t.app);
  expect((await agent.signIn('qiyeadmin01', 'Qiye@2026')).statusCode).toBe(200);
  return agent;
}

describe('我的资质 (seed 004 §3.4)', () => {
  it('shows the grey fields from the registration and saves the tabs as typed', async () => {
    const agent = await demoAdmin();
    const view = await agent.get('/api/org/qualifications');
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({
      creditCode: '91440101MA59UQXX9Q',
      orgCode: 'MA59UQXX9',
      simulated: true,
    });
    const body = {
      customs: { customsCode: '4401961234', category: 'consignee', registeredOn: '2018-06-01' },
      inspection: { inspectionCode: '4400612345' },
      foreignTrade: {},
      origin: { filingNo: 'GD2020-001' },
    };
    const saved = await agent.send('PUT', '/api/org/qualifications', body);
    expect(saved.statusCode).toBe(200);
    expect(saved.json().qualifications.customs.customsCode).toBe('4401961234');
    const bad = await agent.send('PUT', '/api/org/qualifications', {
      ...body,
      inspection: { inspectionCode: '12ab' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({
      path: 'inspection.inspectionCode',
      code: 'field.inspection_code_invalid',
    });
  });

  it('「市场局同步更新」 and 「商务部同步更新」 update from the agencies, audited', async () => {
    const agent = await demoAdmin();
    const market = await agent.post('/api/org/qualifications/sync/market');
    expect(market.statusCode).toBe(200);
    expect(market.json()).toMatchObject({
      legalRepName: '陈建国',
      address: expect.stringContaining('天河区'),
    });
    expect(market.json().marketSyncedAt).not.toBeNull();
    const commerce = await agent.post('/api/org/qualifications/sync/commerce');
    expect(commerce.json().qualifications.foreignTrade).toMatchObject({
      filingNo: '04412345',
      operatorType: 'private',
    });
    // what was typed in other tabs stays
    const [org] = await t.ctx.db
      .select()
      .from(organizations)
      .where(eq(organizations.creditCode, '91440101MA59UQXX9Q'));
    const audit = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.targetId, org!.id));
    expect(
      audit.filter((a) => a.action === 'agency.call').map((a) => (a.detail as { outcome: string }).outcome),
    ).toEqual(['found', 'found']);
  });

  it('says the agency holds nothing for an unknown enterprise, and is for administrators only', async () => {
    const agent = new Agent(t.app);
    const body = organizationBody();
    body.administrator.smsCode = await agent.smsCode(body.administrator.mobile as string);
    expect((await agent.post('/api/accounts/organization', body)).statusCode).toBe(201);
    const res = await agent.post('/api/org/qualifications/sync/market');
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('qualification.not_found');
    const person = new Agent(t.app);
    const { username, password } = await registerIndividual(person);
    await person.signIn(username, password);
    expect((await person.get('/api/org/qualifications')).statusCode).toBe(403);
  });
});
