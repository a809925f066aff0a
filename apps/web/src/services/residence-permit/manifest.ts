import { defineServiceManifest } from '../kit/define-service-ui';

/**
 * 申领居住证 (seed 003 三、1 and 常见疑问): 「在线办理」 opens its form, which offers the applicant's
 * approved 居住登记; the police review and issue it in the console's queue.
 */
export default defineServiceManifest({ code: 'residence-permit' });
