import { registerMessageTemplates } from '../../messaging/index.ts';

/* What the owner is told about a replacement tag, in Traditional Chinese first (messageLocale). */
registerMessageTemplates({
  'northbound-tags.completed': {
    title: {
      'zh-CN': '补办已办结（{number}）',
      'zh-HK': '補辦已辦結（{number}）',
      en: 'Replacement done ({number})',
    },
    body: {
      'zh-CN': '您申请的补办（{number}）已在办理地点完成，新标识编号 {newNo}，原标识 {oldNo} 已失效。',
      'zh-HK': '您申請的補辦（{number}）已在辦理地點完成，新標識編號 {newNo}，原標識 {oldNo} 已失效。',
      en: 'Your replacement ({number}) was fitted at the site: the new tag is {newNo}; {oldNo} is no longer valid.',
    },
    sms: {
      'zh-CN': '【港车北上】补办{number}已办结，新标识编号{newNo}。',
      'zh-HK': '【港車北上】補辦{number}已辦結，新標識編號{newNo}。',
      en: '[HK vehicles] Replacement {number} done: new tag {newNo}.',
    },
  },
  'northbound-tags.rejected': {
    title: {
      'zh-CN': '补办申请不予办理（{number}）',
      'zh-HK': '補辦申請不予辦理（{number}）',
      en: 'Replacement refused ({number})',
    },
    body: {
      'zh-CN': '您的补办申请（{number}）不予办理：{reason}。',
      'zh-HK': '您的補辦申請（{number}）不予辦理：{reason}。',
      en: 'Your replacement request ({number}) was refused: {reason}.',
    },
  },
});
