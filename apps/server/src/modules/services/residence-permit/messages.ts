import type { Localized } from '@sw/contracts';
import { registerMessageTemplates } from '../../messaging/index.ts';
import type { PermitState } from './contract.ts';

/** What each status means to the applicant, in the manual's words (003, 常见疑问). */
export const STATE_NOTES: Record<PermitState, Localized> = {
  pending: {
    'zh-CN': '一般提交资料审核后会有审核结果。审核通过的，自受理之日起10个工作日内完成居住证发放。',
    'zh-HK': '一般提交資料審核後會有審核結果。審核通過的，自受理之日起10個工作日內完成居住證發放。',
    en: 'You will hear once it is reviewed. If approved, the permit is issued within 10 working days of acceptance.',
  },
  approved: {
    'zh-CN': '审核通过，正在制证。自受理之日起10个工作日内完成居住证发放。',
    'zh-HK': '審核通過，正在製證。自受理之日起10個工作日內完成居住證發放。',
    en: 'Approved: the permit is being made and will be issued within 10 working days of acceptance.',
  },
  issued: {
    'zh-CN':
      '居住证已发放，电子居住证已放入「我的证照」。现场领取的，请凭身份证件到居住地公安派出所领取；邮寄的，将寄往您填写的邮寄地址。',
    'zh-HK':
      '居住證已發放，電子居住證已放入「我的證照」。現場領取的，請憑身份證件到居住地公安派出所領取；郵寄的，將寄往您填寫的郵寄地址。',
    en: 'Your residence permit is issued and is in My licences. Collect the card at the local police station with your ID, or it is posted to the address you gave.',
  },
  rejected: {
    'zh-CN': '居住证申领未通过审核，请按原因核实后重新申领，或咨询居住地公安派出所。',
    'zh-HK': '居住證申領未通過審核，請按原因核實後重新申領，或查詢居住地公安派出所。',
    en: 'Your application was not approved: check the reason and apply again, or ask the local police station.',
  },
};

/**
 * 站内信 and SMS of 申领居住证. Parameters: the engine's (number, reason, dueDate, link) and, with
 * the issue, validUntil.
 */
registerMessageTemplates({
  'residence-permit.submitted': {
    title: {
      'zh-CN': '居住证申领已受理（{number}）',
      'zh-HK': '居住證申領已受理（{number}）',
      en: 'Residence permit application accepted ({number})',
    },
    body: {
      'zh-CN': `您的居住证申领（申请编号 {number}）已受理。${STATE_NOTES.pending['zh-CN']}预计 {dueDate} 前办结。详情：{link}`,
      'zh-HK': `您的居住證申領（申請編號 {number}）已受理。${STATE_NOTES.pending['zh-HK']}預計 {dueDate} 前辦結。詳情：{link}`,
      en: `Your residence permit application ({number}) is accepted. ${STATE_NOTES.pending.en} Expected by {dueDate}. Details: {link}`,
    },
  },
  'residence-permit.approved': {
    title: {
      'zh-CN': '居住证申领审核通过（{number}）',
      'zh-HK': '居住證申領審核通過（{number}）',
      en: 'Residence permit application approved ({number})',
    },
    body: {
      'zh-CN': `您的居住证申领（申请编号 {number}）审核通过，正在制证，预计 {dueDate} 前完成发放。详情：{link}`,
      'zh-HK': `您的居住證申領（申請編號 {number}）審核通過，正在製證，預計 {dueDate} 前完成發放。詳情：{link}`,
      en: `Your residence permit application ({number}) is approved; the permit is being made and will be issued by {dueDate}. Details: {link}`,
    },
    sms: {
      'zh-CN': '【粤省事】您的居住证申领{number}审核通过，预计{dueDate}前完成居住证发放。',
      'zh-HK': '【粵省事】您的居住證申領{number}審核通過，預計{dueDate}前完成居住證發放。',
      en: '[Guangdong] Residence permit {number} approved: it will be issued by {dueDate}.',
    },
  },
  'residence-permit.issued': {
    title: {
      'zh-CN': '居住证已发放（{number}）',
      'zh-HK': '居住證已發放（{number}）',
      en: 'Residence permit issued ({number})',
    },
    body: {
      'zh-CN': `您申领的居住证（申请编号 {number}）已发放，有效期至 {validUntil}。${STATE_NOTES.issued['zh-CN']}详情：{link}`,
      'zh-HK': `您申領的居住證（申請編號 {number}）已發放，有效期至 {validUntil}。${STATE_NOTES.issued['zh-HK']}詳情：{link}`,
      en: `Your residence permit ({number}) is issued, valid until {validUntil}. ${STATE_NOTES.issued.en} Details: {link}`,
    },
    sms: {
      'zh-CN': '【粤省事】您申领的居住证{number}已发放，有效期至{validUntil}，可在“我的证照”查看。',
      'zh-HK': '【粵省事】您申領的居住證{number}已發放，有效期至{validUntil}，可在「我的證照」查看。',
      en: '[Guangdong] Residence permit {number} issued, valid until {validUntil}: see My licences.',
    },
  },
  'residence-permit.rejected': {
    title: {
      'zh-CN': '居住证申领审核不通过（{number}）',
      'zh-HK': '居住證申領審核不通過（{number}）',
      en: 'Residence permit application not approved ({number})',
    },
    body: {
      'zh-CN': `您的居住证申领（申请编号 {number}）审核不通过，原因：{reason}\n${STATE_NOTES.rejected['zh-CN']}详情：{link}`,
      'zh-HK': `您的居住證申領（申請編號 {number}）審核不通過，原因：{reason}\n${STATE_NOTES.rejected['zh-HK']}詳情：{link}`,
      en: `Your residence permit application ({number}) is not approved. Reason: {reason}\n${STATE_NOTES.rejected.en} Details: {link}`,
    },
    sms: {
      'zh-CN': '【粤省事】您的居住证申领{number}审核不通过，原因：{reason}',
      'zh-HK': '【粵省事】您的居住證申領{number}審核不通過，原因：{reason}',
      en: '[Guangdong] Residence permit {number} not approved. Reason: {reason}',
    },
  },
});
