import { registerMessageTemplates } from '../../messaging/index.ts';

/**
 * What 人工资料审核 tells the person who asked: by SMS to the mobile proven at submission
 * (「点击完成，提示短信告知结果」) — they have no account to receive a 站内信 or an e-mail. Parameters:
 * number, dueDate; `usernames` on an approved username claim; `reason` on a rejection.
 */
const both = (s: Record<'zh-CN' | 'zh-HK' | 'en', string>) => ({ title: s, body: s, sms: s });

registerMessageTemplates({
  'account-recovery.submitted': both({
    'zh-CN':
      '【单一窗口】您的人工资料审核申请已受理，受理编号 {number}，我们将在 {dueDate} 前完成审核并以短信告知结果。',
    'zh-HK':
      '【單一窗口】您的人工資料審核申請已受理，受理編號 {number}，我們將在 {dueDate} 前完成審核並以短訊通知結果。',
    en: '[Single Window] Your manual review request {number} has been received. We will review it by {dueDate} and tell you the result by SMS.',
  }),
  'account-recovery.username-approved': both({
    'zh-CN':
      '【单一窗口】您的人工资料审核（{number}）已通过，您的用户名：{usernames}。如忘记密码，可通过“忘记密码”重置。',
    'zh-HK':
      '【單一窗口】您的人工資料審核（{number}）已通過，您的用戶名稱：{usernames}。如忘記密碼，可透過「忘記密碼」重設。',
    en: '[Single Window] Your manual review {number} was approved. Your username: {usernames}. If you forgot the password, use "Forgot password".',
  }),
  'account-recovery.password-approved': both({
    'zh-CN':
      '【单一窗口】您的人工资料审核（{number}）已通过，账号 {username} 的密码已重置为您提交申请时设置的新密码，请使用新密码登录。',
    'zh-HK':
      '【單一窗口】您的人工資料審核（{number}）已通過，帳戶 {username} 的密碼已重設為您提交申請時設定的新密碼，請使用新密碼登入。',
    en: '[Single Window] Your manual review {number} was approved. The password of {username} is now the new password you chose when you applied.',
  }),
  'account-recovery.rejected': both({
    'zh-CN': '【单一窗口】您的人工资料审核（{number}）未通过：{reason}。如有疑问请致电 95198。',
    'zh-HK': '【單一窗口】您的人工資料審核（{number}）未通過：{reason}。如有疑問請致電 95198。',
    en: '[Single Window] Your manual review {number} was not approved: {reason}. Questions: call 95198.',
  }),
});
