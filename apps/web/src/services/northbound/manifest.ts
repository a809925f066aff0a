import { defineServiceManifest } from '../kit/define-service-ui';

/**
 * 港车北上 (seed 000): a system of its own at `/apps/northbound`, in Traditional Chinese by default;
 * Guangdong's officers import HK TD's data and set the crossing slots in the console.
 */
export default defineServiceManifest({
  code: 'northbound',
  applyPath: '/apps/northbound',
  ownLayout: true,
  consoleMenu: [
    {
      path: 'import',
      label: {
        'zh-CN': '运输署数据导入（港车北上）',
        'zh-HK': '運輸署數據導入（港車北上）',
        en: 'HK TD data import',
      },
      platformAdmin: false,
    },
    {
      path: 'slots',
      label: {
        'zh-CN': '通关预约时段（港车北上）',
        'zh-HK': '通關預約時段（港車北上）',
        en: 'Crossing time slots',
      },
      platformAdmin: false,
    },
  ],
});
