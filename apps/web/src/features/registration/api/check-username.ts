import { apiClient } from '../../../lib/api-client';

const cache = new Map<string, boolean>();

/**
 * GET /api/accounts/username-available. Answers are remembered for the page's lifetime so that
 * blurring the field or submitting the form does not ask again for the same name.
 */
export async function isUsernameAvailable(username: string): Promise<boolean> {
  const key = username.toLowerCase();
  const known = cache.get(key);
  if (known !== undefined) return known;
  const { available } = await apiClient.get<{ available: boolean }>('/api/accounts/username-available', {
    query: { username },
  });
  cache.set(key, available);
  return available;
}

/** Forget a name once the server refused it as taken, or after registering it. */
export function forgetUsername(username: string, available: boolean): void {
  cache.set(username.toLowerCase(), available);
}
