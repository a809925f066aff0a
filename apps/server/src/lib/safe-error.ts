/**
 * What may be written about an error, in a log line or a stored `last_error`: never the SQL
 * parameters of a failed query (they hold e-mail addresses, mobile numbers, ID numbers), never
 * the values PostgreSQL quotes in its messages (`invalid input syntax for type uuid: "…"`,
 * `Key (x)=(…) already exists`), never a personal number that slipped into any other message.
 * This is the one serializer for `err` in every log (app.ts), so no call site has to remember.
 */

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
/** 11-digit mainland mobiles, 15/18-character ID numbers, long digit runs (bank cards) */
const LONG_NUMBER = /(?<![\p{L}\p{N}-])\d{6,}[\dXx]?(?![\p{L}\p{N}-])/gu;
const QUOTED = /"[^"\n]*"|'[^'\n]*'/g;
const SQL_DETAIL = /\(([^()]*)\)=\(([^()]*)\)/g;

/** Masks what looks like personal data in free text (e-mail addresses, long numbers). */
export function scrubText(text: string): string {
  return text.replace(EMAIL, '[email]').replace(LONG_NUMBER, '[number]');
}

type Serialized = {
  type: string;
  message: string;
  stack?: string;
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
  routine?: string;
  statusCode?: number;
  cause?: Serialized;
};

function isQueryError(err: Error): err is Error & { query: string; params: unknown } {
  return typeof (err as { query?: unknown }).query === 'string' && 'params' in err;
}

/** A database driver's error (pg or PGlite): it carries an SQLSTATE `code` and a `severity`. */
function isDatabaseError(err: Error): boolean {
  const e = err as { code?: unknown; severity?: unknown };
  return typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) && typeof e.severity === 'string';
}

function safeMessage(err: Error): string {
  if (isQueryError(err)) return `Failed query: ${scrubText(err.query)}`;
  const message = String(err.message ?? '');
  if (isDatabaseError(err)) {
    // values PostgreSQL quotes or lists in a message are row data
    return scrubText(message.replace(SQL_DETAIL, '($1)=([redacted])').replace(QUOTED, '"[redacted]"'));
  }
  return scrubText(message);
}

function pick(err: object, key: string): string | undefined {
  const v = (err as Record<string, unknown>)[key];
  return typeof v === 'string' ? v : undefined;
}

/**
 * The log form of an error: its type, a message without parameters or personal numbers, the
 * stack with that message in place of the original first line, the database error's SQLSTATE,
 * constraint, table and column (names, never values), and its cause, the same way.
 */
export function serializeError(err: unknown, depth = 0): Serialized {
  if (!(err instanceof Error)) {
    return { type: typeof err, message: scrubText(String(err)).slice(0, 500) };
  }
  const message = safeMessage(err);
  const out: Serialized = { type: err.constructor?.name ?? err.name, message };
  if (err.stack) {
    const lines = err.stack.split('\n');
    const firstFrame = lines.findIndex((l) => /^\s+at /.test(l));
    out.stack = [`${err.name}: ${message}`, ...(firstFrame >= 0 ? lines.slice(firstFrame) : [])].join('\n');
  }
  for (const key of ['code', 'constraint', 'table', 'column', 'routine'] as const) {
    const v = pick(err, key);
    if (v) out[key] = v;
  }
  const status = (err as { statusCode?: unknown }).statusCode;
  if (typeof status === 'number') out.statusCode = status;
  if (err.cause !== undefined && depth < 3) out.cause = serializeError(err.cause, depth + 1);
  return out;
}

/** The text to store about a failed attempt (outbox, jobs): the safe message, short. */
export function safeErrorText(err: unknown): string {
  const s = serializeError(err);
  const cause = s.cause ? ` (${s.cause.code ?? s.cause.type}: ${s.cause.message})` : '';
  return `${s.message}${cause}`.slice(0, 500);
}
