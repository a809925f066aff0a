import { registerMessageTemplates } from '../../messaging/index.ts';

/*
 * What 港车北上 tells the owner (站内信 and SMS), in Traditional Chinese first (the service's
 * messageLocale) and in the owner's chosen language when they have one.
 */
registerMessageTemplates({
  'northbound.approved': {
    title: {
      'zh-CN': '粤港审批已通过（{number}）',
      'zh-HK': '粵港審批已通過（{number}）',
      en: 'Approved by Guangdong ({number})',
    },
    body: {
      'zh-CN':
        '您的“港车北上”申请（{number}）已通过粤港审批，进入验车、保险环节。请登录系统，在个人中心点击“填写保险信息”提交车辆保险。',
      'zh-HK':
        '您的「港車北上」申請（{number}）已通過粵港審批，進入驗車、保險環節。請登錄系統，在個人中心點擊「填寫保險信息」提交車輛保險。',
      en: 'Your application ({number}) was approved by Guangdong and is at its inspection and insurance stage. Sign in and add the insurance from 个人中心.',
    },
    sms: {
      'zh-CN': '【港车北上】您的申请{number}已通过粤港审批，请登录系统填写保险信息。',
      'zh-HK': '【港車北上】您的申請{number}已通過粵港審批，請登錄系統填寫保險信息。',
      en: '[HK vehicles] Application {number} approved; sign in to add the insurance.',
    },
  },
  'northbound.insurance_returned': {
    title: {
      'zh-CN': '保险信息需重新填写（{number}）',
      'zh-HK': '保險信息需重新填寫（{number}）',
      en: 'Insurance to be submitted again ({number})',
    },
    body: {
      'zh-CN': '您提交的车辆保险未通过核验：{reason}。请在个人中心重新填写保险信息。',
      'zh-HK': '您提交的車輛保險未通過核驗：{reason}。請在個人中心重新填寫保險信息。',
      en: 'Your insurance was not accepted: {reason}. Please submit it again from 个人中心.',
    },
  },
  'northbound.inspected': {
    title: {
      'zh-CN': '验车、保险核验已通过（{number}）',
      'zh-HK': '驗車、保險核驗已通過（{number}）',
      en: 'Inspection and insurance passed ({number})',
    },
    body: {
      'zh-CN': '您的车辆已通过验车和保险核验，正在办理发牌，请耐心等待。',
      'zh-HK': '您的車輛已通過驗車和保險核驗，正在辦理發牌，請耐心等候。',
      en: 'Your vehicle passed the inspection and insurance check; plates and tags are being issued.',
    },
  },
  'northbound.issued': {
    title: {
      'zh-CN': '临时入境机动车牌证已核发（{number}）',
      'zh-HK': '臨時入境機動車牌證已核發（{number}）',
      en: 'Temporary plate issued ({number})',
    },
    body: {
      'zh-CN':
        '您的车辆已核发临时号牌 {tempPlate}，有效期至 {permitValidTo}。出行前请在“通关预约”中预约通关。',
      'zh-HK':
        '您的車輛已核發臨時號牌 {tempPlate}，有效期至 {permitValidTo}。出行前請在「通關預約」中預約通關。',
      en: 'Temporary plate {tempPlate} issued, valid until {permitValidTo}. Book your crossing before you travel.',
    },
    sms: {
      'zh-CN': '【港车北上】您的车辆已核发临时号牌{tempPlate}，有效期至{permitValidTo}，出行前请预约通关。',
      'zh-HK': '【港車北上】您的車輛已核發臨時號牌{tempPlate}，有效期至{permitValidTo}，出行前請預約通關。',
      en: '[HK vehicles] Plate {tempPlate} issued, valid until {permitValidTo}. Book before you travel.',
    },
  },
  'northbound.rejected': {
    title: {
      'zh-CN': '申请未获批准（{number}）',
      'zh-HK': '申請未獲批准（{number}）',
      en: 'Application not approved ({number})',
    },
    body: {
      'zh-CN': '您的“港车北上”申请（{number}）未获批准：{reason}',
      'zh-HK': '您的「港車北上」申請（{number}）未獲批准：{reason}',
      en: 'Your application ({number}) was not approved: {reason}',
    },
  },
  'northbound.suspended': {
    title: {
      'zh-CN': '车辆通行资格已暂停（{number}）',
      'zh-HK': '車輛通行資格已暫停（{number}）',
      en: 'Clearance suspended ({number})',
    },
    body: {
      'zh-CN': '您的车辆通行资格已暂停：{reason}。暂停期间不能预约通关。',
      'zh-HK': '您的車輛通行資格已暫停：{reason}。暫停期間不能預約通關。',
      en: 'Your vehicle’s clearance is suspended: {reason}. No crossings can be booked meanwhile.',
    },
    sms: {
      'zh-CN': '【港车北上】您的车辆通行资格已暂停：{reason}',
      'zh-HK': '【港車北上】您的車輛通行資格已暫停：{reason}',
      en: '[HK vehicles] Clearance suspended: {reason}',
    },
  },
  'northbound.reinstated': {
    title: {
      'zh-CN': '车辆通行资格已恢复（{number}）',
      'zh-HK': '車輛通行資格已恢復（{number}）',
      en: 'Clearance restored ({number})',
    },
    body: {
      'zh-CN': '您的车辆通行资格已恢复，可以预约通关。',
      'zh-HK': '您的車輛通行資格已恢復，可以預約通關。',
      en: 'Your vehicle’s clearance is restored; crossings can be booked again.',
    },
  },
  'northbound.revoked': {
    title: {
      'zh-CN': '临时入境机动车牌证已注销（{number}）',
      'zh-HK': '臨時入境機動車牌證已註銷（{number}）',
      en: 'Temporary plate revoked ({number})',
    },
    body: {
      'zh-CN': '您的临时入境机动车牌证已注销：{reason}',
      'zh-HK': '您的臨時入境機動車牌證已註銷：{reason}',
      en: 'Your temporary plate was revoked: {reason}',
    },
    sms: {
      'zh-CN': '【港车北上】您的临时入境机动车牌证已注销：{reason}',
      'zh-HK': '【港車北上】您的臨時入境機動車牌證已註銷：{reason}',
      en: '[HK vehicles] Temporary plate revoked: {reason}',
    },
  },
  'northbound.booking_reminder': {
    title: { 'zh-CN': '通关预约提醒', 'zh-HK': '通關預約提醒', en: 'Crossing reminder' },
    body: {
      'zh-CN': '您已预约明天（{day}）{starts}–{ends} 经{port}通关，车辆 {hkPlate}。预约凭证号 {voucher}。',
      'zh-HK': '您已預約明天（{day}）{starts}–{ends} 經{port}通關，車輛 {hkPlate}。預約憑證號 {voucher}。',
      en: 'You are booked to cross at {port} tomorrow ({day}) {starts}–{ends}, vehicle {hkPlate}. Voucher {voucher}.',
    },
    sms: {
      'zh-CN': '【港车北上】提醒：您已预约{day} {starts}-{ends}经{port}通关（{hkPlate}），凭证号{voucher}。',
      'zh-HK': '【港車北上】提醒：您已預約{day} {starts}-{ends}經{port}通關（{hkPlate}），憑證號{voucher}。',
      en: '[HK vehicles] Reminder: crossing {day} {starts}-{ends} at {port} ({hkPlate}), voucher {voucher}.',
    },
  },
  'northbound.unbooked_entry': {
    title: {
      'zh-CN': '未预约通关提示（{hkPlate}）',
      'zh-HK': '未預約通關提示（{hkPlate}）',
      en: 'Crossing without a booking ({hkPlate})',
    },
    body: {
      'zh-CN':
        '您的车辆 {hkPlate} 于 {day} 经{port}入境时没有通关预约（累计 {count} 次）。请在出行前通过“通关预约”预约，多次未预约通关将被暂停通行资格。',
      'zh-HK':
        '您的車輛 {hkPlate} 於 {day} 經{port}入境時沒有通關預約（累計 {count} 次）。請在出行前通過「通關預約」預約，多次未預約通關將被暫停通行資格。',
      en: 'Your vehicle {hkPlate} entered at {port} on {day} without a booking ({count} so far). Book before you travel: repeated crossings without a booking lead to suspension.',
    },
    sms: {
      'zh-CN': '【港车北上】车辆{hkPlate}于{day}未预约通关（累计{count}次），多次未预约将被暂停通行资格。',
      'zh-HK': '【港車北上】車輛{hkPlate}於{day}未預約通關（累計{count}次），多次未預約將被暫停通行資格。',
      en: '[HK vehicles] {hkPlate} crossed on {day} without a booking ({count} so far); repeated ones lead to suspension.',
    },
  },
  'northbound.unbooked_alert': {
    title: {
      'zh-CN': '多次未预约通关：{hkPlate}（{number}）',
      'zh-HK': '多次未預約通關：{hkPlate}（{number}）',
      en: 'Repeated crossings without a booking: {hkPlate} ({number})',
    },
    body: {
      'zh-CN':
        '车辆 {hkPlate}（{number}）已 {count} 次未预约通关，最近一次 {day} 经{port}入境。请核查并决定是否暂停通行资格。',
      'zh-HK':
        '車輛 {hkPlate}（{number}）已 {count} 次未預約通關，最近一次 {day} 經{port}入境。請核查並決定是否暫停通行資格。',
      en: 'Vehicle {hkPlate} ({number}) has crossed {count} times without a booking, last on {day} at {port}. Please review it and decide on suspension.',
    },
  },
});
