import { defineServiceManifest } from '../kit/define-service-ui';

/**
 * 智慧审证 (seed 002): 「在线办理」 opens the module's home, 查询 with 「添加证书」; platform admins
 * keep the certificate types in the console.
 */
export default defineServiceManifest({
  code: 'cert-review',
  applyPath: '/apps/cert-review/records',
  consoleMenu: [
    {
      path: 'cert-types',
      label: { 'zh-CN': '证书类型（智慧审证）', 'zh-HK': '證書類型（智慧審證）', en: 'Certificate types' },
      platformAdmin: true,
    },
  ],
});
