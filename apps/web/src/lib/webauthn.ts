import { WebAuthnError } from '@simplewebauthn/browser';
import { describeError, isApiError } from './api-client';
import { i18n } from './i18n';

/**
 * A message for anything a passkey ceremony may throw: the server's problem, or the browser's
 * WebAuthn error (the person closed the dialog, the authenticator already holds a passkey here,
 * the page is not on the platform's own address).
 */
export function describePasskeyError(error: unknown): string {
  if (isApiError(error)) return describeError(error);
  const name = error instanceof Error ? error.name : '';
  const code = error instanceof WebAuthnError ? error.code : '';
  if (code === 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED' || name === 'InvalidStateError') {
    return i18n.t('passkeys.errors.alreadyOnDevice');
  }
  if (code === 'ERROR_INVALID_DOMAIN' || code === 'ERROR_INVALID_RP_ID' || name === 'SecurityError') {
    return i18n.t('passkeys.errors.wrongSite');
  }
  if (name === 'NotAllowedError' || name === 'AbortError' || code === 'ERROR_CEREMONY_ABORTED') {
    return i18n.t('passkeys.errors.cancelled');
  }
  if (
    name === 'NotSupportedError' ||
    code === 'ERROR_AUTHENTICATOR_MISSING_DISCOVERABLE_CREDENTIAL_SUPPORT'
  ) {
    return i18n.t('passkeys.errors.unsupported');
  }
  return i18n.t('passkeys.errors.device');
}
