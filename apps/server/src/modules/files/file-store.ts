import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { S3Client } from '@aws-sdk/client-s3';
import type { Config, S3Config } from '../../config.ts';

/**
 * Where the bytes of uploaded files live (issue 4 §4). A `put` either stores the whole stream
 * under `key` or leaves nothing behind: a stream that fails half-way (too large, wrong type,
 * the client went away) must not leave a partial object.
 */
export type FileStore = {
  /** local disk or S3, for logs and readiness */
  readonly kind: 'local' | 's3';
  put(key: string, stream: Readable, contentType?: string): Promise<void>;
  /** the bytes; rejects with FileObjectMissingError when nothing is stored under `key` */
  get(key: string): Promise<Readable>;
  /** removes the object; a key that holds nothing is not an error */
  delete(key: string): Promise<void>;
  /** releases connections (the app is closing) */
  close(): void;
};

/** Nothing is stored under the key (a row without its object is a fault, reported as one). */
export class FileObjectMissingError extends Error {
  constructor(key: string) {
    super(`no stored object ${key}`);
    this.name = 'FileObjectMissingError';
  }
}

const KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{1,150}$/;

/** Keys are made by the platform (a UUID and a suffix); anything else is a bug, never a path. */
function checkKey(key: string): string {
  if (!KEY.test(key) || key.includes('..')) throw new Error(`invalid file store key ${JSON.stringify(key)}`);
  return key;
}

function isNotFound(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';
}

/**
 * Files under `<root>/<first two characters of the key>/<key>`, so no directory holds more than
 * a few thousand entries. A put writes `.<key>.<random>.part` beside the target and renames it
 * when the stream ended well (rename is atomic within a file system): a reader never sees a
 * half-written file and a failure leaves nothing.
 */
export class LocalFileStore implements FileStore {
  readonly kind = 'local';
  readonly root: string;

  constructor(root: string) {
    this.root = root;
  }

  private pathOf(key: string): string {
    checkKey(key);
    return path.join(this.root, key.slice(0, 2), key);
  }

  async put(key: string, stream: Readable): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true });
    const temp = path.join(path.dirname(target), `.${key}.${randomBytes(6).toString('hex')}.part`);
    const handle = await open(temp, 'wx', 0o600);
    try {
      await pipeline(stream, handle.createWriteStream());
      await rename(temp, target);
    } catch (error) {
      await unlink(temp).catch(() => {});
      throw error;
    } finally {
      await handle.close().catch(() => {});
    }
  }

  async get(key: string): Promise<Readable> {
    try {
      const handle = await open(this.pathOf(key), 'r');
      return handle.createReadStream();
    } catch (error) {
      if (isNotFound(error)) throw new FileObjectMissingError(key);
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    try {
      await unlink(this.pathOf(key));
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }

  close(): void {}
}

/**
 * Objects in an S3-compatible bucket under `files/<key>`. Uploads stream through
 * @aws-sdk/lib-storage: one PutObject for what fits in one 5 MiB part, otherwise a multipart
 * upload that is aborted when the stream fails, so nothing partial is ever visible.
 *
 * Checksums are computed and validated only where the API requires them: the SDK's newer
 * default (CRC32 trailers in aws-chunked bodies) is refused by several S3-compatible stores
 * (older MinIO, Ceph, some cloud vendors'); the SHA-256 of every file is kept in its row anyway.
 *
 * The AWS SDK (several MB of code) is loaded with the first file operation, not at start.
 */
export class S3FileStore implements FileStore {
  readonly kind = 's3';
  readonly bucket: string;
  private readonly config: S3Config;
  private client?: S3Client;
  private sdkLoading?: Promise<{
    client: S3Client;
    s3: typeof import('@aws-sdk/client-s3');
    storage: typeof import('@aws-sdk/lib-storage');
  }>;

  constructor(config: S3Config) {
    this.bucket = config.bucket;
    this.config = config;
  }

  private sdk() {
    this.sdkLoading ??= Promise.all([import('@aws-sdk/client-s3'), import('@aws-sdk/lib-storage')]).then(
      ([s3, storage]) => {
        this.client = this.newClient(s3);
        return { client: this.client, s3, storage };
      },
    );
    return this.sdkLoading;
  }

  private newClient(s3: typeof import('@aws-sdk/client-s3')): S3Client {
    const config = this.config;
    return new s3.S3Client({
      region: config.region,
      ...(config.endpoint ? { endpoint: config.endpoint } : {}),
      forcePathStyle: config.forcePathStyle,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      ...(config.accessKeyId && config.secretAccessKey
        ? { credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey } }
        : {}),
    });
  }

  private objectKey(key: string): string {
    return `files/${checkKey(key)}`;
  }

  async put(key: string, stream: Readable, contentType?: string): Promise<void> {
    const { client, storage } = await this.sdk();
    const upload = new storage.Upload({
      client,
      params: {
        Bucket: this.bucket,
        Key: this.objectKey(key),
        Body: stream,
        ContentType: contentType ?? 'application/octet-stream',
      },
      queueSize: 2,
      leavePartsOnError: false,
    });
    try {
      // a failing source fails the upload; lib-storage then aborts a multipart upload it began
      // (AbortMultipartUpload) before `done` rejects, so waiting for it is enough
      await upload.done();
    } catch (error) {
      // a single PutObject may already have landed when the failure came from our side
      await this.delete(key).catch(() => {});
      throw error;
    }
  }

  async get(key: string): Promise<Readable> {
    const { client, s3 } = await this.sdk();
    try {
      const out = await client.send(
        new s3.GetObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }),
      );
      return out.Body as Readable;
    } catch (error) {
      const name = (error as { name?: string }).name;
      if (name === 'NoSuchKey' || name === 'NotFound') throw new FileObjectMissingError(key);
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    const { client, s3 } = await this.sdk();
    await client.send(new s3.DeleteObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
  }

  close(): void {
    this.client?.destroy();
  }
}

/** S3 when a bucket is configured, else files under `DATA_DIR/files` (created on first upload). */
export function createFileStore(config: Config): FileStore {
  return config.s3 ? new S3FileStore(config.s3) : new LocalFileStore(path.join(config.dataDir, 'files'));
}
