import { AppError } from '../http/app-error.ts';

/** Where a row stands in a list ordered by (timestamp, id): the keyset of the next page. */
export type Keyset = { at: string; id: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** a PostgreSQL timestamptz as text: `2026-03-01 12:00:00.123456+08` */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2}){0,2}|Z)?$/;

/** An opaque page cursor: where the last row of a page stood. */
export function encodeCursor(position: Keyset): string {
  return Buffer.from(JSON.stringify([position.at, position.id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined): Keyset | undefined {
  if (!cursor) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      typeof value[1] === 'string' &&
      TIMESTAMP.test(value[0]) &&
      // the pattern lets 2026-13-45 through; the calendar must agree too
      !Number.isNaN(Date.parse(value[0].replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00'))) &&
      UUID.test(value[1])
    ) {
      return { at: value[0], id: value[1] };
    }
  } catch {
    // falls through to the error below
  }
  throw new AppError('request.cursor_invalid', {
    status: 400,
    fieldErrors: [{ path: 'cursor', code: 'request.cursor_invalid' }],
  });
}

/** Splits the `limit + 1` rows a query returned into the page and the cursor of the next one. */
export function toPage<R extends { at: string }, T>(
  rows: R[],
  limit: number,
  idOf: (row: R) => string,
  present: (row: R) => T,
): { items: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(present),
    nextCursor: rows.length > limit && last ? encodeCursor({ at: last.at, id: idOf(last) }) : null,
  };
}
