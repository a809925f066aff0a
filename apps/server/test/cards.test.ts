import { sign } from 'node:crypto';
import { creditCodeCheckChar, orgCodeCheckChar } from '@sw/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../src/context.ts';
import { openPglite } from '../src/db/client.ts';
import {
  accounts,
  auditEvents,
  cardChallenges,
  cards,
  organizations,
  pkiAuthority,
  sessions,
  signInAudit,
} from '../src/db/schema/index.ts';
import { fixedClock } from '../src/lib/clock.ts';
import { createFieldCrypto } from '../src/lib/crypto.ts';
import { insertAccount } from '../src/modules/identity/identity.repo.ts';
import { hashPassword } from '../src/modules/identity/passwords.ts';
import { grantStaffRole } from '../src/modules/identity/staff-roles.ts';
import { ensureAuthority, loadAuthority } from '../src/modules/pki/authority.ts';
import {
  createAuthorityCertificate,
  generateRsaKeyPair,
  issueCardCertificate,
  openPkcs12,
  randomSerial,
} from '../src/modules/pki/certificates.ts';
import { mayAdministratorModifyOperator } from '../src/modules/pki/pki.policy.ts';
import { deleteChallengesExpiredBefore } from '../src/modules/pki/pki.repo.ts';
import { Agent, createTestApp, registerIndividual, residentId, type TestApp } from './helpers.ts';

const clock = fixedClock(new Date());
let t: TestApp;
let staff: Agent;

const PIN = 'Card#2026';
const DAY = 24 * 3_600_000;

beforeAll(async () => {
  t = await createTestApp({ clock });
  const staffRow = await insertAccount(t.ctx.db, {
    username: 'cardstaff',
    kind: 'staff',
    name: '发卡员',
    passwordHash: await hashPassword('Staff@2026'),
  });
  await grantStaffRole(t.ctx.db, {
    accountId: staffRow.id,
    role: 'platform_admin',
    serviceCode: '*',
    grantedBy: null,
    at: clock.now(),
  });
  staff = new Agent(t.app);
  const res = await staff.signIn('cardstaff', 'Staff@2026');
  if (res.statusCode !== 200) throw new Error(`staff sign-in: ${res.body}`);
});
afterAll(async () => {
  await t?.close();
});

// fixtures ------------------------------------------------------------------------------

let orgSeq = 0;
/** A fresh organization: a valid GB 11714 code and the GB 32100 credit code around it. */
function newOrganization() {
  orgSeq++;
  const body = `T${String(Date.now() % 1_000_000).padStart(6, '0')}${orgSeq % 10}`;
  const orgCode = body + orgCodeCheckChar(body);
  const first17 = `91440300${orgCode}`;
  return {
    orgCode,
    creditCode: first17 + creditCodeCheckChar(first17),
    orgName: `测试贸易有限公司${orgSeq}`,
  };
}

let personSeq = 0;
function newPerson(name = '王五') {
  personSeq++;
  return {
    holderName: name,
    holderIdType: 'resident_id',
    holderIdNumber: residentId('11010519800101', 100 + personSeq),
  };
}

type Org = ReturnType<typeof newOrganization>;
type Person = ReturnType<typeof newPerson>;
type IssuedCard = { id: string; cardNo: string; privateKeyPem: string; certificatePem: string };

function issueBody(
  org: Org,
  person: Person,
  role: 'legal_person' | 'operator',
  extra: Record<string, unknown> = {},
) {
  return {
    ...person,
    ...org,
    role,
    notAfter: new Date(clock.now().getTime() + 365 * DAY).toISOString(),
    pin: PIN,
    ...extra,
  };
}

/** Issues a card in the console and opens its downloaded .p12 with the PIN, as its holder would. */
async function issue(
  org: Org,
  person: Person,
  role: 'legal_person' | 'operator',
  extra: Record<string, unknown> = {},
): Promise<IssuedCard> {
  const res = await staff.post('/api/console/cards', issueBody(org, person, role, extra));
  if (res.statusCode !== 201) throw new Error(`issue: ${res.statusCode} ${res.body}`);
  const card = res.json();
  const file = await staff.get(`/api/console/cards/${card.id}/pkcs12`);
  expect(file.statusCode).toBe(200);
  expect(file.headers['content-type']).toBe('application/x-pkcs12');
  const opened = openPkcs12(file.rawPayload, PIN);
  return { id: card.id, cardNo: card.cardNo, ...opened };
}

async function challenge(agent: Agent) {
  const res = await agent.post('/api/auth/card/challenge');
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; message: string; expiresAt: string };
}

function proofOf(
  card: Pick<IssuedCard, 'privateKeyPem' | 'certificatePem'>,
  c: { id: string; message: string },
) {
  return {
    challengeId: c.id,
    certificate: card.certificatePem,
    signature: sign('sha256', Buffer.from(c.message, 'utf8'), card.privateKeyPem).toString('base64'),
  };
}

async function cardSignIn(agent: Agent, card: IssuedCard, extra: Record<string, unknown> = {}) {
  return agent.post('/api/auth/card/sign-in', { ...proofOf(card, await challenge(agent)), ...extra });
}

async function accountsOf(orgCode: string) {
  const [org] = await t.ctx.db.select().from(organizations).where(eq(organizations.orgCode, orgCode));
  if (!org) return { org: undefined, rows: [] };
  const rows = await t.ctx.db.select().from(accounts).where(eq(accounts.organizationId, org.id));
  return { org, rows };
}

async function cardRow(id: string) {
  const [row] = await t.ctx.db.select().from(cards).where(eq(cards.id, id));
  return row!;
}

// ---------------------------------------------------------------------------------------

describe('platform CA', () => {
  it('serves its certificate and keeps the private key encrypted', async () => {
    const res = await new Agent(t.app).get('/api/pki/ca.pem');
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/^-----BEGIN CERTIFICATE-----/);
    const [row] = await t.ctx.db.select().from(pkiAuthority);
    expect(row!.certificatePem.trim()).toBe(res.body.trim());
    expect(row!.privateKeyEnc).not.toContain('PRIVATE KEY');
    expect(t.ctx.crypto.decrypt(row!.privateKeyEnc)).toContain('BEGIN PRIVATE KEY');
  });

  it('is created once even when two instances start together', async () => {
    const database = await openPglite(null);
    await database.migrate();
    try {
      const ctx = {
        db: database.db,
        crypto: createFieldCrypto('x'.repeat(40)),
        clock,
      } as unknown as AppContext;
      const [a, b] = await Promise.all([ensureAuthority(ctx), ensureAuthority(ctx)]);
      expect(a.certificatePem).toBe(b.certificatePem);
      expect(await database.db.select().from(pkiAuthority)).toHaveLength(1);
      expect((await ensureAuthority(ctx)).certificatePem).toBe(a.certificatePem);
    } finally {
      await database.close();
    }
  });
});

describe('issuance (staff only)', () => {
  it('refuses anonymous callers and non-staff accounts', async () => {
    const body = issueBody(newOrganization(), newPerson(), 'legal_person');
    const anonymous = new Agent(t.app);
    expect((await anonymous.post('/api/console/cards', body)).statusCode).toBe(401);
    const person = new Agent(t.app);
    const { username, password } = await registerIndividual(person);
    await person.signIn(username, password);
    const res = await person.post('/api/console/cards', body);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('auth.forbidden');
    expect((await person.get('/api/console/cards')).statusCode).toBe(403);
    const card = await issue(newOrganization(), newPerson(), 'operator');
    expect((await person.get(`/api/console/cards/${card.id}/pkcs12`)).statusCode).toBe(403);
    expect((await person.post(`/api/console/cards/${card.id}/revoke`, { reason: 'x' })).statusCode).toBe(403);
  });

  it('issues a certificate with the attributes and a PIN-protected .p12, audited', async () => {
    const org = newOrganization();
    const res = await staff.post('/api/console/cards', issueBody(org, newPerson('赵六'), 'operator'));
    expect(res.statusCode).toBe(201);
    const card = res.json();
    expect(card).toMatchObject({
      role: 'operator',
      holderName: '赵六',
      orgCode: org.orgCode,
      creditCode: org.creditCode,
      status: 'valid',
      boundUsername: null,
    });
    expect(card.cardNo).toMatch(/^89\d{14}$/);
    expect(card.holderIdNumberMasked).toMatch(/^\d{4}\*{10}\d{3}[\dX]$/);
    const row = await cardRow(card.id);
    expect(row.holderIdNumberEnc).not.toContain('19800101');
    const file = await staff.get(`/api/console/cards/${card.id}/pkcs12`);
    expect(file.headers['content-disposition']).toBe(`attachment; filename="${card.cardNo}.p12"`);
    expect(() => openPkcs12(file.rawPayload, 'wrong-pin')).toThrow(
      expect.objectContaining({ reason: 'wrong_pin' }),
    );
    const opened = openPkcs12(file.rawPayload, PIN);
    expect(opened.certificatePem.replace(/\s/g, '')).toBe(row.certificatePem.replace(/\s/g, ''));
    const events = await t.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.targetId, card.id)));
    expect(events.map((e) => e.action).sort()).toEqual(['card.download', 'card.issue']);
    expect(JSON.stringify(events)).not.toContain('19800101');
  });

  it('validates codes, ID number, PIN, card number and validity', async () => {
    const org = newOrganization();
    const person = newPerson();
    const codeOf = async (extra: Record<string, unknown>) => {
      const res = await staff.post('/api/console/cards', issueBody(org, person, 'legal_person', extra));
      const problem = res.json();
      const [first] = problem.errors ?? [{ code: problem.code, path: '' }];
      return `${res.statusCode} ${first.code} ${first.path}`.trim();
    };
    expect(await codeOf({ creditCode: '91440300MA5F00000X' })).toBe(
      '400 field.credit_code_invalid creditCode',
    );
    expect(await codeOf({ orgCode: '12345678-0' })).toBe('400 field.org_code_invalid orgCode');
    const other = newOrganization();
    expect(await codeOf({ orgCode: other.orgCode })).toBe('400 field.org_code_mismatch orgCode');
    expect(await codeOf({ holderIdNumber: '110105198001011234' })).toBe(
      '400 field.id_number_invalid holderIdNumber',
    );
    expect(await codeOf({ pin: '12345' })).toBe('400 field.card_pin_invalid pin');
    expect(await codeOf({ pin: '1234 5678' })).toBe('400 field.card_pin_invalid pin');
    expect(await codeOf({ cardNo: '89ab' })).toBe('400 field.card_no_invalid cardNo');
    expect(await codeOf({ role: 'boss' })).toBe('400 field.invalid role');
    expect(await codeOf({ notAfter: new Date(clock.now().getTime() - DAY).toISOString() })).toBe(
      '400 field.date_range_invalid notAfter',
    );
    expect(
      await codeOf({
        notBefore: new Date(clock.now().getTime() + 10 * DAY).toISOString(),
        notAfter: new Date(clock.now().getTime() + 5 * DAY).toISOString(),
      }),
    ).toBe('400 field.date_range_invalid notAfter');
    // the organization code may be typed with its hyphen; the credit code is optional
    const { creditCode: _, ...withoutCredit } = org;
    const hyphen = await staff.post('/api/console/cards', {
      ...issueBody({ ...withoutCredit, creditCode: undefined } as unknown as Org, person, 'operator'),
      orgCode: `${org.orgCode.slice(0, 8)}-${org.orgCode.slice(8)}`,
    });
    expect(hyphen.statusCode).toBe(201);
    expect(hyphen.json()).toMatchObject({ orgCode: org.orgCode, creditCode: null });
    const cardNo = `77${String(Date.now()).slice(-10)}`;
    expect(
      (await staff.post('/api/console/cards', issueBody(org, person, 'operator', { cardNo }))).statusCode,
    ).toBe(201);
    expect(await codeOf({ cardNo })).toBe('409 card.card_no_taken cardNo');
  });

  it('lists, searches and revokes with a reason', async () => {
    const org = newOrganization();
    const card = await issue(org, newPerson('钱七'), 'legal_person');
    const found = await staff.get(`/api/console/cards?q=${encodeURIComponent(org.orgName)}`);
    expect(found.json()).toMatchObject({ total: 1, items: [{ id: card.id, holderName: '钱七' }] });
    expect((await staff.get(`/api/console/cards?q=${card.cardNo}`)).json().total).toBe(1);
    expect((await staff.get('/api/console/cards?q=%25_')).json().total).toBe(0);

    const revoked = await staff.post(`/api/console/cards/${card.id}/revoke`, { reason: '持卡人离职' });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ status: 'revoked', revokeReason: '持卡人离职' });
    const again = await staff.post(`/api/console/cards/${card.id}/revoke`, { reason: '重复' });
    expect(again.json().code).toBe('card.already_revoked');
    expect(again.statusCode).toBe(409);
    const missing = await staff.post('/api/console/cards/00000000-0000-4000-8000-000000000000/revoke', {
      reason: 'x',
    });
    expect(missing.statusCode).toBe(404);
    const byStatus = (await staff.get(`/api/console/cards?status=revoked&q=${card.cardNo}`)).json();
    expect(byStatus.total).toBe(1);
    expect((await staff.get(`/api/console/cards?status=valid&q=${card.cardNo}`)).json().total).toBe(0);
    const [event] = await t.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.targetId, card.id), eq(auditEvents.action, 'card.revoke')));
    expect(event).toMatchObject({ detail: { cardNo: card.cardNo, reason: '持卡人离职' } });
  });
});

describe('card sign-in and auto-registration (seed 004 重要提醒, §1.2.1.1, §3.1)', () => {
  it('legal-person card, new organization: creates it and <卡号>_ADMIN, inactive, bound; signs in as it', async () => {
    const org = newOrganization();
    const legal = await issue(org, newPerson('孙法人'), 'legal_person');
    const agent = new Agent(t.app);
    const res = await cardSignIn(agent, legal);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      method: 'card',
      account: {
        username: `${legal.cardNo}_ADMIN`,
        kind: 'enterprise_admin',
        status: 'inactive',
        name: '孙法人',
      },
    });
    const session = await agent.get('/api/auth/session');
    expect(session.json()).toMatchObject({ method: 'card', account: { username: `${legal.cardNo}_ADMIN` } });

    const { org: created, rows } = await accountsOf(org.orgCode);
    expect(created).toMatchObject({
      source: 'card',
      creditCode: org.creditCode,
      name: org.orgName,
      legalRepName: '孙法人',
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'inactive', passwordHash: null });
    expect((await cardRow(legal.id)).accountId).toBe(rows[0]!.id);
    const audits = await t.ctx.db.select().from(signInAudit).where(eq(signInAudit.identifier, legal.cardNo));
    expect(audits.map((a) => [a.method, a.outcome])).toEqual([['card', 'success']]);

    // the bound card signs straight into it again; nothing new is created
    const again = await cardSignIn(new Agent(t.app), legal);
    expect(again.json().account.id).toBe(rows[0]!.id);
    expect((await accountsOf(org.orgCode)).rows).toHaveLength(1);

    // 我的IC卡 shows it
    const mine = (await agent.get('/api/account/cards')).json();
    expect(mine).toMatchObject([
      { id: legal.id, cardNo: legal.cardNo, role: 'legal_person', status: 'valid' },
    ]);
  });

  it('operator card, no administrator: creates <卡号>_ADMIN and operator <卡号>, both inactive; signs in as the operator', async () => {
    const org = newOrganization();
    const op = await issue(org, newPerson('周操作'), 'operator');
    const res = await cardSignIn(new Agent(t.app), op);
    expect(res.statusCode).toBe(200);
    expect(res.json().account).toMatchObject({
      username: op.cardNo,
      kind: 'enterprise_operator',
      status: 'inactive',
    });
    const { rows } = await accountsOf(org.orgCode);
    const byName = Object.fromEntries(rows.map((r) => [r.username, r]));
    expect(Object.keys(byName).sort()).toEqual([op.cardNo, `${op.cardNo}_ADMIN`].sort());
    expect(byName[`${op.cardNo}_ADMIN`]).toMatchObject({
      kind: 'enterprise_admin',
      status: 'inactive',
      passwordHash: null,
    });
    expect(byName[op.cardNo]).toMatchObject({ idType: 'resident_id', passwordHash: null });
    expect((await cardRow(op.id)).accountId).toBe(byName[op.cardNo]!.id);
  });

  it('operator card, administrator exists: binds to the operator with the same ID, or creates operator <卡号>', async () => {
    const org = newOrganization();
    const holder = newPerson('吴操作');
    const first = await issue(org, holder, 'operator');
    const firstAccount = (await cardSignIn(new Agent(t.app), first)).json().account;

    // a second card of the same holder (e.g. a replacement IKey) binds to the same operator
    const second = await issue(org, holder, 'operator');
    const res = await cardSignIn(new Agent(t.app), second);
    expect(res.json().account.id).toBe(firstAccount.id);
    expect((await cardRow(second.id)).accountId).toBe(firstAccount.id);

    // another holder gets an operator of their own
    const other = await issue(org, newPerson('郑操作'), 'operator');
    const created = await cardSignIn(new Agent(t.app), other);
    expect(created.json().account).toMatchObject({ username: other.cardNo, kind: 'enterprise_operator' });
    const { rows } = await accountsOf(org.orgCode);
    expect(rows.filter((r) => r.kind === 'enterprise_admin')).toHaveLength(1);
    expect(rows.filter((r) => r.kind === 'enterprise_operator')).toHaveLength(2);
  });

  it('legal-person card, administrator without a card: binds to it', async () => {
    const org = newOrganization();
    const op = await issue(org, newPerson(), 'operator');
    await cardSignIn(new Agent(t.app), op); // creates <op>_ADMIN, no card bound to it
    const legal = await issue(org, newPerson('冯法人'), 'legal_person');
    const res = await cardSignIn(new Agent(t.app), legal);
    expect(res.statusCode).toBe(200);
    expect(res.json().account.username).toBe(`${op.cardNo}_ADMIN`);
    expect((await accountsOf(org.orgCode)).rows).toHaveLength(2);
  });

  it('legal-person card, administrator bound to another card: asks to confirm (被冒用), then replaces it', async () => {
    const org = newOrganization();
    const original = await issue(org, newPerson('陈法人'), 'legal_person');
    const holder = new Agent(t.app);
    const admin = (await cardSignIn(holder, original)).json().account;

    const newcomer = await issue(org, newPerson('陈法人'), 'legal_person');
    const agent = new Agent(t.app);
    const proof = proofOf(newcomer, await challenge(agent));
    const asked = await agent.post('/api/auth/card/sign-in', proof);
    expect(asked.statusCode).toBe(409);
    expect(asked.json().code).toBe('card.override_required');
    expect(agent.cookies.has('sw_session')).toBe(false);
    // the answer needs a fresh challenge: the first one was spent by the question
    const reused = await agent.post('/api/auth/card/sign-in', { ...proof, confirmOverride: true });
    expect(reused.json().code).toBe('card.challenge_used');
    expect((await cardRow(newcomer.id)).accountId).toBeNull();
    expect((await cardRow(original.id)).accountId).toBe(admin.id);

    const confirmed = await cardSignIn(agent, newcomer, { confirmOverride: true });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().account.id).toBe(admin.id);
    expect((await cardRow(newcomer.id)).accountId).toBe(admin.id);
    expect((await cardRow(original.id)).accountId).toBeNull();
    // whoever held the replaced card is signed out
    expect((await holder.get('/api/me')).statusCode).toBe(401);
    expect((await agent.get('/api/me')).statusCode).toBe(200);
    const [event] = await t.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.targetId, admin.id), eq(auditEvents.action, 'card.override')));
    expect(event!.detail).toEqual({ replaced: [original.cardNo], by: newcomer.cardNo });

    // the replaced card, now unbound, asks again rather than slipping back in
    const back = await cardSignIn(new Agent(t.app), original);
    expect(back.json().code).toBe('card.override_required');
  });

  it('two simultaneous first sign-ins of one organization give one administrator', async () => {
    const org = newOrganization();
    const [a, b, c] = await Promise.all([
      issue(org, newPerson(), 'operator'),
      issue(org, newPerson(), 'operator'),
      issue(org, newPerson('林法人'), 'legal_person'),
    ]);
    const results = await Promise.all([a, b, c, a].map((card) => cardSignIn(new Agent(t.app), card)));
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
    const { rows } = await accountsOf(org.orgCode);
    const admins = rows.filter((r) => r.kind === 'enterprise_admin');
    expect(admins).toHaveLength(1);
    expect(rows.filter((r) => r.kind === 'enterprise_operator')).toHaveLength(2);
    expect(results[0]!.json().account.id).toBe(results[3]!.json().account.id);
    expect((await cardRow(c.id)).accountId).toBe(admins[0]!.id);
  });

  it('refuses, with a code, what the rules cannot settle: a credit code taken, a username taken', async () => {
    const org = newOrganization();
    // the credit code is registered to an organization with another organization code
    const other = newOrganization();
    await t.ctx.db.insert(organizations).values({
      kind: 'enterprise',
      creditCode: org.creditCode,
      orgCode: other.orgCode,
      name: '另一家公司',
    });
    const res = await cardSignIn(new Agent(t.app), await issue(org, newPerson(), 'legal_person'));
    expect(`${res.statusCode} ${res.json().code}`).toBe('409 card.organization_conflict');
    expect((await accountsOf(org.orgCode)).org).toBeUndefined();

    const free = newOrganization();
    const cardNo = `66${String(Date.now()).slice(-12)}`;
    await insertAccount(t.ctx.db, { username: `${cardNo}_admin`, kind: 'individual', name: '占用者' });
    const taken = await cardSignIn(
      new Agent(t.app),
      await issue(free, newPerson(), 'legal_person', { cardNo }),
    );
    expect(`${taken.statusCode} ${taken.json().code}`).toBe('409 card.username_conflict');
    expect((await accountsOf(free.orgCode)).org).toBeUndefined(); // nothing half-written
  });

  it('refuses a disabled account, and the rules never touch it', async () => {
    const org = newOrganization();
    const op = await issue(org, newPerson(), 'operator');
    const account = (await cardSignIn(new Agent(t.app), op)).json().account;
    await t.ctx.db.update(accounts).set({ status: 'disabled' }).where(eq(accounts.id, account.id));
    const res = await cardSignIn(new Agent(t.app), op);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('auth.account_disabled');
  });
});

describe('refused card proofs: each with its own code, never a 5xx, never a session', () => {
  let org: Org;
  let card: IssuedCard;
  beforeAll(async () => {
    org = newOrganization();
    card = await issue(org, newPerson(), 'operator');
  });

  async function expectRefused(res: Awaited<ReturnType<Agent['post']>>, status: number, code: string) {
    expect(`${res.statusCode} ${res.json().code}`).toBe(`${status} ${code}`);
    expect(res.headers['set-cookie']?.toString() ?? '').not.toContain('sw_session');
  }

  it('malformed certificate', async () => {
    const agent = new Agent(t.app);
    const c = await challenge(agent);
    for (const certificate of [
      'hello',
      '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----',
      card.privateKeyPem,
    ]) {
      await expectRefused(
        await agent.post('/api/auth/card/sign-in', { ...proofOf(card, c), certificate }),
        400,
        'card.certificate_malformed',
      );
    }
    const bad = await agent.post('/api/auth/card/sign-in', { ...proofOf(card, c), challengeId: 'x' });
    expect(bad.statusCode).toBe(400);
    const sig = await agent.post('/api/auth/card/sign-in', { ...proofOf(card, c), signature: '%%%' });
    expect(sig.json().code).toBe('request.validation_failed');
  });

  it('certificate of a foreign CA', async () => {
    const { privateKeyPem } = await generateRsaKeyPair(2048);
    const foreignCa = {
      privateKeyPem,
      certificatePem: createAuthorityCertificate({ privateKeyPem, now: clock.now() }),
    };
    const keys = await generateRsaKeyPair(2048);
    const certificatePem = issueCardCertificate({
      authority: foreignCa,
      subjectPublicKeyPem: keys.publicKeyPem,
      attributes: {
        cardNo: card.cardNo,
        role: 'operator',
        holderName: 'x',
        orgCode: org.orgCode,
        creditCode: null,
        orgName: 'x',
      },
      serial: randomSerial(),
      notBefore: clock.now(),
      notAfter: new Date(clock.now().getTime() + DAY),
    });
    const agent = new Agent(t.app);
    const res = await agent.post(
      '/api/auth/card/sign-in',
      proofOf({ privateKeyPem: keys.privateKeyPem, certificatePem }, await challenge(agent)),
    );
    await expectRefused(res, 401, 'card.foreign_ca');
  });

  it('a certificate from our CA that was never issued as a card', async () => {
    const authority = await loadAuthority(t.ctx);
    const keys = await generateRsaKeyPair(2048);
    const certificatePem = issueCardCertificate({
      authority: { certificatePem: authority.certificatePem, privateKeyPem: authority.privateKeyPem() },
      subjectPublicKeyPem: keys.publicKeyPem,
      attributes: {
        cardNo: '8911111111111111',
        role: 'legal_person',
        holderName: 'x',
        orgCode: org.orgCode,
        creditCode: null,
        orgName: 'x',
      },
      serial: randomSerial(),
      notBefore: clock.now(),
      notAfter: new Date(clock.now().getTime() + DAY),
    });
    const agent = new Agent(t.app);
    const res = await agent.post(
      '/api/auth/card/sign-in',
      proofOf({ privateKeyPem: keys.privateKeyPem, certificatePem }, await challenge(agent)),
    );
    await expectRefused(res, 401, 'card.unknown');
  });

  it('bad signature: another key, or another message', async () => {
    const agent = new Agent(t.app);
    const other = await generateRsaKeyPair(2048);
    const c = await challenge(agent);
    await expectRefused(
      await agent.post('/api/auth/card/sign-in', proofOf({ ...card, privateKeyPem: other.privateKeyPem }, c)),
      401,
      'card.signature_invalid',
    );
    const c2 = await challenge(agent);
    const wrongMessage = proofOf(card, { id: c2.id, message: `${c2.message}x` });
    await expectRefused(
      await agent.post('/api/auth/card/sign-in', wrongMessage),
      401,
      'card.signature_invalid',
    );
    // the challenge was spent by the failed attempt
    await expectRefused(
      await agent.post('/api/auth/card/sign-in', proofOf(card, c2)),
      400,
      'card.challenge_used',
    );
  });

  it('replayed challenge', async () => {
    const agent = new Agent(t.app);
    const proof = proofOf(card, await challenge(agent));
    expect((await agent.post('/api/auth/card/sign-in', proof)).statusCode).toBe(200);
    await expectRefused(
      await new Agent(t.app).post('/api/auth/card/sign-in', proof),
      400,
      'card.challenge_used',
    );
  });

  it('unknown challenge', async () => {
    const agent = new Agent(t.app);
    const c = await challenge(agent);
    const res = await agent.post('/api/auth/card/sign-in', {
      ...proofOf(card, c),
      challengeId: '00000000-0000-4000-8000-000000000000',
    });
    await expectRefused(res, 400, 'card.challenge_expired');
  });

  it('revoked card', async () => {
    const victim = await issue(org, newPerson(), 'operator');
    await staff.post(`/api/console/cards/${victim.id}/revoke`, { reason: '挂失' });
    const res = await cardSignIn(new Agent(t.app), victim);
    await expectRefused(res, 401, 'card.revoked');
  });

  it('staff disable a card-created account that is not yet activated; enabled, it is inactive again', async () => {
    const card = await issue(newOrganization(), newPerson(), 'legal_person');
    const holder = new Agent(t.app);
    const signedIn = await cardSignIn(holder, card);
    const id = signedIn.json().account.id as string;
    const disabled = await staff.post(`/api/console/accounts/${id}/disable`);
    expect(disabled.json().status).toBe('disabled');
    expect((await holder.get('/api/me')).statusCode).toBe(401);
    expect((await cardSignIn(new Agent(t.app), card)).statusCode).toBe(403);
    const enabled = await staff.post(`/api/console/accounts/${id}/enable`);
    expect(enabled.json().status).toBe('inactive');
    expect((await cardSignIn(new Agent(t.app), card)).statusCode).toBe(200);
  });

  it('revoking a card ends the sessions it signed in', async () => {
    const stolen = await issue(newOrganization(), newPerson(), 'legal_person');
    const thief = new Agent(t.app);
    expect((await cardSignIn(thief, stolen)).statusCode).toBe(200);
    expect((await thief.get('/api/me')).statusCode).toBe(200);
    expect((await staff.post(`/api/console/cards/${stolen.id}/revoke`, { reason: '挂失' })).statusCode).toBe(
      200,
    );
    expect((await thief.get('/api/me')).statusCode).toBe(401);
  });

  it('messages in zh-CN, zh-HK and en', async () => {
    const codes: Record<string, string> = {};
    for (const locale of ['zh-CN', 'zh-HK', 'en']) {
      const agent = new Agent(t.app, locale);
      const res = await agent.post('/api/auth/card/sign-in', {
        ...proofOf(card, await challenge(agent)),
        certificate: 'x',
      });
      codes[locale] = res.json().detail;
    }
    expect(codes['zh-CN']).toContain('无法读取卡介质证书');
    expect(codes['zh-HK']).toContain('無法讀取卡介質證書');
    expect(codes.en).toContain('cannot be read');
  });

  it('audits every refusal with method card', async () => {
    const rows = await t.ctx.db
      .select({ outcome: signInAudit.outcome })
      .from(signInAudit)
      .where(and(eq(signInAudit.method, 'card'), sql`${signInAudit.outcome} <> 'success'`));
    const outcomes = new Set(rows.map((r) => r.outcome));
    for (const o of [
      'certificate_malformed',
      'foreign_ca',
      'unknown',
      'signature_invalid',
      'challenge_used',
      'revoked',
      'challenge_expired',
    ]) {
      expect(outcomes).toContain(o);
    }
  });

  describe('in time', () => {
    it('stale challenge (older than two minutes)', async () => {
      const agent = new Agent(t.app);
      const c = await challenge(agent);
      clock.advance(2 * 60_000 + 1000);
      try {
        await expectRefused(
          await agent.post('/api/auth/card/sign-in', proofOf(card, c)),
          400,
          'card.challenge_expired',
        );
      } finally {
        clock.advance(-(2 * 60_000 + 1000));
      }
    });

    it('expired and not-yet-valid certificates', async () => {
      const soon = await issue(org, newPerson(), 'operator', {
        notBefore: new Date(clock.now().getTime() + DAY).toISOString(),
        notAfter: new Date(clock.now().getTime() + 2 * DAY).toISOString(),
      });
      await expectRefused(await cardSignIn(new Agent(t.app), soon), 401, 'card.certificate_not_yet_valid');
      const start = clock.now();
      clock.advance(3 * DAY);
      try {
        await expectRefused(await cardSignIn(new Agent(t.app), soon), 401, 'card.certificate_expired');
      } finally {
        clock.set(start);
      }
      const listed = (await staff.get(`/api/console/cards?q=${soon.cardNo}`)).json().items[0];
      expect(listed.status).toBe('not_yet_valid');
    });
  });
});

describe('账号激活 (seed 004 §3.1)', () => {
  it('an inactive card account cannot use a password; activated by card, it can', async () => {
    const org = newOrganization();
    const legal = await issue(org, newPerson(), 'legal_person');
    const agent = new Agent(t.app);
    const username = (await cardSignIn(agent, legal)).json().account.username as string;

    const before = await new Agent(t.app).signIn(username, 'Activ8!pass');
    expect(before.statusCode).toBe(401);

    const weak = await agent.post('/api/account/activate', { password: 'weak', confirmPassword: 'weak' });
    expect(weak.json().errors.map((e: { code: string }) => e.code)).toContain('field.password_weak');
    const mismatch = await agent.post('/api/account/activate', {
      password: 'Activ8!pass',
      confirmPassword: 'Activ8!pasS',
    });
    expect(mismatch.json().errors).toEqual([
      expect.objectContaining({ path: 'confirmPassword', code: 'field.password_mismatch' }),
    ]);

    const done = await agent.post('/api/account/activate', {
      password: 'Activ8!pass',
      confirmPassword: 'Activ8!pass',
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ username, status: 'active' });
    // the cached session sees the change at once
    expect((await agent.get('/api/me')).json().status).toBe('active');
    const again = await agent.post('/api/account/activate', {
      password: 'Activ8!pass',
      confirmPassword: 'Activ8!pass',
    });
    expect(`${again.statusCode} ${again.json().code}`).toBe('409 account.already_active');

    const byPassword = new Agent(t.app);
    expect((await byPassword.signIn(username, 'Activ8!pass')).statusCode).toBe(200);
    expect((await byPassword.get('/api/auth/session')).json().method).toBe('password');
    const [event] = await t.ctx.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'account.activate'));
    expect(event).toBeTruthy();
  });

  it('is refused outside a card session', async () => {
    const person = new Agent(t.app);
    const { username, password } = await registerIndividual(person);
    await person.signIn(username, password);
    const res = await person.post('/api/account/activate', {
      password: 'Activ8!pass',
      confirmPassword: 'Activ8!pass',
    });
    expect(`${res.statusCode} ${res.json().code}`).toBe('403 account.activation_requires_card');
    expect(
      (
        await new Agent(t.app).post('/api/account/activate', {
          password: 'Activ8!pass',
          confirmPassword: 'Activ8!pass',
        })
      ).statusCode,
    ).toBe(401);
  });
});

describe('我的IC卡: bind and unbind (seed 004 §3.3)', () => {
  async function bindWith(agent: Agent, card: IssuedCard) {
    return agent.post('/api/account/cards/bind', proofOf(card, await challenge(agent)));
  }

  it('unbinds selected cards and binds them again', async () => {
    const org = newOrganization();
    const holder = newPerson();
    const first = await issue(org, holder, 'operator');
    const agent = new Agent(t.app);
    const operator = (await cardSignIn(agent, first)).json().account;
    const second = await issue(org, holder, 'operator');
    const bound = await bindWith(agent, second);
    expect(bound.statusCode).toBe(200);
    expect(bound.json()).toMatchObject({ id: second.id, status: 'valid' });
    expect((await agent.get('/api/account/cards')).json()).toHaveLength(2);

    const res = await agent.post('/api/account/cards/unbind', { cardIds: [first.id, second.id] });
    expect(res.json()).toEqual({ unbound: 2 });
    expect((await agent.get('/api/account/cards')).json()).toEqual([]);
    expect((await cardRow(first.id)).accountId).toBeNull();
    expect((await bindWith(agent, first)).statusCode).toBe(200);
    expect((await cardRow(first.id)).accountId).toBe(operator.id);
    // binding a card already mine is harmless
    expect((await bindWith(agent, first)).statusCode).toBe(200);
  });

  it('refuses cards of another organization, role or holder', async () => {
    const org = newOrganization();
    const holder = newPerson();
    const mine = await issue(org, holder, 'operator');
    const agent = new Agent(t.app);
    await cardSignIn(agent, mine);
    const code = async (card: IssuedCard) => {
      const res = await bindWith(agent, card);
      return `${res.statusCode} ${res.json().code}`;
    };
    expect(await code(await issue(newOrganization(), holder, 'operator'))).toBe(
      '403 card.wrong_organization',
    );
    expect(await code(await issue(org, newPerson(), 'operator'))).toBe('403 card.holder_mismatch');
    expect(await code(await issue(org, holder, 'legal_person'))).toBe('403 card.role_mismatch');

    // a colleague's card, bound to the colleague
    const colleague = await issue(org, newPerson(), 'operator');
    await cardSignIn(new Agent(t.app), colleague);
    expect(await code(colleague)).toBe('403 card.holder_mismatch');

    // an individual has no organization
    const person = new Agent(t.app);
    const { username, password } = await registerIndividual(person);
    await person.signIn(username, password);
    const res = await bindWith(person, mine);
    expect(res.json().code).toBe('card.wrong_organization');

    // unbinding someone else's card does nothing
    const other = await person.post('/api/account/cards/unbind', { cardIds: [mine.id] });
    expect(`${other.statusCode} ${other.json().code}`).toBe('404 card.not_found');
    expect((await cardRow(mine.id)).accountId).not.toBeNull();
  });

  it('refuses a card bound to another account', async () => {
    const org = newOrganization();
    const holder = newPerson();
    const opAgent = new Agent(t.app);
    await cardSignIn(opAgent, await issue(org, holder, 'operator'));
    // a card of this very holder that is bound to the organization's administrator (data drift, a
    // binding made before a correction…): the conditional update refuses to take it over
    const spare = await issue(org, holder, 'operator');
    const [admin] = (await accountsOf(org.orgCode)).rows.filter((r) => r.kind === 'enterprise_admin');
    await t.ctx.db.update(cards).set({ accountId: admin!.id }).where(eq(cards.id, spare.id));
    const taken = await bindWith(opAgent, spare);
    expect(`${taken.statusCode} ${taken.json().code}`).toBe('409 card.bound_elsewhere');
    expect((await cardRow(spare.id)).accountId).toBe(admin!.id);
  });
});

describe('mayAdministratorModifyOperator (seed 004 重要提醒)', () => {
  it('is false while the operator is card-bound and its administrator is not', async () => {
    const org = newOrganization();
    const op = await issue(org, newPerson(), 'operator');
    const operator = (await cardSignIn(new Agent(t.app), op)).json().account;
    const [admin] = (await accountsOf(org.orgCode)).rows.filter((r) => r.kind === 'enterprise_admin');
    expect(await mayAdministratorModifyOperator(t.ctx.db, admin!.id, operator.id)).toBe(false);

    // the administrator binds a legal-person card: allowed again
    const legal = await issue(org, newPerson(), 'legal_person');
    const adminAgent = new Agent(t.app);
    expect((await cardSignIn(adminAgent, legal)).json().account.id).toBe(admin!.id);
    expect(await mayAdministratorModifyOperator(t.ctx.db, admin!.id, operator.id)).toBe(true);

    // the administrator's card revoked: forbidden again; the operator's card unbound: allowed
    await staff.post(`/api/console/cards/${legal.id}/revoke`, { reason: '测试' });
    expect(await mayAdministratorModifyOperator(t.ctx.db, admin!.id, operator.id)).toBe(false);
    await t.ctx.db.update(cards).set({ accountId: null }).where(eq(cards.id, op.id));
    expect(await mayAdministratorModifyOperator(t.ctx.db, admin!.id, operator.id)).toBe(true);
  });

  it('is false across organizations and for non-administrators', async () => {
    const a = newOrganization();
    const b = newOrganization();
    const opA = (await cardSignIn(new Agent(t.app), await issue(a, newPerson(), 'operator'))).json().account;
    const opB = (await cardSignIn(new Agent(t.app), await issue(b, newPerson(), 'operator'))).json().account;
    const [adminB] = (await accountsOf(b.orgCode)).rows.filter((r) => r.kind === 'enterprise_admin');
    await t.ctx.db.update(cards).set({ accountId: null }).where(eq(cards.accountId, opA.id));
    expect(await mayAdministratorModifyOperator(t.ctx.db, adminB!.id, opA.id)).toBe(false);
    expect(await mayAdministratorModifyOperator(t.ctx.db, opB.id, opA.id)).toBe(false);
    expect(await mayAdministratorModifyOperator(t.ctx.db, adminB!.id, adminB!.id)).toBe(false);
  });
});

describe('spent challenges', () => {
  it('are kept until long expired, then swept', async () => {
    const spent = await t.ctx.db.select({ id: cardChallenges.id }).from(cardChallenges);
    expect(spent.length).toBeGreaterThan(10);
    await deleteChallengesExpiredBefore(t.ctx.db, new Date(clock.now().getTime() - 60_000));
    expect(await t.ctx.db.select({ id: cardChallenges.id }).from(cardChallenges)).toHaveLength(spent.length);
    await deleteChallengesExpiredBefore(t.ctx.db, new Date(clock.now().getTime() + 10 * 60_000));
    expect(await t.ctx.db.select({ id: cardChallenges.id }).from(cardChallenges)).toHaveLength(0);
  });
});

describe('sessions', () => {
  it('a card sign-in rotates the browser session', async () => {
    const agent = new Agent(t.app);
    const { username, password } = await registerIndividual(agent);
    await agent.signIn(username, password);
    const before = agent.cookies.get('sw_session');
    const card = await issue(newOrganization(), newPerson(), 'operator');
    await cardSignIn(agent, card);
    expect(agent.cookies.get('sw_session')).not.toBe(before);
    const [old] = await t.ctx.db
      .select()
      .from(sessions)
      .where(sql`${sessions.method} = 'password' and ${sessions.revokedAt} is not null`)
      .limit(1);
    expect(old).toBeTruthy();
  });
});
