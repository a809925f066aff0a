import { defineServiceManifest } from '../kit/define-service-ui';

/**
 * 补办车卡 / 补办驾驶人标识 (seed 000 §4.7): asked for from 港车北上's 我要办事 (its pages live in the
 * northbound service's folder, under its own layout); officers complete it from the console's queue.
 */
export default defineServiceManifest({
  code: 'northbound-tags',
  applyPath: '/apps/northbound/services',
});
