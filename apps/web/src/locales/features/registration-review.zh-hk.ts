export const registrationReviewZhHK = {
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
} as const;
