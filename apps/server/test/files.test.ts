import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { CSRF_COOKIE, CSRF_HEADER } from '@sw/contracts';
import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationFiles, auditEvents, files } from '../src/db/schema/index.ts';
import { AppError } from '../src/http/app-error.ts';
import { fixedClock } from '../src/lib/clock.ts';
import { createDraft, decide, submitApplication } from '../src/modules/casework/applications.service.ts';
import { S3FileStore } from '../src/modules/files/file-store.ts';
import { claimUploads, cleanFileName, purgeUnclaimedFiles } from '../src/modules/files/files.service.ts';
import { type AccountRow, insertAccount } from '../src/modules/identity/identity.repo.ts';
import { insertOrganization } from '../src/modules/identity/organizations/organization.repo.ts';
import { hashPassword } from '../src/modules/identity/passwords.ts';
import { grantStaffRole } from '../src/modules/identity/staff-roles.ts';
import { type FakeS3, startFakeS3 } from './fixtures/fake-s3.ts';
import { DOCUMENT_MAX, LARGE_MAX, PHOTO_MAX } from './fixtures/files-service.ts';
import { Agent, createTestApp, type TestApp } from './helpers.ts';

const START = new Date('2026-03-02T02:00:00Z');
const clock = fixedClock(START);
const PASSWORD = 'Files@2026';
let t: TestApp;
let dataDir: string;
let passwordHash: string;

type Person = { row: AccountRow; agent: Agent };
let applicant: Person;
let otherApplicant: Person;
let orgAdmin: Person;
let operator: Person;
let otherOrgAdmin: Person;
let reviewer: Person;
let otherReviewer: Person;
let platformAdmin: Person;

let seq = 0;
async function person(
  app: TestApp,
  kind: AccountRow['kind'],
  organizationId: string | null = null,
): Promise<Person> {
  seq++;
  const username = `filesuser${seq}`;
  const row = await insertAccount(app.ctx.db, {
    username,
    kind,
    name: '测试用户',
    passwordHash,
    organizationId,
  });
  const agent = new Agent(app.app, 'en');
  const res = await agent.signIn(username, PASSWORD);
  if (res.statusCode !== 200) throw new Error(`sign-in: ${res.statusCode} ${res.body}`);
  return { row, agent };
}

async function grant(
  accountId: string,
  role: 'reviewer' | 'supervisor' | 'platform_admin',
  serviceCode: string,
) {
  await grantStaffRole(t.ctx.db, { accountId, role, serviceCode, grantedBy: null, at: clock.now() });
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'sw-files-'));
  t = await createTestApp({ clock, env: { DATA_DIR: dataDir } });
  passwordHash = await hashPassword(PASSWORD);
  const org = await insertOrganization(t.ctx.db, { kind: 'enterprise', name: '测试贸易有限公司' });
  const otherOrg = await insertOrganization(t.ctx.db, { kind: 'enterprise', name: '另一家公司' });
  applicant = await person(t, 'individual');
  otherApplicant = await person(t, 'individual');
  orgAdmin = await person(t, 'enterprise_admin', org.id);
  operator = await person(t, 'enterprise_operator', org.id);
  otherOrgAdmin = await person(t, 'enterprise_admin', otherOrg.id);
  reviewer = await person(t, 'staff');
  otherReviewer = await person(t, 'staff');
  platformAdmin = await person(t, 'staff');
  await grant(reviewer.row.id, 'reviewer', 'test-files');
  await grant(otherReviewer.row.id, 'reviewer', 'test-sample');
  await grant(platformAdmin.row.id, 'platform_admin', '*');
});
afterAll(async () => {
  await t.close();
  await rm(dataDir, { recursive: true, force: true });
});

// ---------------------------------------------------------------- content

/** A real JPEG; random pixels by default (so it does not compress to nothing), else one colour. */
async function jpeg(width = 400, height = 300, noise = true): Promise<Buffer> {
  const image = noise
    ? sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } })
    : sharp({ create: { width, height, channels: 3, background: '#3366cc' } });
  return image.jpeg({ quality: 80 }).toBuffer();
}

async function png(width = 200, height = 150): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: '#2255aa' } })
    .png()
    .toBuffer();
}

/** A small valid PDF padded with a comment to `size` bytes. */
function pdf(size = 2_000): Buffer {
  const head =
    '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n';
  const tail = 'trailer << /Root 1 0 R >>\n%%EOF\n';
  const pad = Math.max(0, size - head.length - tail.length - 2);
  return Buffer.from(`${head}%${'x'.repeat(pad)}\n${tail}`);
}

/** A Windows executable: "MZ", the PE offset at 0x3c, and "PE\0\0" there. */
function exe(): Buffer {
  const bytes = Buffer.alloc(4096);
  bytes.write('MZ', 0, 'latin1');
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write('PE\0\0', 0x80, 'latin1');
  bytes.writeUInt16LE(0x14c, 0x84); // i386
  return bytes;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

// ---------------------------------------------------------------- requests

function multipart(filename: string, content: Buffer, field = 'file') {
  const boundary = `----swtest${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\n` +
      'Content-Type: application/octet-stream\r\n\r\n',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    body: Buffer.concat([head, content, tail]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

function cookieHeader(agent: Agent) {
  return [...agent.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
}

async function csrfHeaders(agent: Agent) {
  if (!agent.cookies.has(CSRF_COOKIE)) await agent.get('/api/csrf');
  return {
    cookie: cookieHeader(agent),
    [CSRF_HEADER]: agent.cookies.get(CSRF_COOKIE)!,
    'accept-language': 'en',
  };
}

async function upload(
  agent: Agent,
  slot: string,
  filename: string,
  content: Buffer,
  opts: { service?: string; field?: string; stream?: boolean; app?: TestApp } = {},
) {
  const app = opts.app ?? t;
  const { body, contentType } = multipart(filename, content, opts.field);
  return app.app.inject({
    method: 'POST',
    url: `/api/files?service=${opts.service ?? 'test-files'}&slot=${slot}`,
    // a stream has no content-length: the size is found out while reading
    payload: opts.stream ? Readable.from([body.subarray(0, 1000), body.subarray(1000)]) : body,
    headers: { ...(await csrfHeaders(agent)), 'content-type': contentType },
  });
}

async function uploaded(agent: Agent, slot: string, filename: string, content: Buffer) {
  const res = await upload(agent, slot, filename, content);
  if (res.statusCode !== 201) throw new Error(`upload: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; name: string; mime: string; size: number; sha256: string };
}

/** Every file under DATA_DIR/files, temporary ones included. */
async function storedObjects(): Promise<string[]> {
  try {
    const entries = await readdir(path.join(dataDir, 'files'), { recursive: true, withFileTypes: true });
    return entries.filter((e) => e.isFile()).map((e) => e.name);
  } catch {
    return [];
  }
}

const fileRows = () => t.ctx.db.$count(files);

async function draftOf(by: AccountRow, form: Record<string, unknown> = { subject: '附件测试' }) {
  return createDraft(t.ctx, { serviceCode: 'test-files', applicant: by, form });
}

const attach = (agent: Agent, applicationId: string, slot: string, fileId: string) =>
  agent.post(`/api/applications/${applicationId}/attachments`, { slot, fileId });
const detach = (agent: Agent, applicationId: string, fileId: string) =>
  agent.send('DELETE', `/api/applications/${applicationId}/attachments/${fileId}`);

// ---------------------------------------------------------------- tests

describe('uploading', () => {
  it('stores a JPEG streamed, with its SHA-256, size, dimensions and a thumbnail', async () => {
    const bytes = await jpeg(800, 600, false);
    const res = await upload(applicant.agent, 'photo', 'passport photo.jpg', bytes);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toEqual({
      id: expect.any(String),
      name: 'passport photo.jpg',
      mime: 'image/jpeg',
      size: bytes.length,
      sha256: sha256(bytes),
      width: 800,
      height: 600,
      hasThumbnail: true,
    });
    expect(body.uploadToken).toBeUndefined();
    const [row] = await t.ctx.db.select().from(files).where(eq(files.id, body.id));
    expect(row).toMatchObject({
      ownerAccountId: applicant.row.id,
      uploadTokenHash: null,
      size: bytes.length,
    });
    const shard = path.join(dataDir, 'files', body.id.slice(0, 2));
    expect(await readFile(path.join(shard, body.id))).toEqual(bytes);
    const thumb = await sharp(await readFile(path.join(shard, `${body.id}.thumb.webp`))).metadata();
    expect([thumb.format, thumb.width, thumb.height]).toEqual(['webp', 320, 240]);

    const download = await applicant.agent.get(`/api/files/${body.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload).toEqual(bytes);
    expect(download.headers['content-type']).toBe('image/jpeg');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="passport photo.jpg"/);
    expect(download.headers['content-security-policy']).toContain('sandbox');
    expect(download.headers['cache-control']).toBe('private, no-cache');

    const thumbnail = await applicant.agent.get(`/api/files/${body.id}/thumbnail`);
    expect(thumbnail.statusCode).toBe(200);
    expect(thumbnail.headers['content-type']).toBe('image/webp');
    expect((await sharp(thumbnail.rawPayload).metadata()).width).toBe(320);
  });

  it('recognises the type from the content: a PNG named .jpg is a PNG, and is named so', async () => {
    const bytes = await png();
    const body = await uploaded(applicant.agent, 'photo', 'scan.jpg', bytes);
    expect(body).toMatchObject({
      mime: 'image/png',
      name: 'scan.png',
      size: bytes.length,
      sha256: sha256(bytes),
    });
    const res = await applicant.agent.get(`/api/files/${body.id}`);
    expect(res.headers['content-type']).toBe('image/png');
  });

  it('keeps a Chinese file name and offers it to the browser in UTF-8', async () => {
    const body = await uploaded(applicant.agent, 'document', '营业执照 副本.pdf', pdf());
    expect(body.name).toBe('营业执照 副本.pdf');
    const res = await applicant.agent.get(`/api/files/${body.id}`);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="____ __.pdf"; filename*=UTF-8''${encodeURIComponent('营业执照 副本.pdf')}`,
    );
  });

  it('rejects an executable renamed .jpg with 415, leaving no row and no object', async () => {
    const rows = await fileRows();
    const objects = await storedObjects();
    const res = await upload(applicant.agent, 'photo', 'holiday.jpg', exe());
    expect(res.statusCode).toBe(415);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('file.type_not_allowed');
    expect(await fileRows()).toBe(rows);
    expect(await storedObjects()).toEqual(objects);
  });

  it('rejects content nothing recognises (plain text) with 415', async () => {
    const res = await upload(
      applicant.agent,
      'document',
      'notes.pdf',
      Buffer.from('just some text\n'.repeat(100)),
    );
    expect([res.statusCode, res.json().code]).toEqual([415, 'file.type_not_allowed']);
  });

  it('rejects an oversize file with 413 — announced or found while streaming — leaving nothing', async () => {
    const rows = await fileRows();
    const objects = await storedObjects();
    const photo = await jpeg();
    // announced by Content-Length: answered before the body is read
    const big = Buffer.concat([photo, Buffer.alloc(PHOTO_MAX * 2)]);
    const announced = await upload(applicant.agent, 'photo', 'big.jpg', big);
    expect([announced.statusCode, announced.json().code]).toEqual([413, 'file.too_large']);
    // one byte too many, within the multipart allowance: found while streaming
    const justOver = Buffer.concat([photo, Buffer.alloc(PHOTO_MAX + 1 - photo.length)]);
    const streamed = await upload(applicant.agent, 'photo', 'over.jpg', justOver);
    expect([streamed.statusCode, streamed.json().code]).toEqual([413, 'file.too_large']);
    // no Content-Length at all (chunked)
    const chunked = await upload(applicant.agent, 'photo', 'chunked.jpg', big, { stream: true });
    expect([chunked.statusCode, chunked.json().code]).toEqual([413, 'file.too_large']);
    expect(await fileRows()).toBe(rows);
    expect(await storedObjects()).toEqual(objects);
    // exactly the limit is fine
    const exact = Buffer.concat([photo, Buffer.alloc(PHOTO_MAX - photo.length)]);
    const ok = await upload(applicant.agent, 'photo', 'exact.jpg', exact);
    expect(ok.statusCode).toBe(201);
    expect(ok.json().size).toBe(PHOTO_MAX);
  });

  it('answers a real connection with 413 instead of leaving the upload hanging', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const headers = await csrfHeaders(applicant.agent);
    const photo = await jpeg();
    const send = async (chunks: Buffer[], declared: boolean) => {
      const { body, contentType } = multipart('big.jpg', Buffer.concat(chunks));
      const parts = declared ? body : Readable.toWeb(Readable.from(chununked(body)));
      const res = await fetch(`${address}/api/files?service=test-files&slot=photo`, {
        method: 'POST',
        headers: { ...headers, 'content-type': contentType },
        body: parts as RequestInit['body'],
        ...(declared ? {} : { duplex: 'half' }),
        signal: AbortSignal.timeout(15_000),
      } as RequestInit);
      return { status: res.status, body: (await res.json()) as { code: string } };
    };
    const rows = await fileRows();
    for (const declared of [true, false]) {
      const res = await send([photo, Buffer.alloc(2 * 1024 * 1024)], declared);
      expect(res).toEqual({ status: 413, body: expect.objectContaining({ code: 'file.too_large' }) });
    }
    expect(await fileRows()).toBe(rows);
  });

  it('refuses an empty file, a body without the file field, and a body that is not multipart', async () => {
    const empty = await upload(applicant.agent, 'photo', 'empty.jpg', Buffer.alloc(0));
    expect([empty.statusCode, empty.json().code]).toEqual([400, 'file.empty']);
    const wrongField = await upload(applicant.agent, 'photo', 'a.jpg', await jpeg(), { field: 'picture' });
    expect([wrongField.statusCode, wrongField.json().code]).toEqual([400, 'file.missing']);
    const json = await applicant.agent.post('/api/files?service=test-files&slot=photo', { file: 'x' });
    expect([json.statusCode, json.json().code]).toEqual([415, 'request.unsupported_media_type']);
  });

  it('refuses an unknown service or slot, and a signed-out upload where the service needs an account', async () => {
    const unknownService = await upload(applicant.agent, 'photo', 'a.jpg', await jpeg(), { service: 'nope' });
    expect([unknownService.statusCode, unknownService.json().code]).toEqual([
      404,
      'casework.service_unknown',
    ]);
    const unknownSlot = await upload(applicant.agent, 'selfie', 'a.jpg', await jpeg());
    expect([unknownSlot.statusCode, unknownSlot.json().code]).toEqual([
      400,
      'casework.attachment_slot_unknown',
    ]);
    const anonymous = await upload(new Agent(t.app), 'photo', 'a.jpg', await jpeg());
    expect([anonymous.statusCode, anonymous.json().code]).toEqual([401, 'auth.unauthenticated']);
    for (const who of [reviewer, orgAdmin]) {
      const res = await upload(who.agent, 'photo', 'a.jpg', await jpeg());
      expect([res.statusCode, res.json().code]).toEqual([403, 'casework.applicant_kind_forbidden']);
    }
  });

  it('needs the CSRF header like every other POST', async () => {
    const { body, contentType } = multipart('a.jpg', await jpeg());
    const headers = await csrfHeaders(applicant.agent);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/files?service=test-files&slot=photo',
      payload: body,
      headers: { cookie: headers.cookie, 'content-type': contentType },
    });
    expect([res.statusCode, res.json().code]).toEqual([403, 'request.csrf_failed']);
  });

  it('rejects an image that starts like a JPEG but does not decode with 422, leaving nothing', async () => {
    const rows = await fileRows();
    const objects = await storedObjects();
    const broken = Buffer.concat([(await jpeg()).subarray(0, 300), randomBytes(5000)]);
    const res = await upload(applicant.agent, 'photo', 'broken.jpg', broken);
    expect([res.statusCode, res.json().code]).toEqual([422, 'file.image_invalid']);
    expect(await fileRows()).toBe(rows);
    expect(await storedObjects()).toEqual(objects);
  });

  it('streams a file larger than the type sniffer and the store buffers (7 MB PDF)', async () => {
    const bytes = pdf(7 * 1024 * 1024);
    const body = await uploaded(applicant.agent, 'large', 'big.pdf', bytes);
    expect(body).toMatchObject({ size: bytes.length, sha256: sha256(bytes), mime: 'application/pdf' });
    const res = await applicant.agent.get(`/api/files/${body.id}`);
    expect(res.headers['content-length']).toBe(String(bytes.length));
    expect(sha256(res.rawPayload)).toBe(sha256(bytes));
  });
});

describe('file names', () => {
  it('drops paths, control and bidi characters, and fixes the extension', () => {
    expect(cleanFileName('C:\\fakepath\\photo.JPG', 'image/jpeg', 'jpg')).toBe('photo.jpg');
    expect(cleanFileName('../../etc/passwd', 'application/pdf', 'pdf')).toBe('passwd.pdf');
    expect(cleanFileName('invoice\u202Egpj.exe', 'application/pdf', 'pdf')).toBe('invoicegpj.pdf');
    expect(cleanFileName('', 'image/png', 'png')).toBe('file.png');
    expect(cleanFileName('.hidden', 'image/png', 'png')).toBe('hidden.png');
    expect(cleanFileName(`${'长'.repeat(300)}.pdf`, 'application/pdf', 'pdf')).toHaveLength(255);
    expect([...cleanFileName(`${'😀'.repeat(300)}.pdf`, 'application/pdf', 'pdf')]).toHaveLength(255);
  });
});

describe('who may download', () => {
  let fileId: string;
  let applicationId: string;

  beforeAll(async () => {
    fileId = (await uploaded(operator.agent, 'photo', 'operator.jpg', await jpeg())).id;
  });

  const statusFor = async (who: Person | Agent, url = `/api/files/${fileId}`) => {
    const agent = who instanceof Agent ? who : who.agent;
    const res = await agent.get(url);
    return res.statusCode === 200 ? 200 : `${res.statusCode} ${res.json().code}`;
  };

  it('lets the owner and their organization administrator see it, and nobody else', async () => {
    expect(await statusFor(operator)).toBe(200);
    expect(await statusFor(orgAdmin)).toBe(200);
    expect(await statusFor(orgAdmin, `/api/files/${fileId}/thumbnail`)).toBe(200);
    for (const who of [
      otherApplicant,
      otherOrgAdmin,
      reviewer,
      otherReviewer,
      platformAdmin,
      new Agent(t.app),
    ]) {
      expect(await statusFor(who)).toBe('404 file.not_found');
      expect(await statusFor(who, `/api/files/${fileId}/thumbnail`)).toBe('404 file.not_found');
    }
    expect(await statusFor(applicant, `/api/files/${crypto.randomUUID()}`)).toBe('404 file.not_found');
  });

  it("lets the service's reviewer see it once an application submitted to that service holds it", async () => {
    const draft = await draftOf(operator.row);
    applicationId = draft.id;
    expect((await attach(operator.agent, applicationId, 'photo', fileId)).statusCode).toBe(200);
    // a draft is the applicant's alone
    expect(await statusFor(reviewer)).toBe('404 file.not_found');
    await submitApplication(t.ctx, { applicationId, expectedVersion: 1, applicantId: operator.row.id });
    expect(await statusFor(reviewer)).toBe(200);
    const views = await t.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'file.view'), eq(auditEvents.targetId, fileId)));
    expect(views.map((v) => [v.actorId, v.targetType])).toEqual([[reviewer.row.id, 'file']]);
    expect(await statusFor(otherReviewer)).toBe('404 file.not_found');
    expect(await statusFor(platformAdmin)).toBe('404 file.not_found');
    expect(await statusFor(otherApplicant)).toBe('404 file.not_found');

    const list = await reviewer.agent.get(`/api/applications/${applicationId}/attachments`);
    expect(list.statusCode).toBe(200);
    expect(list.json().editable).toBe(false);
    expect(
      list
        .json()
        .slots.find((s: { slot: string }) => s.slot === 'photo')
        .files.map((f: { id: string }) => f.id),
    ).toEqual([fileId]);
    for (const who of [otherReviewer, otherApplicant]) {
      const res = await who.agent.get(`/api/applications/${applicationId}/attachments`);
      expect([res.statusCode, res.json().code]).toEqual([404, 'casework.application_not_found']);
    }
  });

  it('shows images and PDFs inline only when asked, framed by our own pages only', async () => {
    const image = await operator.agent.get(`/api/files/${fileId}?inline=1`);
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-disposition']).toMatch(/^inline; /);
    expect(image.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(image.headers['x-frame-options']).toBe('SAMEORIGIN');
    const document = await uploaded(operator.agent, 'document', 'proof.pdf', pdf());
    const shown = await operator.agent.get(`/api/files/${document.id}?inline=1`);
    expect(shown.headers['content-type']).toBe('application/pdf');
    expect(shown.headers['content-disposition']).toMatch(/^inline; /);
    expect(shown.headers['content-security-policy']).toContain("object-src 'self'");
    const saved = await operator.agent.get(`/api/files/${document.id}`);
    expect(saved.headers['content-disposition']).toMatch(/^attachment; /);
    expect(saved.headers['x-frame-options']).toBe('DENY');
  });

  it('answers 304 to a browser that has the same bytes', async () => {
    const first = await operator.agent.get(`/api/files/${fileId}`);
    const again = await operator.agent.get(`/api/files/${fileId}`, {
      'if-none-match': String(first.headers.etag),
    });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
    // the ETag says nothing to someone who may not see the file
    const stranger = await otherApplicant.agent.get(`/api/files/${fileId}`, {
      'if-none-match': String(first.headers.etag),
    });
    expect(stranger.statusCode).toBe(404);
  });
});

describe('anonymous uploads', () => {
  it('are accepted only where the service allows, with a one-time token to fetch and claim the file', async () => {
    const anonymous = new Agent(t.app);
    const bytes = await jpeg();
    const res = await upload(anonymous, 'licence', 'licence.jpg', bytes, { service: 'test-files-anon' });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.uploadToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [row] = await t.ctx.db.select().from(files).where(eq(files.id, body.id));
    expect(row!.ownerAccountId).toBeNull();
    expect(row!.uploadTokenHash).toBe(sha256(Buffer.from(body.uploadToken)));

    const withToken = await anonymous.get(`/api/files/${body.id}`, { 'x-upload-token': body.uploadToken });
    expect(withToken.statusCode).toBe(200);
    expect(withToken.rawPayload).toEqual(bytes);
    expect((await anonymous.get(`/api/files/${body.id}`)).statusCode).toBe(404);
    expect((await anonymous.get(`/api/files/${body.id}`, { 'x-upload-token': 'wrong' })).statusCode).toBe(
      404,
    );
    expect((await applicant.agent.get(`/api/files/${body.id}`)).statusCode).toBe(404);

    // a wrong token fails the whole claim, field by field, and claims nothing
    const second = (
      await upload(anonymous, 'licence', 'b.pdf', pdf(), { service: 'test-files-anon' })
    ).json();
    const error = await t.ctx.db
      .transaction((tx) =>
        claimUploads(tx, {
          ownerAccountId: applicant.row.id,
          files: [
            { fileId: body.id, uploadToken: body.uploadToken },
            { fileId: second.id, uploadToken: 'not-the-token', path: 'attachments.licence.1' },
          ],
        }),
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('file.upload_token_invalid');
    expect((error as AppError).fieldErrors).toEqual([
      { path: 'attachments.licence.1', code: 'file.upload_token_invalid' },
    ]);
    const [still] = await t.ctx.db.select().from(files).where(eq(files.id, body.id));
    expect(still!.ownerAccountId).toBeNull();

    const claimed = await t.ctx.db.transaction((tx) =>
      claimUploads(tx, {
        ownerAccountId: applicant.row.id,
        files: [
          { fileId: body.id, uploadToken: body.uploadToken },
          { fileId: second.id, uploadToken: second.uploadToken },
        ],
      }),
    );
    expect(claimed.map((f) => [f.id, f.ownerAccountId, f.uploadTokenHash])).toEqual([
      [body.id, applicant.row.id, null],
      [second.id, applicant.row.id, null],
    ]);
    // the token is spent: it neither fetches nor claims again; the owner now sees the file
    expect(
      (await anonymous.get(`/api/files/${body.id}`, { 'x-upload-token': body.uploadToken })).statusCode,
    ).toBe(404);
    expect((await applicant.agent.get(`/api/files/${body.id}`)).statusCode).toBe(200);
    const again = await t.ctx.db
      .transaction((tx) =>
        claimUploads(tx, {
          ownerAccountId: otherApplicant.row.id,
          files: [{ fileId: body.id, uploadToken: body.uploadToken }],
        }),
      )
      .catch((e: unknown) => e);
    expect((again as AppError).code).toBe('file.upload_token_invalid');
  });

  it('signed in, an upload to such a service is simply the account’s', async () => {
    const res = await upload(applicant.agent, 'licence', 'l.png', await png(), {
      service: 'test-files-anon',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().uploadToken).toBeUndefined();
    const [row] = await t.ctx.db.select().from(files).where(eq(files.id, res.json().id));
    expect(row!.ownerAccountId).toBe(applicant.row.id);
  });

  it('may be deleted by the uploader with the token', async () => {
    const anonymous = new Agent(t.app);
    const body = (await upload(anonymous, 'licence', 'x.pdf', pdf(), { service: 'test-files-anon' })).json();
    const denied = await anonymous.send('DELETE', `/api/files/${body.id}`);
    expect(denied.statusCode).toBe(404);
    const res = await anonymous.send('DELETE', `/api/files/${body.id}`, undefined, {
      'x-upload-token': body.uploadToken,
    });
    expect(res.statusCode).toBe(204);
    expect(await t.ctx.db.$count(files, eq(files.id, body.id))).toBe(0);
    expect((await storedObjects()).some((name) => name.startsWith(body.id))).toBe(false);
  });

  it('are purged with their objects after 24 hours unless claimed', async () => {
    const anonymous = new Agent(t.app);
    const old = (
      await upload(anonymous, 'licence', 'old.jpg', await jpeg(), { service: 'test-files-anon' })
    ).json();
    const kept = (
      await upload(anonymous, 'licence', 'kept.jpg', await jpeg(), { service: 'test-files-anon' })
    ).json();
    await t.ctx.db.transaction((tx) =>
      claimUploads(tx, {
        ownerAccountId: applicant.row.id,
        files: [{ fileId: kept.id, uploadToken: kept.uploadToken }],
      }),
    );
    expect(await purgeUnclaimedFiles(t.ctx)).toBe(0); // not a day old yet
    clock.advance(25 * 3_600_000);
    try {
      expect(await purgeUnclaimedFiles(t.ctx)).toBeGreaterThanOrEqual(1);
    } finally {
      clock.set(START);
    }
    expect(await t.ctx.db.$count(files, eq(files.id, old.id))).toBe(0);
    expect(await t.ctx.db.$count(files, eq(files.id, kept.id))).toBe(1);
    const names = await storedObjects();
    expect(names.some((name) => name.startsWith(old.id))).toBe(false);
    expect(names).toContain(kept.id);
    expect(names).toContain(`${kept.id}.thumb.webp`);
  });
});

describe('attachments of an application', () => {
  it('the applicant attaches their own files to their draft within the rules; submission needs the required slot', async () => {
    const draft = await draftOf(applicant.row);
    const photo1 = await uploaded(applicant.agent, 'photo', 'p1.jpg', await jpeg());
    const photo2 = await uploaded(applicant.agent, 'photo', 'p2.jpg', await jpeg());
    const photo3 = await uploaded(applicant.agent, 'photo', 'p3.png', await png());
    const document = await uploaded(applicant.agent, 'document', 'd.pdf', pdf());
    const bigPdf = await uploaded(applicant.agent, 'extra', 'big.pdf', pdf(DOCUMENT_MAX + 10));
    const strangers = await uploaded(otherApplicant.agent, 'photo', 'theirs.jpg', await jpeg());

    const missing = await submitApplication(t.ctx, {
      applicationId: draft.id,
      expectedVersion: 1,
      applicantId: applicant.row.id,
    }).catch((e: unknown) => e as AppError);
    expect((missing as AppError).fieldErrors).toEqual([
      { path: 'attachments.photo', code: 'casework.attachment_required' },
    ]);

    const first = await attach(applicant.agent, draft.id, 'photo', photo1.id);
    expect(first.statusCode).toBe(200);
    expect(first.json().editable).toBe(true);
    const photoSlot = first.json().slots.find((s: { slot: string }) => s.slot === 'photo');
    expect(photoSlot).toMatchObject({
      name: { 'zh-CN': '照片', 'zh-HK': '相片', en: 'Photo' },
      required: true,
      types: ['image/jpeg', 'image/png'],
      maxBytes: PHOTO_MAX,
      maxCount: 2,
    });
    expect(photoSlot.files).toEqual([
      expect.objectContaining({ id: photo1.id, name: 'p1.jpg', addedAt: expect.any(String) }),
    ]);
    // the same file in the same slot again changes nothing
    expect((await attach(applicant.agent, draft.id, 'photo', photo1.id)).statusCode).toBe(200);
    expect((await attach(applicant.agent, draft.id, 'photo', photo2.id)).statusCode).toBe(200);

    const cases: [string, string, number, string][] = [
      ['photo', photo3.id, 409, 'casework.attachment_too_many'],
      ['selfie', photo3.id, 400, 'casework.attachment_slot_unknown'],
      ['document', photo3.id, 400, 'file.type_not_allowed'],
      ['photo', document.id, 400, 'file.type_not_allowed'],
      ['document', bigPdf.id, 400, 'file.too_large'],
      ['photo', strangers.id, 404, 'file.not_found'],
      ['extra', photo1.id, 409, 'casework.attachment_already_attached'],
    ];
    for (const [slot, fileId, status, code] of cases) {
      const res = await attach(applicant.agent, draft.id, slot, fileId);
      expect([slot, res.statusCode, res.json().code]).toEqual([slot, status, code]);
    }
    const notTheirs = await attach(otherApplicant.agent, draft.id, 'photo', strangers.id);
    expect([notTheirs.statusCode, notTheirs.json().code]).toEqual([404, 'casework.application_not_found']);
    const badBody = await applicant.agent.post(`/api/applications/${draft.id}/attachments`, {
      slot: 'photo',
    });
    expect([badBody.statusCode, badBody.json().code]).toEqual([400, 'request.validation_failed']);

    expect((await attach(applicant.agent, draft.id, 'document', document.id)).statusCode).toBe(200);
    const list = await applicant.agent.get(`/api/applications/${draft.id}/attachments`);
    expect(
      list
        .json()
        .slots.map((s: { slot: string; files: { id: string }[] }) => [s.slot, s.files.map((f) => f.id)]),
    ).toEqual([
      ['photo', [photo1.id, photo2.id]],
      ['document', [document.id]],
      ['extra', []],
      ['large', []],
    ]);
    expect(await t.ctx.db.$count(applicationFiles, eq(applicationFiles.applicationId, draft.id))).toBe(3);

    // detach and attach again, then submit
    expect((await detach(applicant.agent, draft.id, photo2.id)).statusCode).toBe(204);
    const notAttached = await detach(applicant.agent, draft.id, photo2.id);
    expect([notAttached.statusCode, notAttached.json().code]).toEqual([404, 'casework.attachment_not_found']);
    expect((await attach(applicant.agent, draft.id, 'photo', photo3.id)).statusCode).toBe(200);
    const submitted = await submitApplication(t.ctx, {
      applicationId: draft.id,
      expectedVersion: 1,
      applicantId: applicant.row.id,
    });
    expect(submitted.application.status).toBe('pending');

    // submitted: the files are what is decided on
    const late = await attach(applicant.agent, draft.id, 'extra', photo2.id);
    expect([late.statusCode, late.json().code]).toEqual([409, 'casework.attachment_not_editable']);
    const lateDetach = await detach(applicant.agent, draft.id, photo1.id);
    expect([lateDetach.statusCode, lateDetach.json().code]).toEqual([
      409,
      'casework.attachment_not_editable',
    ]);
    const inUse = await applicant.agent.send('DELETE', `/api/files/${photo1.id}`);
    expect([inUse.statusCode, inUse.json().code]).toEqual([409, 'file.in_use']);

    // returned for correction: the applicant may change them again
    await decide(t.ctx, {
      applicationId: draft.id,
      expectedVersion: submitted.application.version,
      action: 'return',
      reason: '照片不清晰',
      actor: { id: reviewer.row.id, roles: new Set(['reviewer']) },
    });
    expect((await detach(applicant.agent, draft.id, photo1.id)).statusCode).toBe(204);
    expect((await attach(applicant.agent, draft.id, 'photo', photo2.id)).statusCode).toBe(200);
    expect((await applicant.agent.get(`/api/applications/${draft.id}/attachments`)).json().editable).toBe(
      true,
    );
  });

  it('never overfills a slot, even with concurrent requests', async () => {
    const draft = await draftOf(applicant.row);
    const photos = await Promise.all(
      [1, 2, 3, 4].map(async (n) => uploaded(applicant.agent, 'photo', `${n}.jpg`, await jpeg())),
    );
    const results = await Promise.all(photos.map((p) => attach(applicant.agent, draft.id, 'photo', p.id)));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 200, 409, 409]);
    expect(await t.ctx.db.$count(applicationFiles, eq(applicationFiles.applicationId, draft.id))).toBe(2);
  });

  it('a required slot may depend on the form', async () => {
    const draft = await draftOf(applicant.row, { subject: '需要其他材料', withExtra: true });
    const res = await applicant.agent.get(`/api/applications/${draft.id}/attachments`);
    expect(res.json().slots.find((s: { slot: string }) => s.slot === 'extra').required).toBe(true);
  });

  it('an owner deletes an upload no application holds; nobody else can', async () => {
    const body = await uploaded(applicant.agent, 'photo', 'gone.jpg', await jpeg());
    const stranger = await otherApplicant.agent.send('DELETE', `/api/files/${body.id}`);
    expect([stranger.statusCode, stranger.json().code]).toEqual([404, 'file.not_found']);
    expect((await applicant.agent.send('DELETE', `/api/files/${body.id}`)).statusCode).toBe(204);
    expect(await t.ctx.db.$count(files, eq(files.id, body.id))).toBe(0);
    expect((await storedObjects()).some((name) => name.startsWith(body.id))).toBe(false);
    expect((await applicant.agent.get(`/api/files/${body.id}`)).statusCode).toBe(404);
  });
});

describe('S3-compatible storage', () => {
  let s3: FakeS3;
  let app: TestApp;
  let owner: Person;

  beforeAll(async () => {
    s3 = await startFakeS3();
    app = await createTestApp({
      env: {
        DATA_DIR: path.join(dataDir, 'unused'),
        S3_BUCKET: s3.bucket,
        S3_ENDPOINT: s3.endpoint,
        S3_FORCE_PATH_STYLE: 'true',
        S3_ACCESS_KEY_ID: 'test',
        S3_SECRET_ACCESS_KEY: 'test-secret',
        RATE_LIMIT_ANONYMOUS_UPLOAD: '3',
      },
    });
    expect(app.ctx.files).toBeInstanceOf(S3FileStore);
    owner = await person(app, 'individual');
  });
  afterAll(async () => {
    await app.close();
    await s3.close();
  });

  it('stores the file and its thumbnail as objects, and serves them back', async () => {
    const bytes = await jpeg(640, 480, false);
    const res = await upload(owner.agent, 'photo', 'a.jpg', bytes, { app });
    expect(res.statusCode).toBe(201);
    const { id } = res.json();
    expect(s3.objects.get(`files/${id}`)).toEqual(bytes);
    expect((await sharp(s3.objects.get(`files/${id}.thumb.webp`)!).metadata()).width).toBe(320);
    const download = await owner.agent.get(`/api/files/${id}`);
    expect(download.rawPayload).toEqual(bytes);
  });

  it('uses a multipart upload past 5 MiB', async () => {
    const bytes = pdf(6 * 1024 * 1024 + 123);
    const res = await upload(owner.agent, 'large', 'big.pdf', bytes, { app });
    expect(res.statusCode).toBe(201);
    expect(s3.objects.get(`files/${res.json().id}`)?.equals(bytes)).toBe(true);
    expect(s3.requests.some((r) => r.operation === 'CompleteMultipartUpload')).toBe(true);
  });

  it('leaves no object and no open multipart upload behind a refused file', async () => {
    const before = new Set(s3.objects.keys());
    const rows = await app.ctx.db.$count(files);
    const wrongType = await upload(owner.agent, 'photo', 'x.jpg', exe(), { app });
    expect(wrongType.statusCode).toBe(415);
    // past one part (the multipart upload has begun), then too large: the upload is aborted
    const { body, contentType } = multipart('over.pdf', pdf(LARGE_MAX + 1));
    const firstPart = 6 * 1024 * 1024;
    async function* slowly() {
      yield body.subarray(0, firstPart);
      for (let i = 0; i < 200 && s3.openUploads.size === 0; i++) await new Promise((r) => setTimeout(r, 25));
      yield body.subarray(firstPart);
    }
    const over = await app.app.inject({
      method: 'POST',
      url: '/api/files?service=test-files&slot=large',
      payload: Readable.from(slowly()),
      headers: { ...(await csrfHeaders(owner.agent)), 'content-type': contentType },
    });
    expect([over.statusCode, over.json().code]).toEqual([413, 'file.too_large']);
    expect(s3.requests.filter((r) => r.operation === 'CreateMultipartUpload').length).toBeGreaterThan(0);
    expect(s3.requests.filter((r) => r.operation === 'AbortMultipartUpload').length).toBeGreaterThan(0);
    expect(new Set(s3.objects.keys())).toEqual(before);
    expect(s3.openUploads.size).toBe(0);
    expect(await app.ctx.db.$count(files)).toBe(rows);
  });

  it('limits anonymous uploads per client (RATE_LIMIT_ANONYMOUS_UPLOAD)', async () => {
    const anonymous = new Agent(app.app);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await upload(anonymous, 'licence', 'l.pdf', pdf(), { service: 'test-files-anon', app });
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([201, 201, 201, 429]);
    // a signed-in account is counted on its own
    expect(
      (await upload(owner.agent, 'licence', 'l.pdf', pdf(), { service: 'test-files-anon', app })).statusCode,
    ).toBe(201);
  });
});

/** Splits a body into 64 KiB pieces, as a browser streams it. */
function* chununked(body: Buffer) {
  for (let i = 0; i < body.length; i += 65_536) yield body.subarray(i, i + 65_536);
}
