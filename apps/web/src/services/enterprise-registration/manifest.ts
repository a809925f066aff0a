import { defineServiceManifest } from '../kit/define-service-ui';

/**
 * 企业注册审核 (seed 001): applied for from the portal's 企业注册 (no account yet: no sign-in), which
 * leads to this service's form while 「注册需审核」 is on; a returned registration is corrected
 * through the e-mailed link.
 */
export default defineServiceManifest({
  code: 'enterprise-registration',
  applyPath: '/register/enterprise',
  guests: true,
  correction: { byEmailLink: true },
});
