import multipart from '@fastify/multipart';
import {
  DownloadFileQuery,
  FileId,
  isInlinePreviewable,
  ProblemSchema,
  UPLOAD_TOKEN_HEADER,
  UploadedFile,
  UploadFileQuery,
} from '@sw/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/index.ts';
import { getAuth, requireAuth } from '../identity/index.ts';
import { fileUsage } from './file-usage.ts';
import type { FileViewer } from './files.policy.ts';
import { presentFile } from './files.presenter.ts';
import type { FileRow } from './files.repo.ts';
import { deleteFile, findUploadRule, loadReadableFile, openFile, uploadFile } from './files.service.ts';

const problems = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
  413: ProblemSchema,
  415: ProblemSchema,
  422: ProblemSchema,
  429: ProblemSchema,
};

/** Room for the multipart framing around the file: boundaries, part headers, a few small fields. */
const MULTIPART_OVERHEAD = 16 * 1024;
/** Uploads per minute for a signed-in account (anonymous ones: RATE_LIMIT_ANONYMOUS_UPLOAD per IP). */
const SIGNED_IN_UPLOADS_PER_MINUTE = 120;

const FileParams = z.strictObject({ id: FileId });
const _AttachmentParams = z.strictObject({ id: z.uuid(), fileId: FileId });
const _ApplicationParams = z.strictObject({ id: z.uuid() });

/** The largest size any attachment rule allows: the parser's own ceiling, whatever the route. */
function largestRule(): number {
  return Math.max(1024 * 1024, fileUsage().largestUpload());
}

function viewerOf(ctx: AppContext, request: FastifyRequest): Promise<FileViewer> {
  const token = request.headers[UPLOAD_TOKEN_HEADER];
  return getAuth(ctx, request).then((auth) => ({
    account: auth?.account ?? null,
    uploadToken: typeof token === 'string' ? token : undefined,
  }));
}

/** `filename` for old clients (ASCII, quotes and backslashes removed) and `filename*` in UTF-8 (RFC 6266). */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * What a file response may do in the browser. Downloads: nothing (sandboxed, never framed).
 * Inline previews: shown by the browser's own image or PDF viewer, framed only by our console
 * (`frame-ancestors 'self'`); the PDF viewer is a plugin document, hence `object-src 'self'`.
 */
function fileSecurityHeaders(reply: FastifyReply, inline: boolean, mime: string) {
  if (!inline) {
    reply.header('content-security-policy', "default-src 'none'; frame-ancestors 'none'; sandbox");
    return;
  }
  const pdf = mime === 'application/pdf';
  reply.header(
    'content-security-policy',
    [
      "default-src 'none'",
      "img-src 'self' data: blob:",
      "style-src 'unsafe-inline'",
      ...(pdf ? ["object-src 'self'"] : []),
      "frame-ancestors 'self'",
      "base-uri 'none'",
      "form-action 'none'",
    ].join('; '),
  );
  reply.header('x-frame-options', 'SAMEORIGIN');
}

async function sendFile(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  file: FileRow,
  part: 'original' | 'thumbnail',
  inline: boolean,
) {
  const mime = part === 'original' ? file.mime : 'image/webp';
  const etag = part === 'original' ? `"${file.sha256}"` : `"${file.sha256}-thumb"`;
  fileSecurityHeaders(reply, inline, mime);
  // personal documents: never in a shared cache, and every reuse asks us (access may have ended)
  reply.header('cache-control', 'private, no-cache');
  reply.header('etag', etag);
  reply.header('x-content-type-options', 'nosniff');
  if (request.headers['if-none-match'] === etag) return reply.code(304).send();
  const stream = await openFile(ctx, file, part);
  const name = part === 'original' ? file.name : `${file.name.replace(/\.[^.]*$/, '')}-thumbnail.webp`;
  reply.header('content-disposition', contentDisposition(inline ? 'inline' : 'attachment', name));
  reply.type(mime);
  if (part === 'original') reply.header('content-length', String(file.size));
  return reply.send(stream);
}

/**
 * Uploaded files (issue 4 §4): streamed uploads checked against a service's attachment rule,
 * downloads for whoever may see them, and the attachments of applications.
 */
export async function fileRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  // multipart only for these routes; each upload sets the size of its own rule below
  await fastify.register(multipart, {
    limits: {
      fileSize: largestRule() + 1,
      files: 1,
      fields: 10,
      fieldSize: 1024,
      parts: 12,
      headerPairs: 50,
    },
  });
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/files',
    {
      config: {
        rateLimit: {
          timeWindow: '1 minute',
          keyGenerator: async (request: FastifyRequest) => {
            const auth = await getAuth(ctx, request);
            return auth ? `upload:${auth.account.id}` : `upload:anonymous:${request.ip}`;
          },
          max: async (request: FastifyRequest) =>
            (await getAuth(ctx, request))
              ? SIGNED_IN_UPLOADS_PER_MINUTE
              : ctx.config.rateLimits.anonymousUpload,
        },
      },
      schema: {
        tags: ['files'],
        summary: 'Upload one file (multipart field `file`) for an attachment slot of a service',
        description:
          "The slot's rule decides: the type is recognised from the content (415 `file.type_not_allowed`), " +
          'the size is checked while streaming (413 `file.too_large`). Without an account only for services ' +
          'that allow it; the answer then carries a one-time `uploadToken`.',
        consumes: ['multipart/form-data'],
        querystring: UploadFileQuery,
        response: { 201: UploadedFile, ...problems },
      },
    },
    async (request, reply) => {
      const { rule, anonymous, applicantKinds } = findUploadRule(request.query.service, request.query.slot);
      const auth = anonymous ? await getAuth(ctx, request) : await requireAuth(ctx, request, reply);
      // only those who may apply store files for it (not staff, not administrators doing no business)
      if (auth && !anonymous && !applicantKinds.includes(auth.account.kind))
        throw new AppError('casework.applicant_kind_forbidden', { status: 403 });
      if (!request.isMultipart()) throw new AppError('request.unsupported_media_type', { status: 415 });
      const declared = Number(request.headers['content-length']);
      if (declared > rule.maxBytes + MULTIPART_OVERHEAD) {
        // answered before reading: Node discards the body, and the connection is not reused
        reply.header('connection', 'close');
        throw new AppError('file.too_large', { status: 413 });
      }
      let part: Awaited<ReturnType<FastifyRequest['file']>>;
      try {
        part = await request.file({ limits: { fileSize: rule.maxBytes + 1 } });
      } catch (cause) {
        throw new AppError('request.validation_failed', { status: 400, cause });
      }
      if (part?.fieldname !== 'file') {
        part?.file.resume();
        throw new AppError('file.missing', { status: 400 });
      }
      const file = part.file;
      const { file: row, uploadToken } = await uploadFile(ctx, {
        rule,
        stream: file,
        filename: part.filename,
        isTruncated: () => file.truncated,
        owner: auth?.account ?? null,
      });
      return reply.code(201).send({ ...presentFile(row), ...(uploadToken ? { uploadToken } : {}) });
    },
  );

  app.get(
    '/api/files/:id',
    {
      schema: {
        tags: ['files'],
        summary: 'Download a file (`inline=1`: images and PDF open in the browser)',
        description:
          "For its owner, the administrator of the owner's organization, and staff of a service it was " +
          'submitted to; an anonymous uploader shows the `x-upload-token` header. Anyone else: 404.',
        params: FileParams,
        querystring: DownloadFileQuery,
        response: { 404: ProblemSchema, 400: ProblemSchema },
      },
    },
    async (request, reply) => {
      const viewer = await viewerOf(ctx, request);
      const { file, access } = await loadReadableFile(ctx, viewer, request.params.id);
      const inline = request.query.inline === '1' && isInlinePreviewable(file.mime);
      if (access === 'service_staff' && viewer.account) {
        // staff opening a citizen's document is on the record
        await recordAudit(ctx.db, {
          actorId: viewer.account.id,
          action: 'file.view',
          targetType: 'file',
          targetId: file.id,
          detail: { inline },
          ip: request.ip,
          at: ctx.clock.now(),
        });
      }
      return sendFile(ctx, request, reply, file, 'original', inline);
    },
  );

  app.get(
    '/api/files/:id/thumbnail',
    {
      schema: {
        tags: ['files'],
        summary: 'The thumbnail of an image (WebP, at most 320 px), for whoever may see the file',
        params: FileParams,
        response: { 404: ProblemSchema, 400: ProblemSchema },
      },
    },
    async (request, reply) => {
      const { file } = await loadReadableFile(ctx, await viewerOf(ctx, request), request.params.id);
      if (!file.thumbnailKey) throw new AppError('file.not_found', { status: 404 });
      return sendFile(ctx, request, reply, file, 'thumbnail', true);
    },
  );

  app.delete(
    '/api/files/:id',
    {
      schema: {
        tags: ['files'],
        summary: 'Delete one of your uploads that no application holds (409 `file.in_use` otherwise)',
        params: FileParams,
        response: { 204: z.null(), ...problems },
      },
    },
    async (request, reply) => {
      await deleteFile(ctx, await viewerOf(ctx, request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
