/*
 * One phone at a time (seed 003 温馨提示 3): when the server says this session was ended by a
 * sign-in on another device (`auth.session_replaced`), the page remembers it for this tab and
 * tells whoever listens, so the hub can say why the person was signed out.
 */
const KEY = 'sw.sessionReplaced';
const EVENT = 'sw:session-replaced';

export function noteSessionReplaced(): void {
  try {
    window.sessionStorage.setItem(KEY, '1');
  } catch {
    // storage refused: the event still tells this page
  }
  window.dispatchEvent(new Event(EVENT));
}

export function wasSessionReplaced(): boolean {
  try {
    return window.sessionStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

export function clearSessionReplaced(): void {
  try {
    window.sessionStorage.removeItem(KEY);
  } catch {
    // nothing to clear
  }
}

export function onSessionReplaced(listener: () => void): () => void {
  window.addEventListener(EVENT, listener);
  return () => window.removeEventListener(EVENT, listener);
}
