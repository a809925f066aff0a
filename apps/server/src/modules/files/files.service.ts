import { createHash, randomUUID } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import { buffer as readAll } from 'node:stream/consumers';
import { MIME_EXTENSIONS } from '@sw/contracts';
import { fileTypeFromBuffer } from 'file-type';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { AppError, type AppFieldError } from '../../http/app-error.ts';
import { randomToken, sha256Hex } from '../../lib/crypto.ts';
import type { AccountRow } from '../identity/index.ts';
import { FileObjectMissingError } from './file-store.ts';
import { fileUsage, requireUploadTarget, type UploadRule, type UploadTarget } from './file-usage.ts';
import { type FileViewer, mayDeleteFile, mayReadFile, type ReadAccess } from './files.policy.ts';
import {
  claimFile,
  deleteFileRow,
  deleteUnclaimedFiles,
  type FileRow,
  findFileById,
  findUnclaimedFiles,
  insertFile,
} from './files.repo.ts';

/** Enough of the start of a file for file-type to recognise every format it knows (zip-based ones too). */
const SNIFF_BYTES = 64 * 1024;
/** Thumbnails fit in this square, as WebP. */
const THUMBNAIL_SIZE = 320;
/** Decompression bombs: a 10 MB PNG can claim 50 000 × 50 000 pixels. 100 MP is a large photo. */
const MAX_IMAGE_PIXELS = 100_000_000;
/** The image types sharp's prebuilt binaries decode; other images are stored without a thumbnail. */
const THUMBNAIL_TYPES: ReadonlySet<string> = new Set([
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'image/avif',
  'image/tiff',
]);
/** An unclaimed anonymous upload lives this long (then purgeUnclaimedFiles removes it). */
export const UNCLAIMED_FILE_TTL_MS = 24 * 3_600_000;

/** The slot an upload answers (the casework engine says what it accepts), or 404/400. */
export function findUploadRule(serviceCode: string, slot: string): UploadTarget {
  return requireUploadTarget(serviceCode, slot);
}

function tooLarge(): AppError {
  return new AppError('file.too_large', { status: 413 });
}

/** Characters a name does not keep: reserved on Windows, and bidi controls that disguise an extension. */
const RESERVED = new Set([...'"*:<>?|', '\u200e', '\u200f']);

function isKept(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  if (c < 0x20 || c === 0x7f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) return false;
  return !RESERVED.has(ch);
}

/**
 * The name to show and to offer on download: the last path segment the browser sent, without
 * control, bidirectional-override or reserved characters, with the extension of the type the
 * content really is (`invoice.exe` that is a PDF becomes `invoice.pdf`).
 */
export function cleanFileName(filename: string, mime: string, ext: string): string {
  let base = [...(filename.split(/[\\/]/).pop() ?? '').normalize('NFC')].filter(isKept).join('').trim();
  base = base.replace(/^\.+/, '');
  const dot = base.lastIndexOf('.');
  let stem = dot > 0 ? base.slice(0, dot) : base;
  const given = dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
  const extensions = MIME_EXTENSIONS[mime] ?? [ext];
  const suffix = extensions.includes(given) ? given : ext;
  if (stem === '') stem = 'file';
  const room = 255 - suffix.length - 1;
  // PostgreSQL counts characters (code points), so cut by code points: never half a surrogate pair
  return `${[...stem].slice(0, room).join('')}.${suffix}`;
}

/** Resolves on 'drain'; rejects when the stream is destroyed first (the store failed). */
function drained(stream: PassThrough): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      stream.off('drain', onDrain);
      stream.off('close', onClose);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(stream.errored ?? new Error('the file store stopped reading'));
    stream.once('drain', onDrain);
    stream.once('close', onClose);
  });
}

type Stored = { size: number; sha256: string; mime: string; ext: string };

/**
 * Streams an upload into the store under `key`: SHA-256 and size computed on the way, the type
 * recognised from the first bytes before anything is stored, the size checked with every
 * chunk. The source is always read to its end (the client then gets the answer instead of a
 * connection stalled mid-upload); after a failure the rest is discarded and the partial
 * object removed, so a failure leaves nothing.
 */
async function streamIntoStore(
  ctx: AppContext,
  key: string,
  source: Readable,
  rule: UploadRule,
  isTruncated: () => boolean,
): Promise<Stored> {
  const hash = createHash('sha256');
  const sink = new PassThrough({ highWaterMark: 256 * 1024 });
  // the store listens once it has started; until then an abandoned upload must not be "uncaught"
  sink.on('error', () => {});
  let stored: Promise<void> | null = null;
  let failure: unknown = null;
  let type: { mime: string; ext: string } | null = null;
  let size = 0;
  const head: Buffer[] = [];
  let headBytes = 0;

  const write = async (chunk: Buffer) => {
    hash.update(chunk);
    if (!sink.write(chunk)) await drained(sink);
  };
  const accept = async (start: Buffer) => {
    const detected = await fileTypeFromBuffer(start);
    if (!detected || !rule.types.includes(detected.mime)) {
      throw new AppError('file.type_not_allowed', { status: 415 });
    }
    type = { mime: detected.mime, ext: detected.ext };
    stored = ctx.files.put(key, sink, detected.mime);
    stored.catch(() => {}); // awaited below; this only keeps an early failure from being "unhandled"
    await write(start);
  };

  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      if (failure) continue; // discard the rest of a failed upload
      size += chunk.length;
      try {
        if (size > rule.maxBytes) throw tooLarge();
        if (type) await write(chunk);
        else {
          head.push(chunk);
          headBytes += chunk.length;
          if (headBytes >= SNIFF_BYTES) await accept(Buffer.concat(head));
        }
      } catch (error) {
        failure = error;
      }
    }
    if (!failure && isTruncated()) failure = tooLarge();
    if (!failure && !type) {
      if (size === 0) failure = new AppError('file.empty', { status: 400 });
      else await accept(Buffer.concat(head)).catch((error: unknown) => (failure = error));
    }
  } catch (error) {
    // the request itself failed: the client went away or the multipart body is malformed
    failure ??= new AppError('request.validation_failed', { status: 400, cause: error });
  }

  if (failure) {
    sink.destroy(new Error('upload abandoned'));
    // the sink never ended, so the store fails too and removes what it wrote (FileStore.put)
    if (stored) await (stored as Promise<void>).catch(() => {});
    throw failure;
  }
  sink.end();
  try {
    await stored;
  } catch (error) {
    await removeObjects(ctx, [key]);
    throw error;
  }
  const recognised = type as unknown as { mime: string; ext: string };
  return { size, sha256: hash.digest('hex'), mime: recognised.mime, ext: recognised.ext };
}

/** Deletes objects, logging (not throwing) what the store refuses: the caller is already failing. */
async function removeObjects(ctx: AppContext, keys: (string | null)[]) {
  for (const key of keys) {
    if (!key) continue;
    await ctx.files.delete(key).catch((error: unknown) => {
      ctx.log.error({ err: error, key }, 'could not remove a stored file object');
    });
  }
}

/** A WebP thumbnail and the image's size as it displays (EXIF orientation applied). */
async function thumbnailOf(image: Buffer): Promise<{ thumbnail: Buffer; width: number; height: number }> {
  const { default: sharp } = await import('sharp');
  const input = sharp(image, { failOn: 'error', limitInputPixels: MAX_IMAGE_PIXELS });
  const [meta, thumbnail] = await Promise.all([
    input.metadata(),
    input
      .clone()
      .rotate()
      .resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 75 })
      .toBuffer(),
  ]);
  const shown = meta.autoOrient ?? meta;
  return { thumbnail, width: shown.width ?? 0, height: shown.height ?? 0 };
}

export type UploadInput = {
  rule: UploadRule;
  /** the multipart part's bytes and the name the browser gave */
  stream: Readable;
  filename: string;
  /** whether the multipart parser cut the part at its own size limit */
  isTruncated: () => boolean;
  /** null: an anonymous upload (the service allows it), which gets an upload token */
  owner: AccountRow | null;
};

/**
 * Stores an uploaded file for an attachment slot: 413 `file.too_large` past the rule's size,
 * 415 `file.type_not_allowed` when the content is not of a type the rule accepts (whatever
 * its name says), 422 `file.image_invalid` for an image that does not decode. Images get a
 * thumbnail beside them. The row is written only once every object is stored; on any failure
 * no row and no object remain.
 */
export async function uploadFile(
  ctx: AppContext,
  input: UploadInput,
): Promise<{ file: FileRow; uploadToken?: string }> {
  const id = randomUUID();
  const key = id;
  const stored = await streamIntoStore(ctx, key, input.stream, input.rule, input.isTruncated);
  let thumbnailKey: string | null = null;
  let width: number | null = null;
  let height: number | null = null;
  try {
    if (THUMBNAIL_TYPES.has(stored.mime)) {
      const image = await readAll(await ctx.files.get(key));
      let made: Awaited<ReturnType<typeof thumbnailOf>>;
      try {
        made = await thumbnailOf(image);
      } catch (cause) {
        throw new AppError('file.image_invalid', { status: 422, cause });
      }
      thumbnailKey = `${id}.thumb.webp`;
      await ctx.files.put(thumbnailKey, Readable.from([made.thumbnail]), 'image/webp');
      width = made.width;
      height = made.height;
    }
    const uploadToken = input.owner ? undefined : randomToken();
    const file = await insertFile(ctx.db, {
      id,
      ownerAccountId: input.owner?.id ?? null,
      uploadTokenHash: uploadToken ? sha256Hex(uploadToken) : null,
      name: cleanFileName(input.filename, stored.mime, stored.ext),
      mime: stored.mime,
      size: stored.size,
      sha256: stored.sha256,
      storageKey: key,
      thumbnailKey,
      width,
      height,
      createdAt: ctx.clock.now(),
    });
    return uploadToken ? { file, uploadToken } : { file };
  } catch (error) {
    await removeObjects(ctx, [key, thumbnailKey]);
    throw error;
  }
}

/**
 * The file if `viewer` may see it, and on what grounds; 404 `file.not_found` otherwise
 * (existence is not revealed).
 */
export async function loadReadableFile(
  ctx: AppContext,
  viewer: FileViewer,
  id: string,
): Promise<{ file: FileRow; access: ReadAccess }> {
  const file = await findFileById(ctx.db, id);
  const access = file ? await mayReadFile(ctx, viewer, file) : null;
  if (!file || !access) throw new AppError('file.not_found', { status: 404 });
  return { file, access };
}

/** The stored bytes of a file or of its thumbnail. A row without its object is a fault (500, logged). */
export async function openFile(
  ctx: AppContext,
  file: FileRow,
  part: 'original' | 'thumbnail',
): Promise<Readable> {
  const key = part === 'original' ? file.storageKey : file.thumbnailKey;
  if (!key) throw new AppError('file.not_found', { status: 404 });
  try {
    return await ctx.files.get(key);
  } catch (error) {
    if (error instanceof FileObjectMissingError)
      throw new AppError('server.internal', { status: 500, cause: error });
    throw error;
  }
}

/**
 * Deletes a file no application holds (the uploader changed their mind): the owner, or the
 * anonymous uploader with the token. 409 `file.in_use` once it is attached.
 */
export async function deleteFile(ctx: AppContext, viewer: FileViewer, id: string): Promise<void> {
  const file = await findFileById(ctx.db, id);
  if (!file || !mayDeleteFile(viewer, file)) throw new AppError('file.not_found', { status: 404 });
  await ctx.db.transaction(async (tx) => {
    if ((await fileUsage().inUse(tx, [id])).has(id)) throw new AppError('file.in_use', { status: 409 });
    await deleteFileRow(tx, id);
  });
  await removeObjects(ctx, [file.storageKey, file.thumbnailKey]);
}

export type UploadClaim = {
  fileId: string;
  uploadToken: string;
  /** where a failure is reported in the caller's form (default `files.<index>`) */
  path?: string;
};

/**
 * Gives anonymous uploads their owner once the account exists (registration with review),
 * inside the caller's transaction: each file must still be unclaimed and its token must match.
 * Throws 400 `file.upload_token_invalid` with one field error per bad file, so the caller's
 * transaction rolls back and nothing is claimed. Returns the claimed rows in the given order.
 */
export async function claimUploads(
  tx: Db,
  /** ownerAccountId null: an application made without an account holds them (人工资料审核) */
  input: { files: readonly UploadClaim[]; ownerAccountId: string | null },
): Promise<FileRow[]> {
  const claimed: FileRow[] = [];
  const errors: AppFieldError[] = [];
  const seen = new Set<string>();
  for (const [index, claim] of input.files.entries()) {
    const path = claim.path ?? `files.${index}`;
    const row =
      seen.has(claim.fileId) || claim.uploadToken.length > 100
        ? undefined
        : await claimFile(tx, claim.fileId, sha256Hex(claim.uploadToken), input.ownerAccountId);
    seen.add(claim.fileId);
    if (row) claimed.push(row);
    else errors.push({ path, code: 'file.upload_token_invalid' });
  }
  if (errors.length > 0)
    throw new AppError('file.upload_token_invalid', { status: 400, fieldErrors: errors });
  return claimed;
}

/**
 * Removes anonymous uploads never claimed, created before `olderThan` (default: 24 hours
 * before now), rows and objects, in batches. Returns how many went. Run it from a timer.
 */
export async function purgeUnclaimedFiles(ctx: AppContext, olderThan?: Date): Promise<number> {
  const before = olderThan ?? new Date(ctx.clock.now().getTime() - UNCLAIMED_FILE_TTL_MS);
  let total = 0;
  for (;;) {
    const found = await findUnclaimedFiles(ctx.db, before, 100);
    if (found.length === 0) return total;
    // an unclaimed file is never attached (a submission claims what it attaches): checked anyway
    const used = await fileUsage().inUse(
      ctx.db,
      found.map((f) => f.id),
    );
    const batch = found.filter((f) => !used.has(f.id));
    const deleted = await deleteUnclaimedFiles(
      ctx.db,
      batch.map((f) => f.id),
    );
    for (const file of deleted) await removeObjects(ctx, [file.storageKey, file.thumbnailKey]);
    total += deleted.length;
    if (found.length < 100 || deleted.length === 0) return total;
  }
}
