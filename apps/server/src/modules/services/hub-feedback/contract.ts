import { defineServiceContract, HUB_CATEGORIES, SERVICE_CATEGORIES } from '@sw/contracts';
import { z } from 'zod';

const L = (zhCN: string, zhHK: string, en: string) => ({ 'zh-CN': zhCN, 'zh-HK': zhHK, en });

export const HUB_FEEDBACK = 'hub-feedback';
export const FEEDBACK_MAX = 500;
/** what the feedback is about: a category of the guide, or the app itself (使用问题) */
export const FEEDBACK_TOPICS = ['app', ...HUB_CATEGORIES] as const;

const topicNames = Object.fromEntries([
  ['app', L('使用问题', '使用問題', 'Using the app')],
  ...HUB_CATEGORIES.map((c) => [c, SERVICE_CATEGORIES.find((s) => s.code === c)!.name]),
]);

/**
 * 意见反馈 (seed 003 温馨提示 1: 「进入个人中心点击【意见反馈】即可搜索热门问题解答，如未能解答您的疑问，
 * 可留言反馈」): a citizen's message, answered by the hub's staff from the console. A casework
 * service, so the answer is a reasoned, audited step with its time limit, and the citizen is told
 * by 站内信 and SMS; unlisted in the catalogue (the hub's 意见反馈 page is its door).
 */
export const hubFeedbackContract = defineServiceContract({
  code: HUB_FEEDBACK,
  catalogue: {
    name: L('意见反馈', '意見反饋', 'Feedback'),
    description: L(
      '对粤省事服务的咨询、意见和建议，工作人员将在3个工作日内回复',
      '對粵省事服務的諮詢、意見和建議，工作人員將在3個工作日內回覆',
      'Questions, comments and suggestions about the hub; staff answer within 3 working days',
    ),
    category: 'other',
    department: L('粤省事运营中心', '粵省事運營中心', 'Citizen hub operations'),
    audience: ['individual', 'enterprise_operator', 'overseas'],
    realNameLevel: 'none',
    regions: { cities: [] },
    mode: 'online',
    listed: false,
    guide: {
      conditions: [L('已登录的用户', '已登入的用戶', 'Signed-in users')],
      materials: [],
      steps: [L('留言反馈', '留言反饋', 'Write'), L('工作人员回复', '工作人員回覆', 'Staff answer')],
      fee: L('不收费', '不收費', 'Free'),
      basis: [
        L(
          '《广东省政务服务“好差评”管理办法》',
          '《廣東省政務服務「好差評」管理辦法》',
          'Guangdong rules on rating public services',
        ),
      ],
      hotline: '12345',
    },
  },
  form: z.object({
    topic: z.enum(FEEDBACK_TOPICS),
    content: z.string().trim().min(1).max(FEEDBACK_MAX),
    /** the city switch's city when it was written */
    city: z
      .string()
      .regex(/^44\d{2}$/)
      .optional(),
  }),
  fields: {
    topic: { label: L('反馈类别', '反饋類別', 'About'), values: topicNames },
    content: { label: L('反馈内容', '反饋內容', 'Message'), multiline: true },
    city: { label: L('所在城市', '所在城市', 'City'), internal: true },
  },
  attachments: [],
});
export type FeedbackForm = z.infer<typeof hubFeedbackContract.form>;
