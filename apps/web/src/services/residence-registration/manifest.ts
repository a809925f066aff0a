import { defineServiceManifest } from '../kit/define-service-ui';

/**
 * 申报居住登记 (seed 003 三、1): 「在线办理」 opens its form; a registration returned for correction
 * (退回补正) is corrected on its own page, where the fields and the proof can change before it goes
 * back to the reviewers.
 */
export default defineServiceManifest({
  code: 'residence-registration',
  correction: { page: (applicationId) => `/apps/residence-registration/correction?id=${applicationId}` },
});
