/** The read-only form of any service (components/casework/form-view.tsx) and 「查看完整信息」. */
// one module per language (this one: zh-CN; .zh-hk.ts and .en.ts beside it), so a language's
// bundle carries only its own messages
export const formViewZhCN = {
  reveal: '查看完整信息',
  revealLabel: '查看完整信息：{{label}}',
  revealTitle: '查看完整信息：{{label}}',
  revealNotice: '个人信息默认以掩码显示。查看完整信息将记录您的账号、时间和事由，仅在本页面显示。',
  reason: '查看事由',
  reasonRequired: '请填写查看事由（至少 2 个字）',
  revealConfirm: '确认查看',
} as const;
