export const formViewZhHK = {
  reveal: '查看完整資料',
  revealLabel: '查看完整資料：{{label}}',
  revealTitle: '查看完整資料：{{label}}',
  revealNotice: '個人資料預設以遮蔽形式顯示。查看完整資料將記錄您的帳戶、時間和事由，只在本頁顯示。',
  reason: '查看事由',
  reasonRequired: '請填寫查看事由（最少 2 個字）',
  revealConfirm: '確認查看',
} as const;
