import { registerMessageTemplates } from '../messaging/index.ts';

/** The hub's booking messages (站内信 and SMS), in the three languages. */
registerMessageTemplates({
  'hub.appointment_booked': {
    title: { 'zh-CN': '预约成功', 'zh-HK': '預約成功', en: 'Booking confirmed' },
    body: {
      'zh-CN':
        '您已成功预约{service}：{day} {starts}–{ends}，{office}。预约凭证号 {voucher}，请按时携带有效证件前往办理；如需取消，请在办理日前一天17:00前操作。',
      'zh-HK':
        '您已成功預約{service}：{day} {starts}–{ends}，{office}。預約憑證號 {voucher}，請按時攜帶有效證件前往辦理；如需取消，請在辦理日前一天17:00前操作。',
      en: 'You are booked for {service}: {day} {starts}–{ends} at {office}. Voucher {voucher}. Bring valid ID; cancel before 17:00 the day before if you cannot come.',
    },
    sms: {
      'zh-CN': '【粤省事】您已预约{service}：{day} {starts}-{ends}，{office}，凭证号{voucher}。',
      'zh-HK': '【粵省事】您已預約{service}：{day} {starts}-{ends}，{office}，憑證號{voucher}。',
      en: '[Yueshengshi] Booked: {service} {day} {starts}-{ends}, {office}, voucher {voucher}.',
    },
  },
  'hub.appointment_cancelled': {
    title: { 'zh-CN': '预约已取消', 'zh-HK': '預約已取消', en: 'Booking cancelled' },
    body: {
      'zh-CN': '您预约的{service}（{day} {starts}–{ends}，{office}）已取消。',
      'zh-HK': '您預約的{service}（{day} {starts}–{ends}，{office}）已取消。',
      en: 'Your booking for {service} ({day} {starts}–{ends}, {office}) is cancelled.',
    },
    sms: {
      'zh-CN': '【粤省事】您预约的{service}（{day} {starts}-{ends}）已取消。',
      'zh-HK': '【粵省事】您預約的{service}（{day} {starts}-{ends}）已取消。',
      en: '[Yueshengshi] Cancelled: {service} {day} {starts}-{ends}.',
    },
  },
  'hub.appointment_reminder': {
    title: { 'zh-CN': '预约办理提醒', 'zh-HK': '預約辦理提醒', en: 'Booking reminder' },
    body: {
      'zh-CN':
        '您已预约明天（{day}）{starts}–{ends}到{office}办理{service}，预约凭证号 {voucher}，请携带有效证件按时前往。',
      'zh-HK':
        '您已預約明天（{day}）{starts}–{ends}到{office}辦理{service}，預約憑證號 {voucher}，請攜帶有效證件按時前往。',
      en: 'Tomorrow ({day}) {starts}–{ends} you are booked at {office} for {service}. Voucher {voucher}. Bring valid ID.',
    },
    sms: {
      'zh-CN': '【粤省事】提醒：明天{day} {starts}-{ends}到{office}办理{service}，凭证号{voucher}。',
      'zh-HK': '【粵省事】提醒：明天{day} {starts}-{ends}到{office}辦理{service}，憑證號{voucher}。',
      en: '[Yueshengshi] Reminder: {service} tomorrow {day} {starts}-{ends} at {office}, voucher {voucher}.',
    },
  },
});
