/** The read-only form of any service (components/casework/form-view.tsx) and 「查看完整信息」. */
export const formViewMessages = {
  'zh-CN': {
    reveal: '查看完整信息',
    revealLabel: '查看完整信息：{{label}}',
    revealTitle: '查看完整信息：{{label}}',
    revealNotice: '个人信息默认以掩码显示。查看完整信息将记录您的账号、时间和事由，仅在本页面显示。',
    reason: '查看事由',
    reasonRequired: '请填写查看事由（至少 2 个字）',
    revealConfirm: '确认查看',
  },
  'zh-HK': {
    reveal: '查看完整資料',
    revealLabel: '查看完整資料：{{label}}',
    revealTitle: '查看完整資料：{{label}}',
    revealNotice: '個人資料預設以遮蔽形式顯示。查看完整資料將記錄您的帳戶、時間和事由，只在本頁顯示。',
    reason: '查看事由',
    reasonRequired: '請填寫查看事由（最少 2 個字）',
    revealConfirm: '確認查看',
  },
  en: {
    reveal: 'Show in full',
    revealLabel: 'Show in full: {{label}}',
    revealTitle: 'Show in full: {{label}}',
    revealNotice:
      'Personal data is shown masked. Showing it in full records your account, the time and your reason; it shows on this page only.',
    reason: 'Reason',
    reasonRequired: 'Give a reason (at least 2 characters)',
    revealConfirm: 'Show',
  },
} as const;
