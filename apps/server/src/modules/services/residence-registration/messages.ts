import type { Localized } from '@sw/contracts';
import { registerMessageTemplates } from '../../messaging/index.ts';
import type { RegistrationState } from './contract.ts';

/**
 * What each status means to the applicant, in the manual's words where it has them (003 三、1 and
 * its 常见疑问); shown with the status and sent with the decision.
 */
export const STATE_NOTES: Record<RegistrationState, Localized> = {
  pending: {
    'zh-CN': '一般提交资料审核后会有审核结果（办理时限以当地居住证服务办理部门实际审核时间为准）。',
    'zh-HK': '一般提交資料審核後會有審核結果（辦理時限以當地居住證服務辦理部門實際審核時間為準）。',
    en: 'You will hear once your details are reviewed (the local residence-permit office’s own time applies).',
  },
  returned: {
    'zh-CN': '请按退回原因修改申报信息或补充材料后重新提交。',
    'zh-HK': '請按退回原因修改申報資料或補充材料後重新提交。',
    en: 'Correct your details or add the missing documents as the reason says, then submit again.',
  },
  approved: {
    'zh-CN': '“申报居住登记”审批通过，满半年（深圳除外）后可“申领居住证”。',
    'zh-HK': '「申報居住登記」審批通過，滿半年（深圳除外）後可「申領居住證」。',
    en: 'Your residence registration is approved: six months on (at once in Shenzhen) you may apply for a residence permit.',
  },
  rejected: {
    'zh-CN': '居住登记未通过审核，请按原因核实后重新申报，或咨询居住地公安派出所。',
    'zh-HK': '居住登記未通過審核，請按原因核實後重新申報，或查詢居住地公安派出所。',
    en: 'Your registration was not approved: check the reason and declare again, or ask the local police station.',
  },
};

/** 站内信 and SMS of 申报居住登记. Parameters: the engine's (number, reason, dueDate, link). */
registerMessageTemplates({
  'residence-registration.submitted': {
    title: {
      'zh-CN': '居住登记已提交（{number}）',
      'zh-HK': '居住登記已提交（{number}）',
      en: 'Residence registration submitted ({number})',
    },
    body: {
      'zh-CN': `您的居住登记申报（申请编号 {number}）已提交，等待审核。${STATE_NOTES.pending['zh-CN']}详情：{link}`,
      'zh-HK': `您的居住登記申報（申請編號 {number}）已提交，等待審核。${STATE_NOTES.pending['zh-HK']}詳情：{link}`,
      en: `Your residence registration ({number}) is submitted and awaits review. ${STATE_NOTES.pending.en} Details: {link}`,
    },
  },
  'residence-registration.approved': {
    title: {
      'zh-CN': '居住登记审核通过（{number}）',
      'zh-HK': '居住登記審核通過（{number}）',
      en: 'Residence registration approved ({number})',
    },
    body: {
      'zh-CN': `您的居住登记申报（申请编号 {number}）审核通过。${STATE_NOTES.approved['zh-CN']}详情：{link}`,
      'zh-HK': `您的居住登記申報（申請編號 {number}）審核通過。${STATE_NOTES.approved['zh-HK']}詳情：{link}`,
      en: `Your residence registration ({number}) is approved. ${STATE_NOTES.approved.en} Details: {link}`,
    },
    sms: {
      'zh-CN': '【粤省事】您的居住登记{number}审核通过，满半年（深圳除外）后可申领居住证。',
      'zh-HK': '【粵省事】您的居住登記{number}審核通過，滿半年（深圳除外）後可申領居住證。',
      en: '[Guangdong] Residence registration {number} approved: apply for a permit after six months (Shenzhen: at once).',
    },
  },
  'residence-registration.rejected': {
    title: {
      'zh-CN': '居住登记审核不通过（{number}）',
      'zh-HK': '居住登記審核不通過（{number}）',
      en: 'Residence registration not approved ({number})',
    },
    body: {
      'zh-CN': `您的居住登记申报（申请编号 {number}）审核不通过，原因：{reason}\n${STATE_NOTES.rejected['zh-CN']}详情：{link}`,
      'zh-HK': `您的居住登記申報（申請編號 {number}）審核不通過，原因：{reason}\n${STATE_NOTES.rejected['zh-HK']}詳情：{link}`,
      en: `Your residence registration ({number}) is not approved. Reason: {reason}\n${STATE_NOTES.rejected.en} Details: {link}`,
    },
    sms: {
      'zh-CN': '【粤省事】您的居住登记{number}审核不通过，原因：{reason}',
      'zh-HK': '【粵省事】您的居住登記{number}審核不通過，原因：{reason}',
      en: '[Guangdong] Residence registration {number} not approved. Reason: {reason}',
    },
  },
  'residence-registration.returned': {
    title: {
      'zh-CN': '居住登记退回补正（{number}）',
      'zh-HK': '居住登記退回補正（{number}）',
      en: 'Residence registration returned for correction ({number})',
    },
    body: {
      'zh-CN': `您的居住登记申报（申请编号 {number}）被退回补正，原因：{reason}\n${STATE_NOTES.returned['zh-CN']}详情：{link}`,
      'zh-HK': `您的居住登記申報（申請編號 {number}）被退回補正，原因：{reason}\n${STATE_NOTES.returned['zh-HK']}詳情：{link}`,
      en: `Your residence registration ({number}) was returned for correction. Reason: {reason}\n${STATE_NOTES.returned.en} Details: {link}`,
    },
    sms: {
      'zh-CN': '【粤省事】您的居住登记{number}被退回补正，请登录后修改并重新提交。',
      'zh-HK': '【粵省事】您的居住登記{number}被退回補正，請登入後修改並重新提交。',
      en: '[Guangdong] Residence registration {number} returned: sign in, correct it and submit again.',
    },
  },
  'residence-registration.resubmitted': {
    title: {
      'zh-CN': '居住登记已重新提交（{number}）',
      'zh-HK': '居住登記已重新提交（{number}）',
      en: 'Residence registration submitted again ({number})',
    },
    body: {
      'zh-CN': `您补正后的居住登记申报（申请编号 {number}）已重新提交，等待审核。详情：{link}`,
      'zh-HK': `您補正後的居住登記申報（申請編號 {number}）已重新提交，等待審核。詳情：{link}`,
      en: `Your corrected residence registration ({number}) is submitted again and awaits review. Details: {link}`,
    },
  },
});
