import type { PasskeyView } from '@sw/contracts';
import type { PasskeyRow } from './passkeys.repo.ts';

export function transportsOf(row: Pick<PasskeyRow, 'transports'>): string[] {
  return row.transports ? row.transports.split(',').filter(Boolean) : [];
}

/** The public shape of a passkey: never the public key or the counter. */
export function presentPasskey(row: PasskeyRow): PasskeyView {
  return {
    id: row.id,
    name: row.name,
    deviceType: row.deviceType,
    backedUp: row.backedUp,
    transports: transportsOf(row),
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt ? row.lastUsedAt.toISOString() : null,
  };
}
