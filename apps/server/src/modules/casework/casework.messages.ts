import { registerMessageTemplates } from '../messaging/index.ts';

/** Messages of the engine itself (the services register their own). */
registerMessageTemplates({
  'casework.assigned': {
    title: {
      'zh-CN': '新的待办：{service} {number}',
      'zh-HK': '新的待辦：{service} {number}',
      en: 'New task: {service} {number}',
    },
    body: {
      'zh-CN': '申请 {number}（{applicant}）已指派给您办理，办理时限 {dueDate}。',
      'zh-HK': '申請 {number}（{applicant}）已指派給您辦理，辦理時限 {dueDate}。',
      en: 'Application {number} ({applicant}) has been assigned to you; it is due on {dueDate}.',
    },
  },
});
