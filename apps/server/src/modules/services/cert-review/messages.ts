import type { Localized } from '@sw/contracts';
import { registerMessageTemplates } from '../../messaging/index.ts';
import type { CertState } from './contract.ts';

/**
 * What each status means to the enterprise, in the manual's words (002 §3.3); shown with the
 * status and sent with the decision.
 */
export const STATE_EXPLANATIONS: Record<CertState, Localized> = {
  pending: {
    'zh-CN': '审核需时间，请耐心等待海关审批。',
    'zh-HK': '審核需時，請耐心等候海關審批。',
    en: 'Review takes time: please wait for customs to decide.',
  },
  approved: {
    'zh-CN': '请企业携带证书前往海关现场办理后续手续。',
    'zh-HK': '請企業攜帶證書前往海關現場辦理後續手續。',
    en: 'Please bring the certificate to customs to complete the formalities.',
  },
  rejected: {
    'zh-CN': '企业提供的证书信息与海关系统的证书信息不一致，请核实后重新添加证书申请。',
    'zh-HK': '企業提供的證書資料與海關系統的證書資料不一致，請核實後重新添加證書申請。',
    en: 'The certificate you gave does not match the customs records: please verify it and add it again.',
  },
  data_error: {
    'zh-CN': '企业填写的证书信息或上传的证书有误，请修改后重新添加证书申请。',
    'zh-HK': '企業填寫的證書資料或上載的證書有誤，請修改後重新添加證書申請。',
    en: 'The certificate details or the uploaded scan are wrong: please correct them and add it again.',
  },
};

/**
 * 站内信 and SMS of 智慧审证. Parameters: number, reason, link (the engine's) and certNo.
 */
registerMessageTemplates({
  'cert-review.submitted': {
    title: {
      'zh-CN': '证书申请已提交（{number}）',
      'zh-HK': '證書申請已提交（{number}）',
      en: 'Certificate application submitted ({number})',
    },
    body: {
      'zh-CN': `您的证书申请（申请编号 {number}）已提交，状态为「未审核」。${STATE_EXPLANATIONS.pending['zh-CN']}预计 {dueDate} 前审核完毕。`,
      'zh-HK': `您的證書申請（申請編號 {number}）已提交，狀態為「未審核」。${STATE_EXPLANATIONS.pending['zh-HK']}預計 {dueDate} 前審核完畢。`,
      en: `Your certificate application ({number}) is submitted and awaits review. ${STATE_EXPLANATIONS.pending.en} Expected by {dueDate}.`,
    },
  },
  'cert-review.approved': {
    title: {
      'zh-CN': '证书申请审核通过（{number}）',
      'zh-HK': '證書申請審核通過（{number}）',
      en: 'Certificate application approved ({number})',
    },
    body: {
      'zh-CN': `您的证书申请（申请编号 {number}）审核通过。${STATE_EXPLANATIONS.approved['zh-CN']}详情：{link}`,
      'zh-HK': `您的證書申請（申請編號 {number}）審核通過。${STATE_EXPLANATIONS.approved['zh-HK']}詳情：{link}`,
      en: `Your certificate application ({number}) is approved. ${STATE_EXPLANATIONS.approved.en} Details: {link}`,
    },
    sms: {
      'zh-CN': '【单一窗口】您的证书申请{number}审核通过，请携带证书前往海关现场办理后续手续。',
      'zh-HK': '【單一窗口】您的證書申請{number}審核通過，請攜帶證書前往海關現場辦理後續手續。',
      en: '[Single Window] Certificate application {number} approved: bring the certificate to customs.',
    },
  },
  'cert-review.rejected': {
    title: {
      'zh-CN': '证书申请审核不通过（{number}）',
      'zh-HK': '證書申請審核不通過（{number}）',
      en: 'Certificate application not approved ({number})',
    },
    body: {
      'zh-CN': `您的证书申请（申请编号 {number}）审核不通过，原因：{reason}\n${STATE_EXPLANATIONS.rejected['zh-CN']}详情：{link}`,
      'zh-HK': `您的證書申請（申請編號 {number}）審核不通過，原因：{reason}\n${STATE_EXPLANATIONS.rejected['zh-HK']}詳情：{link}`,
      en: `Your certificate application ({number}) is not approved. Reason: {reason}\n${STATE_EXPLANATIONS.rejected.en} Details: {link}`,
    },
    sms: {
      'zh-CN': '【单一窗口】您的证书申请{number}审核不通过，请核实后重新添加证书申请。',
      'zh-HK': '【單一窗口】您的證書申請{number}審核不通過，請核實後重新添加證書申請。',
      en: '[Single Window] Certificate application {number} not approved: verify it and add it again.',
    },
  },
  'cert-review.data_error': {
    title: {
      'zh-CN': '证书申请数据有误（{number}）',
      'zh-HK': '證書申請數據有誤（{number}）',
      en: 'Certificate application: data error ({number})',
    },
    body: {
      'zh-CN': `您的证书申请（申请编号 {number}）数据有误，原因：{reason}\n${STATE_EXPLANATIONS.data_error['zh-CN']}详情：{link}`,
      'zh-HK': `您的證書申請（申請編號 {number}）數據有誤，原因：{reason}\n${STATE_EXPLANATIONS.data_error['zh-HK']}詳情：{link}`,
      en: `Your certificate application ({number}) has a data error. Reason: {reason}\n${STATE_EXPLANATIONS.data_error.en} Details: {link}`,
    },
    sms: {
      'zh-CN': '【单一窗口】您的证书申请{number}数据有误，请修改后重新添加证书申请。',
      'zh-HK': '【單一窗口】您的證書申請{number}數據有誤，請修改後重新添加證書申請。',
      en: '[Single Window] Certificate application {number} has a data error: correct it and add it again.',
    },
  },
});
