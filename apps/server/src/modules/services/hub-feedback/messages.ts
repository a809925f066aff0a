import { registerMessageTemplates } from '../../messaging/index.ts';

registerMessageTemplates({
  'hub-feedback.replied': {
    title: {
      'zh-CN': '您的意见反馈已回复',
      'zh-HK': '您的意見反饋已回覆',
      en: 'Your feedback has an answer',
    },
    body: {
      'zh-CN': '您的意见反馈（{number}）已回复：{reason}',
      'zh-HK': '您的意見反饋（{number}）已回覆：{reason}',
      en: 'Your feedback ({number}) has an answer: {reason}',
    },
    sms: {
      'zh-CN': '【粤省事】您的意见反馈{number}已回复，请在“我的 → 意见反馈”查看。',
      'zh-HK': '【粵省事】您的意見反饋{number}已回覆，請在「我的 → 意見反饋」查看。',
      en: '[Yueshengshi] Your feedback {number} has an answer: see Me → Feedback.',
    },
  },
  'hub-feedback.closed': {
    title: { 'zh-CN': '您的意见反馈已办结', 'zh-HK': '您的意見反饋已辦結', en: 'Your feedback is closed' },
    body: {
      'zh-CN': '您的意见反馈（{number}）已办结：{reason}',
      'zh-HK': '您的意見反饋（{number}）已辦結：{reason}',
      en: 'Your feedback ({number}) is closed: {reason}',
    },
  },
});
