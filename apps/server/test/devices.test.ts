import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, createTestApp, registerIndividual, type TestApp } from './helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const PHONE_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

async function twoDevices() {
  const laptop = new Agent(t.app);
  const { body } = await registerIndividual(laptop);
  expect((await laptop.signIn(body.username as string, 'Passw0rd!')).statusCode).toBe(200);
  const phone = new Agent(t.app);
  const captcha = await phone.captcha();
  const res = await phone.post(
    '/api/auth/sign-in',
    { username: body.username, password: 'Passw0rd!', ...captcha },
    { 'user-agent': PHONE_UA },
  );
  expect(res.statusCode).toBe(200);
  return { laptop, phone };
}

describe('我的登录设备 (seed 004 §3.8)', () => {
  it('lists the live sessions with device, time and which one is this', async () => {
    const { laptop } = await twoDevices();
    const res = await laptop.get('/api/account/sessions');
    expect(res.statusCode).toBe(200);
    const devices = res.json();
    expect(devices).toHaveLength(2);
    expect(devices.filter((d: { current: boolean }) => d.current)).toHaveLength(1);
    expect(devices.map((d: { device: string }) => d.device)).toContain('Safari 17 · iOS');
    expect(devices[0]).toMatchObject({ method: 'password', ip: '127.0.0.1' });
    expect(JSON.stringify(devices)).not.toContain(laptop.cookies.get('sw_session'));
  });

  it('signs out one other device, which loses access at once', async () => {
    const { laptop, phone } = await twoDevices();
    const other = (await laptop.get('/api/account/sessions'))
      .json()
      .find((d: { current: boolean }) => !d.current);
    expect((await laptop.send('DELETE', `/api/account/sessions/${other.id}`)).statusCode).toBe(204);
    expect((await phone.get('/api/me')).statusCode).toBe(401);
    expect((await laptop.get('/api/me')).statusCode).toBe(200);
    expect((await laptop.get('/api/account/sessions')).json()).toHaveLength(1);
  });

  it('signs out every other device, or all of them', async () => {
    const { laptop, phone } = await twoDevices();
    const others = await laptop.post('/api/account/sessions/sign-out', { keepCurrent: true });
    expect(others.json()).toEqual({ signedOut: 1 });
    expect((await phone.get('/api/me')).statusCode).toBe(401);
    expect((await laptop.get('/api/me')).statusCode).toBe(200);
    const all = await laptop.post('/api/account/sessions/sign-out', { keepCurrent: false });
    expect(all.json()).toEqual({ signedOut: 1 });
    expect((await laptop.get('/api/me')).statusCode).toBe(401);
  });

  it("cannot touch another account's sessions", async () => {
    const a = await twoDevices();
    const b = await twoDevices();
    const bDevice = (await b.laptop.get('/api/account/sessions')).json()[0];
    expect((await a.laptop.send('DELETE', `/api/account/sessions/${bDevice.id}`)).statusCode).toBe(404);
    expect((await b.laptop.get('/api/me')).statusCode).toBe(200);
  });
});
