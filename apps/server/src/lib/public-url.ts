import type { Config } from '../config.ts';

/** The web's address for links in e-mails: PUBLIC_URL, else `http://localhost:<PORT>` (no trailing slash). */
export function publicBaseUrl(config: Pick<Config, 'publicUrl' | 'port'>): string {
  return (config.publicUrl ?? `http://localhost:${config.port}`).replace(/\/+$/, '');
}
