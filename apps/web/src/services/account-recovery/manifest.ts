import { defineServiceManifest } from '../kit/define-service-ui';

/**
 * 人工资料审核 (seed 004 §2.3–§2.4): reached from 忘记用户名 and from 「提交人工审核」 of 忘记密码,
 * without an account; staff compare the claim with the accounts in the console.
 */
export default defineServiceManifest({
  code: 'account-recovery',
  applyPath: '/apps/account-recovery/apply',
  guests: true,
});
