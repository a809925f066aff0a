/** The portal's words for registration with review (seed 001): its card on 注册 and what sign-in says while under review. */
// one module per language (this one: zh-CN; .zh-hk.ts and .en.ts beside it), so a language's
// bundle carries only its own messages
export const registrationReviewZhCN = {
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
} as const;
