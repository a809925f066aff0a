import { generateKeyPairSync } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, auditEvents, passkeyCredentials, signInAudit } from '../src/db/schema/index.ts';
import { fixedClock } from '../src/lib/clock.ts';
import { Agent, createTestApp, registerIndividual, type TestApp } from './helpers.ts';
import { assert, attest, newCredential, type SoftCredential } from './soft-authenticator.ts';

const clock = fixedClock(new Date());
let t: TestApp;
let origin: string;
let rpId: string;
beforeAll(async () => {
  t = await createTestApp({ clock });
  ({ origin, rpId } = t.ctx.config.webauthn);
});
afterAll(async () => {
  await t.close();
});

async function signedIn() {
  const agent = new Agent(t.app);
  const { username, password } = await registerIndividual(agent);
  const res = await agent.signIn(username, password);
  expect(res.statusCode).toBe(200);
  return { agent, username, accountId: res.json().account.id as string };
}

/** Adds a passkey through the API as the browser would, with the software authenticator. */
async function addPasskey(agent: Agent, name = '办公室电脑', credential = newCredential()) {
  const options = await agent.post('/api/account/passkeys/options');
  expect(options.statusCode).toBe(200);
  const { challengeId, options: creation } = options.json();
  const res = await agent.post('/api/account/passkeys', {
    challengeId,
    name,
    credential: attest(credential, creation, origin),
  });
  return { res, credential };
}

async function passkeySignIn(
  agent: Agent,
  credential: SoftCredential,
  opts: Parameters<typeof assert>[3] & { origin?: string } = {},
) {
  const options = await agent.post('/api/auth/passkey/options');
  expect(options.statusCode).toBe(200);
  const { challengeId, options: request } = options.json();
  const body = {
    challengeId,
    credential: assert(credential, { challenge: request.challenge, rpId }, opts.origin ?? origin, opts),
  };
  return { res: await agent.post('/api/auth/passkey', body), body };
}

async function auditOf(accountId: string) {
  return t.ctx.db
    .select()
    .from(signInAudit)
    .where(and(eq(signInAudit.accountId, accountId), eq(signInAudit.method, 'passkey')));
}

describe('adding a passkey', () => {
  it('offers discoverable, verified registration for the signed-in account and keeps the credential', async () => {
    const { agent, username, accountId } = await signedIn();
    const options = await agent.post('/api/account/passkeys/options');
    expect(options.statusCode).toBe(200);
    const { options: creation } = options.json();
    expect(creation.rp).toEqual({ id: rpId, name: '单一窗口' });
    expect(creation.user.name).toBe(username);
    expect(creation.authenticatorSelection).toMatchObject({
      residentKey: 'required',
      userVerification: 'required',
    });
    expect(Buffer.from(creation.user.id, 'base64url').toString('utf8')).toBe(accountId);

    const { res, credential } = await addPasskey(agent, '我的手机');
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ id: credential.id, name: '我的手机', transports: ['internal'] });
    expect(res.json()).not.toHaveProperty('publicKey');

    const list = await agent.get('/api/account/passkeys');
    expect(list.json()).toHaveLength(1);
    const [row] = await t.ctx.db
      .select()
      .from(passkeyCredentials)
      .where(eq(passkeyCredentials.id, credential.id));
    expect(row).toMatchObject({ accountId, counter: 0, name: '我的手机' });
    const audits = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.targetId, accountId));
    expect(audits.map((a) => a.action)).toContain('passkey.add');

    // the next options exclude it, so the same authenticator is not registered twice
    const again = (await agent.post('/api/account/passkeys/options')).json();
    expect(again.options.excludeCredentials).toEqual([
      { id: credential.id, type: 'public-key', transports: ['internal'] },
    ]);
  });

  it('needs a session', async () => {
    const anonymous = new Agent(t.app);
    expect((await anonymous.get('/api/account/passkeys')).statusCode).toBe(401);
    expect((await anonymous.post('/api/account/passkeys/options')).statusCode).toBe(401);
  });

  it('refuses a response for another challenge, origin or account, and a used challenge', async () => {
    const { agent } = await signedIn();
    const { challengeId, options } = (await agent.post('/api/account/passkeys/options')).json();

    // signed for another site
    const evil = await agent.post('/api/account/passkeys', {
      challengeId,
      name: 'x',
      credential: attest(newCredential(), options, 'https://evil.example'),
    });
    expect(evil.statusCode).toBe(400);
    expect(evil.json().code).toBe('passkey.verification_failed');
    // that spent the challenge
    const reuse = await agent.post('/api/account/passkeys', {
      challengeId,
      name: 'x',
      credential: attest(newCredential(), options, origin),
    });
    expect(reuse.json().code).toBe('passkey.challenge_expired');

    // another account cannot finish with this account's challenge
    const other = await signedIn();
    const fresh = (await agent.post('/api/account/passkeys/options')).json();
    const stolen = await other.agent.post('/api/account/passkeys', {
      challengeId: fresh.challengeId,
      name: 'x',
      credential: attest(newCredential(), fresh.options, origin),
    });
    expect(stolen.json().code).toBe('passkey.challenge_expired');
    expect((await agent.get('/api/account/passkeys')).json()).toEqual([]);
    expect((await other.agent.get('/api/account/passkeys')).json()).toEqual([]);
  });

  it('refuses an authenticator that did not verify the user, and a credential registered before', async () => {
    const { agent } = await signedIn();
    const { challengeId, options } = (await agent.post('/api/account/passkeys/options')).json();
    const presenceOnly = await agent.post('/api/account/passkeys', {
      challengeId,
      name: 'x',
      credential: attest(newCredential(), options, origin, { flags: 0x41 }),
    });
    expect(presenceOnly.json().code).toBe('passkey.verification_failed');

    const { credential } = await addPasskey(agent);
    const other = await signedIn();
    const { res } = await addPasskey(other.agent, '同一把密钥', credential);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('passkey.already_registered');
  });

  it('expires an unused challenge after five minutes', async () => {
    const { agent } = await signedIn();
    const { challengeId, options } = (await agent.post('/api/account/passkeys/options')).json();
    clock.advance(5 * 60_000 + 1000);
    const late = await agent.post('/api/account/passkeys', {
      challengeId,
      name: 'x',
      credential: attest(newCredential(), options, origin),
    });
    expect(late.statusCode).toBe(400);
    expect(late.json().code).toBe('passkey.challenge_expired');
  });

  it('validates the name and the shape of the response', async () => {
    const { agent } = await signedIn();
    const { challengeId, options } = (await agent.post('/api/account/passkeys/options')).json();
    const res = await agent.post('/api/account/passkeys', {
      challengeId,
      name: '',
      credential: { ...attest(newCredential(), options, origin), id: 'not base64url!' },
    });
    expect(res.statusCode).toBe(400);
    const paths = res.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'credential.id']));
  });
});

describe('signing in with a passkey', () => {
  it('signs in without a username, moves the counter and audits the attempt', async () => {
    const { agent: owner, username, accountId } = await signedIn();
    const { credential } = await addPasskey(owner);

    const browser = new Agent(t.app);
    const options = (await browser.post('/api/auth/passkey/options')).json();
    expect(options.options.rpId).toBe(rpId);
    expect(options.options.userVerification).toBe('required');
    expect(options.options.allowCredentials ?? []).toEqual([]);

    const { res } = await passkeySignIn(browser, credential);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ method: 'passkey', account: { id: accountId, username } });
    const session = await browser.get('/api/auth/session');
    expect(session.json()).toMatchObject({ method: 'passkey', account: { username } });

    const [row] = await t.ctx.db
      .select()
      .from(passkeyCredentials)
      .where(eq(passkeyCredentials.id, credential.id));
    expect(row!.counter).toBe(1);
    expect(row!.lastUsedAt).not.toBeNull();
    const again = await passkeySignIn(new Agent(t.app), credential, { counter: 7 });
    expect(again.res.statusCode).toBe(200);
    const [after] = await t.ctx.db
      .select()
      .from(passkeyCredentials)
      .where(eq(passkeyCredentials.id, credential.id));
    expect(after!.counter).toBe(7);

    const audits = await auditOf(accountId);
    expect(audits.map((a) => [a.identifier, a.outcome])).toEqual([
      [username, 'success'],
      [username, 'success'],
    ]);
    const [account] = await t.ctx.db.select().from(accounts).where(eq(accounts.id, accountId));
    expect(account!.lastSignInAt).not.toBeNull();
  });

  it('ends the session the browser had before (rotation)', async () => {
    const { agent, accountId } = await signedIn();
    const { credential } = await addPasskey(agent);
    const before = agent.cookies.get('sw_session');
    const { res } = await passkeySignIn(agent, credential);
    expect(res.statusCode).toBe(200);
    expect(agent.cookies.get('sw_session')).not.toBe(before);
    const stale = new Agent(t.app);
    stale.cookies.set('sw_session', before!);
    expect((await stale.get('/api/me')).statusCode).toBe(401);
    expect((await agent.get('/api/me')).json().id).toBe(accountId);
  });

  it('refuses a replayed challenge', async () => {
    const { agent, accountId } = await signedIn();
    const { credential } = await addPasskey(agent);
    const browser = new Agent(t.app);
    const { res, body } = await passkeySignIn(browser, credential);
    expect(res.statusCode).toBe(200);

    const replay = await new Agent(t.app).post('/api/auth/passkey', body);
    expect(replay.statusCode).toBe(400);
    expect(replay.json().code).toBe('passkey.challenge_expired');
    expect(replay.cookies.find((c) => c.name === 'sw_session')).toBeUndefined();
    expect((await auditOf(accountId)).map((a) => a.outcome)).toEqual(['success', 'challenge_expired']);
  });

  it('refuses a counter that did not move forward (a cloned authenticator)', async () => {
    const { agent } = await signedIn();
    const { credential } = await addPasskey(agent);
    expect((await passkeySignIn(new Agent(t.app), credential, { counter: 5 })).res.statusCode).toBe(200);
    const cloned = await passkeySignIn(new Agent(t.app), credential, { counter: 5 });
    expect(cloned.res.statusCode).toBe(401);
    expect(cloned.res.json().code).toBe('passkey.verification_failed');
    const lower = await passkeySignIn(new Agent(t.app), credential, { counter: 3 });
    expect(lower.res.json().code).toBe('passkey.verification_failed');
  });

  it('lets only one of two concurrent sign-ins with the same counter value through', async () => {
    const { agent } = await signedIn();
    const { credential } = await addPasskey(agent);
    const browsers = [new Agent(t.app), new Agent(t.app)];
    const bodies: Record<string, unknown>[] = [];
    for (const browser of browsers) {
      const { challengeId, options } = (await browser.post('/api/auth/passkey/options')).json();
      bodies.push({
        challengeId,
        credential: assert(credential, { challenge: options.challenge, rpId }, origin, { counter: 9 }),
      });
    }
    const results = await Promise.all(browsers.map((b, i) => b.post('/api/auth/passkey', bodies[i])));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 401]);
  });

  it('refuses an unknown credential', async () => {
    const stranger = newCredential();
    stranger.userHandle = Buffer.from(crypto.randomUUID()).toString('base64url');
    const { res } = await passkeySignIn(new Agent(t.app), stranger);
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('passkey.unknown_credential');
    const rows = await t.ctx.db
      .select()
      .from(signInAudit)
      .where(eq(signInAudit.identifier, `passkey:${stranger.id.slice(0, 48)}`));
    expect(rows).toMatchObject([{ outcome: 'unknown_credential', method: 'passkey', accountId: null }]);
  });

  it('refuses a forged signature, another origin and a user handle of another account', async () => {
    const { agent, accountId } = await signedIn();
    const { credential } = await addPasskey(agent);
    const forged = await passkeySignIn(new Agent(t.app), credential, {
      signWith: generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey,
    });
    expect(forged.res.json().code).toBe('passkey.verification_failed');
    const phishing = await passkeySignIn(new Agent(t.app), credential, { origin: 'https://evil.example' });
    expect(phishing.res.json().code).toBe('passkey.verification_failed');
    const wrongUser = await passkeySignIn(new Agent(t.app), credential, {
      userHandle: Buffer.from(crypto.randomUUID()).toString('base64url'),
    });
    expect(wrongUser.res.json().code).toBe('passkey.verification_failed');
    expect((await auditOf(accountId)).map((a) => a.outcome)).toEqual([
      'verification_failed',
      'verification_failed',
      'verification_failed',
    ]);
  });

  it('refuses an account that is not active, with the password sign-in code', async () => {
    const { agent, accountId } = await signedIn();
    const { credential } = await addPasskey(agent);
    await t.ctx.db.update(accounts).set({ status: 'disabled' }).where(eq(accounts.id, accountId));
    const { res } = await passkeySignIn(new Agent(t.app), credential);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('auth.account_disabled');
    expect((await auditOf(accountId)).map((a) => a.outcome)).toEqual(['not_active']);
  });

  it('expires a sign-in challenge after five minutes', async () => {
    const { agent } = await signedIn();
    const { credential } = await addPasskey(agent);
    const browser = new Agent(t.app);
    const { challengeId, options } = (await browser.post('/api/auth/passkey/options')).json();
    clock.advance(5 * 60_000 + 1000);
    const res = await browser.post('/api/auth/passkey', {
      challengeId,
      credential: assert(credential, { challenge: options.challenge, rpId }, origin),
    });
    expect(res.json().code).toBe('passkey.challenge_expired');
  });
});

describe('managing passkeys', () => {
  it("renames and deletes one's own passkey, never another account's", async () => {
    const owner = await signedIn();
    const { credential } = await addPasskey(owner.agent, '旧名称');
    const other = await signedIn();

    const id = encodeURIComponent(credential.id);
    const del = await other.agent.send('DELETE', `/api/account/passkeys/${id}`);
    expect(del.statusCode).toBe(404);
    const rename = await other.agent.send('PATCH', `/api/account/passkeys/${id}`, { name: '偷来的' });
    expect(rename.statusCode).toBe(404);
    const [kept] = await t.ctx.db
      .select()
      .from(passkeyCredentials)
      .where(eq(passkeyCredentials.id, credential.id));
    expect(kept).toMatchObject({ accountId: owner.accountId, name: '旧名称' });

    const renamed = await owner.agent.send('PATCH', `/api/account/passkeys/${id}`, { name: '新名称' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().name).toBe('新名称');
    expect((await owner.agent.send('DELETE', `/api/account/passkeys/${id}`)).statusCode).toBe(204);
    expect((await owner.agent.get('/api/account/passkeys')).json()).toEqual([]);
    const actions = (
      await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.targetId, owner.accountId))
    ).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['passkey.add', 'passkey.rename', 'passkey.remove']));

    // a removed passkey no longer signs in
    const { res } = await passkeySignIn(new Agent(t.app), credential);
    expect(res.json().code).toBe('passkey.unknown_credential');
  });

  it('caps the passkeys of one account', async () => {
    const { agent } = await signedIn();
    for (let i = 0; i < 10; i++) expect((await addPasskey(agent, `密钥${i}`)).res.statusCode).toBe(201);
    const more = await agent.post('/api/account/passkeys/options');
    expect(more.statusCode).toBe(409);
    expect(more.json().code).toBe('passkey.too_many');
  });
});
