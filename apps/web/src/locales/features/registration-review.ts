/** The portal's words for registration with review (seed 001): its card on 注册 and what sign-in says while under review. */
export const registrationReviewMessages = {
  'zh-CN': {
    card: {
      title: '企业用户注册',
      description:
        '适用于三证合一企业、企业单位和政府事业单位。提交后由平台在 2 个工作日内审核，审核结果发送至管理员邮箱。',
      action: '企业注册',
    },
    signIn: {
      underReview: '注册审核通过后即可登录，审核结果将发送至注册时填写的管理员邮箱。',
      returned: '请查收退回通知邮件，按邮件中的链接修改注册资料后重新提交。',
    },
  },
  'zh-HK': {
    card: {
      title: '企業用戶註冊',
      description:
        '適用於三證合一企業、企業單位及政府事業單位。提交後由平台於 2 個工作日內審核，審核結果發送至管理員電郵。',
      action: '企業註冊',
    },
    signIn: {
      underReview: '註冊審核通過後即可登入，審核結果將發送至註冊時填寫的管理員電郵。',
      returned: '請查收退回通知電郵，按電郵中的連結修改註冊資料後重新提交。',
    },
  },
  en: {
    card: {
      title: 'Enterprise registration',
      description:
        'For enterprises with or without a unified credit code, and government or public institutions. The platform reviews it within 2 working days and e-mails the result to the administrator.',
      action: 'Register an enterprise',
    },
    signIn: {
      underReview:
        'You can sign in once the registration is approved; the result will be e-mailed to the administrator’s address.',
      returned:
        'Please open the e-mail that returned the registration and follow its link to correct and resubmit it.',
    },
  },
} as const;
