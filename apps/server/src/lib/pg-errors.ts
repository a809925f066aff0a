/** The violated constraint's name when `err` (or its cause) is a PostgreSQL unique violation (23505). */
export function isUniqueViolation(err: unknown): string | null {
  let current: unknown = err;
  for (let depth = 0; current && depth < 4; depth++) {
    const e = current as { code?: string; constraint?: string; cause?: unknown };
    if (e.code === '23505') return e.constraint ?? 'unknown';
    current = e.cause;
  }
  return null;
}
