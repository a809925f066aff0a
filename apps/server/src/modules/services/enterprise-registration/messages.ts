import { registerMessageTemplates } from '../../messaging/index.ts';

/**
 * What 企业注册审核 tells the applicant, by in-site message and by e-mail to the address given
 * at registration (001 §2.3.1.4: 「注册审核结果将发送到该邮箱」). Besides the engine's parameters
 * (number, dueDate, reason…): `username` and `signInLink` on approval, `correctionLink` and
 * `correctionDays` on a return.
 */
registerMessageTemplates({
  'enterprise-registration.submitted': {
    title: {
      'zh-CN': '企业注册申请已受理（{number}）',
      'zh-HK': '企業註冊申請已受理（{number}）',
      en: 'Enterprise registration received ({number})',
    },
    body: {
      'zh-CN':
        '您的企业注册申请已提交，受理编号 {number}。我们将在 2 个工作日内（{dueDate} 前）完成审核，审核结果将发送到您注册时填写的邮箱。审核通过前暂不能登录。',
      'zh-HK':
        '您的企業註冊申請已提交，受理編號 {number}。我們將在 2 個工作天內（{dueDate} 前）完成審核，審核結果將發送到您註冊時填寫的電郵地址。審核通過前暫不能登入。',
      en: 'Your enterprise registration has been submitted, number {number}. It will be reviewed within 2 working days (by {dueDate}) and the result sent to the e-mail address you gave. You can sign in once it is approved.',
    },
  },
  'enterprise-registration.approved': {
    title: {
      'zh-CN': '企业注册审核通过（{number}）',
      'zh-HK': '企業註冊審核通過（{number}）',
      en: 'Enterprise registration approved ({number})',
    },
    body: {
      'zh-CN':
        '您的企业注册申请（受理编号 {number}）已审核通过，管理员账号 {username} 已启用。请登录单一窗口：{signInLink}',
      'zh-HK':
        '您的企業註冊申請（受理編號 {number}）已審核通過，管理員帳戶 {username} 已啟用。請登入單一窗口：{signInLink}',
      en: 'Your enterprise registration ({number}) has been approved and the administrator account {username} is active. Sign in to the Single Window: {signInLink}',
    },
  },
  'enterprise-registration.rejected': {
    title: {
      'zh-CN': '企业注册申请未通过审核（{number}）',
      'zh-HK': '企業註冊申請未獲審核通過（{number}）',
      en: 'Enterprise registration returned ({number})',
    },
    body: {
      'zh-CN':
        '您的企业注册申请（受理编号 {number}）未通过审核，原因：{reason}\n请在 {correctionDays} 天内通过以下链接修改注册信息后重新提交（链接仅可使用一次）：{correctionLink}',
      'zh-HK':
        '您的企業註冊申請（受理編號 {number}）未獲審核通過，原因：{reason}\n請在 {correctionDays} 天內透過以下連結修改註冊資料後重新提交（連結只可使用一次）：{correctionLink}',
      en: 'Your enterprise registration ({number}) was returned. Reason: {reason}\nPlease correct it and resubmit within {correctionDays} days through this link (it works once): {correctionLink}',
    },
  },
  'enterprise-registration.resubmitted': {
    title: {
      'zh-CN': '企业注册申请已重新提交（{number}）',
      'zh-HK': '企業註冊申請已重新提交（{number}）',
      en: 'Enterprise registration resubmitted ({number})',
    },
    body: {
      'zh-CN':
        '您修改后的企业注册申请（受理编号 {number}）已重新提交，我们将在 2 个工作日内（{dueDate} 前）完成审核，审核结果将发送到您的注册邮箱。',
      'zh-HK':
        '您修改後的企業註冊申請（受理編號 {number}）已重新提交，我們將在 2 個工作天內（{dueDate} 前）完成審核，審核結果將發送到您的註冊電郵。',
      en: 'Your corrected enterprise registration ({number}) has been resubmitted. It will be reviewed within 2 working days (by {dueDate}) and the result sent to your registered e-mail address.',
    },
  },
});
