import { LOCALES, type Locale } from '../enums.ts';
import { type ErrorCode, isErrorCode, type ServiceErrorCode } from '../errors.ts';

/** User-facing text for every error code, per locale. zh-CN is the primary wording. */
export const ERROR_MESSAGES: Record<Locale, Record<ErrorCode, string>> = {
  'zh-CN': {
    'request.malformed_json': '请求格式错误，请刷新页面后重试',
    'request.body_too_large': '提交的内容过大',
    'request.validation_failed': '填写的信息有误，请检查后重新提交',
    'request.unsupported_media_type': '不支持的请求格式',
    'request.not_found': '访问的页面或资源不存在',
    'request.method_not_allowed': '不支持该操作',
    'request.rate_limited': '操作过于频繁，请稍后再试',
    'request.csrf_failed': '页面已过期，请刷新后重试',
    'server.internal': '系统繁忙，请稍后再试',
    'server.unavailable': '系统维护中，请稍后再试',

    'field.required': '此项为必填项',
    'field.invalid': '填写的内容格式不正确',
    'field.too_long': '填写的内容超过长度限制',
    'field.too_short': '填写的内容长度不足',
    'field.unknown': '包含不允许提交的信息项',
    'field.control_character': '内容中含有不允许的控制字符',
    'field.malformed_text': '内容中含有无法识别的字符',
    'request.malformed_url': '访问地址格式错误',
    'request.header_too_large': '请求头过大，请清除本站 Cookie 后重试',
    'simulator.unavailable_in_production': '该外部服务暂不可用（模拟器不在生产环境提供数据）',
    'field.id_number_invalid': '证件号码格式不正确',
    'field.credit_code_invalid': '统一社会信用代码格式不正确',
    'field.org_code_invalid': '组织机构代码格式不正确',
    'field.mobile_invalid': '请输入正确的手机号码',
    'field.email_invalid': '请输入正确的电子邮箱',
    'field.username_invalid': '用户名须为6-18位小写字母或字母与数字组合',
    'field.password_weak': '8-16位大小写字母、数字和符号任意三种及以上组合',
    'field.password_mismatch': '两次输入的密码不一致',
    'field.date_invalid': '日期格式不正确，请按YYYYMMDD填写，长期有效请填写00000000',
    'field.date_range_invalid': '有效期截止日期不能早于起始日期，且不能已过期',
    'field.agreement_required': '请阅读并同意用户服务协议',
    'field.markup_not_allowed': '不允许输入尖括号等标记字符',
    'field.name_invalid': '名称中含有不允许的字符',
    'field.org_code_mismatch': '组织机构代码须与统一社会信用代码第9-17位一致',

    'captcha.invalid': '图片验证码错误或已失效，请刷新后重试',
    'otp.invalid': '验证码错误',
    'otp.expired': '验证码已失效，请重新获取',
    'otp.too_many_attempts': '验证码错误次数过多，请重新获取',
    'otp.resend_too_soon': '验证码发送过于频繁，请60秒后再试',
    'otp.daily_limit': '今日获取验证码次数已达上限，请明天再试',

    'passkey.unknown_credential': '该通行密钥未在本平台登记或已被删除，请使用其他方式登录',
    'passkey.verification_failed': '通行密钥验证失败，请重试',
    'passkey.challenge_expired': '通行密钥请求已过期或已使用，请重新操作',
    'passkey.already_registered': '该通行密钥已经添加过了',
    'passkey.too_many': '通行密钥数量已达上限，请先删除不再使用的通行密钥',
    'account.status_conflict': '账号当前状态不允许此操作',
    'account.cannot_disable_self': '不能停用自己的账号',
    'request.cursor_invalid': '分页参数无效，请从第一页重新查询',

    'auth.invalid_credentials': '用户名或密码错误',
    'auth.account_locked': '登录失败次数过多，账号已被临时锁定',
    'auth.account_disabled': '账号已停用或尚未激活',
    'auth.unauthenticated': '请先登录',
    'auth.forbidden': '您没有权限进行此操作',

    'account.username_taken': '该用户名已被注册',
    'account.id_number_taken': '该证件号码已注册，请直接登录或找回密码',
    'account.mobile_required': '该证件类型须填写内地手机号码并完成短信验证',
    'account.email_required': '请填写并验证电子邮箱',
    'field.country_invalid': '请选择正确的国家或地区',
    'field.country_mainland': '境外企业注册不能选择中国内地，境内企业请选择企业注册',
    'field.phone_invalid': '请输入正确的电话号码，可带“+国家（地区）代码”',
    'organization.registration_no_immutable': '所在国家(地区)注册编号已填写，不可修改',
    'account.org_code_taken': '组织机构代码已存在',
    'account.credit_code_taken': '统一社会信用代码已存在',
    'account.admin_exists': '该单位已注册管理员账号，一家单位只能注册一个管理员账号',
    'account.operator_id_taken': '本单位已存在相同证件类型和证件号码的操作员',
    'account.admin_no_business': '管理员账号不可进行业务操作，请使用操作员账号办理业务',
    'account.phone_login_taken': '该账号对应的手机号已开启手机号登录！',
    'account.mobile_missing': '该账号未绑定已验证的手机号',
    'account.mobile_unchanged': '新手机号与当前绑定的手机号相同',
    'account.not_operator_admin': '仅单位管理员可以进行此操作',
    'operator.card_bound': '操作员绑卡成功，但管理员未绑卡，管理员不可对操作员进行修改或删除',
    'operator.not_found': '该操作员不存在',
    'auth.first_sign_in_required': '首次登录请先验证手机号并修改初始密码',
    'auth.password_change_required': '为了您的账户安全，请您修改初始密码',
    'auth.wrong_current_password': '原密码错误',
    'auth.password_reused': '新密码不能与原密码相同',
    'e_license.session_unknown': '电子营业执照授权不存在或已过期，请重新扫码',
    'e_license.pending': '尚未在电子营业执照中确认授权',
    'e_license.mismatch': '企业信息与电子营业执照不一致',
    'field.card_no_invalid': '卡号须为8-20位数字',
    'field.card_pin_invalid': '介质密码须为6-16位字符，不能包含空格',
    'card.card_no_taken': '该卡号已发放，请更换卡号',
    'card.not_found': '卡介质不存在',
    'card.already_revoked': '该卡介质已注销',
    'card.certificate_malformed': '无法读取卡介质证书，请确认插入的是本平台发放的IC卡或IKey',
    'card.foreign_ca': '该卡介质证书不是本平台签发的',
    'card.certificate_expired': '卡介质证书已过有效期',
    'card.certificate_not_yet_valid': '卡介质证书尚未生效',
    'card.revoked': '该卡介质已注销，不能使用',
    'card.unknown': '该卡介质未在本平台登记',
    'card.signature_invalid': '卡介质签名验证失败，请重新插卡后再试',
    'card.challenge_expired': '卡介质验证已超时，请重新操作',
    'card.challenge_used': '卡介质验证信息已使用，请重新操作',
    'card.override_required': '该企业管理员已绑定其他卡介质，是否用当前卡覆盖原绑定（原账号可能被冒用）？',
    'card.organization_conflict': '卡内统一社会信用代码已被其他组织机构代码的企业注册，请联系平台运营单位',
    'card.username_conflict': '卡介质对应的用户名已被占用，请联系平台运营单位',
    'card.wrong_organization': '该卡介质不属于当前账号所在企业',
    'card.role_mismatch': '法人卡只能绑定管理员账号，操作员卡只能绑定操作员账号',
    'card.holder_mismatch': '操作员卡的持卡人证件信息与当前账号不一致',
    'card.bound_elsewhere': '该卡介质已绑定其他账号',
    'account.activation_requires_card': '请使用卡介质登录后再激活账号',
    'account.already_active': '账号已激活',
    'field.calendar_date_invalid': '日期格式不正确，请按YYYY-MM-DD填写2000年至2100年间的日期',
    'field.calendar_year_invalid': '年份不正确，请填写2000年至2100年间的年份',
    'calendar.workday_not_weekend': '只有周六、周日可以设为调休上班日',
    'casework.service_unknown': '办理事项不存在',
    'casework.application_not_found': '申请不存在',
    'casework.applicant_kind_forbidden': '当前账户类型不能申请该事项',
    'casework.real_name_level_too_low': '账户实名认证等级不足，无法申请该事项',
    'consultations.not_found': '该咨询不存在',
    'consultations.service_unknown': '该事项暂不提供在线咨询',
    'consultations.closed': '本次咨询已结束，如有问题请重新发起咨询',
    'consultations.taken': '该咨询已由其他坐席接入',
    'consultations.not_taken': '请先接入该咨询再回复',
    'consultations.reply_not_found': '该常用回复不存在',
    'appointments.slot_not_found': '预约时段不存在',
    'appointments.slot_full': '该时段预约已满，请选择其他时段',
    'appointments.already_booked': '该车辆当天已有预约，请勿重复预约',
    'appointments.cutoff_passed': '预约和取消须在前一天中午12时前办理',
    'appointments.day_out_of_range': '该日期不在可预约范围内',
    'appointments.no_booking_needed': '当天免预约，可直接通关',
    'appointments.booking_not_found': '预约记录不存在',
    'appointments.not_cancellable': '该预约已取消或已使用，不能取消',
    'appointments.capacity_below_booked': '时段名额不能少于已预约数',
    'appointments.slot_invalid': '时段的结束时间须晚于开始时间',
    'casework.transition_not_allowed': '申请当前状态下不能进行该操作',
    'casework.role_forbidden': '您的岗位不能进行该操作',
    'casework.duty_forbidden': '该环节不在您的岗位职责内，请由相应岗位人员办理',
    'staff.duty_unknown': '所选岗位不属于该事项，或只有审核人员可以限定岗位',
    'casework.version_conflict': '该申请已被他人处理，请刷新后查看最新状态',
    'casework.attachment_required': '请上传该附件',
    'casework.attachment_too_many': '该附件的文件数量超出限制',
    'casework.assigned_to_other': '该申请已由其他审核人员领取',
    'casework.assignee_not_eligible': '被指派人不是该事项的审核人员',
    'casework.export_too_large': '符合条件的申请超过 50,000 条，请缩小筛选范围后再导出',
    'staff.not_found': '工作人员账号不存在',
    'staff.cannot_remove_own_admin': '不能取消自己的平台管理员角色',
    'casework.numbers_exhausted': '今日该事项受理编号已用完，请明日再试',
    'inbox.message_not_found': '该消息不存在',
    'file.missing': '请选择要上传的文件',
    'file.empty': '文件内容为空，请重新选择',
    'file.too_large': '文件大小超出限制',
    'file.type_not_allowed': '文件类型不符合要求，请上传规定格式的文件',
    'file.image_invalid': '图片无法识别，文件可能已损坏',
    'file.not_found': '文件不存在或无权查看',
    'file.upload_token_invalid': '上传凭证无效，请重新上传该文件',
    'file.in_use': '该文件已作为申请附件，不能删除',
    'casework.attachment_slot_unknown': '该事项没有此类附件',
    'casework.attachment_not_editable': '申请当前状态下不能修改附件',
    'casework.attachment_not_found': '该文件不是此申请的附件',
    'casework.attachment_already_attached': '该文件已添加到此申请',
    'field.division_invalid': '请选择正确的省、市、区县',
    'field.postal_code_invalid': '邮政编码为6位数字',
    'field.customs_code_invalid': '海关企业代码为10位数字或字母',
    'field.inspection_code_invalid': '国检企业代码为10位数字',
    'registration.review_mode_off': '当前未开放注册审核，请使用企业注册',
    'registration.review_required': '企业注册需经审核，请填写企业注册审核表',
    'registration.correction_link_invalid': '修改链接无效、已使用或已过期',
    'auth.registration_under_review': '注册信息正在审核中，预计于 {dueDate} 前完成审核',
    'auth.registration_returned': '注册申请未通过审核，请按邮件中的链接修改后重新提交',
    'casework.field_not_revealable': '该信息项不可查看',
    'recovery.link_invalid': '密码重置链接无效、已使用或已过期，请重新找回密码',
    'agency.unavailable': '核验服务暂时无法访问，请稍后再试',
    'qualification.not_found': '未查询到本企业的登记信息，请核对统一社会信用代码',
    'realname.mismatch': '身份信息核验未通过，请核对姓名、证件类型和证件号码',
    'realname.not_found': '未查询到该证件信息，请核对证件号码',
    'realname.resident_id_only': '身份证认证方式只支持证件类型为身份证的情况，请先修改身份信息',
    'realname.identity_incomplete': '身份信息不完整',
    'realname.card_invalid': '银行卡号有误，请核对后重新输入',
    'realname.account_invalid': '对公账号有误，请核对后重新输入',
    'realname.account_mismatch': '该对公账号不属于本企业，请核对开户银行和账号',
    'realname.enterprise_mismatch':
      '企业信息核验未通过：法人的证件类型和证件号码应与企业在市场局（原工商局）备案信息一致',
    'realname.flow_expired': '认证已超时，请从第一步重新开始',
    'face.not_found': '人脸识别记录不存在',
    'face.not_passed': '人脸识别未通过，请重新识别',
    'face.expired': '人脸识别已过期或已使用，请重新识别',
    'auth.session_replaced':
      '您的账号已在其他设备登录，本机已退出。为保障信息安全，同一时间只允许在一台设备登录',
    'auth.step_up_required': '为确保您的个人隐私安全，请先完成人脸识别验证',
    'hub.device_unbound': '本设备尚未绑定账号，请先使用账号密码或短信验证码登录并设置登录密码',
    'hub.pin_not_set': '本设备尚未设置数字密码，请使用人脸识别登录或在个人中心设置',
    'hub.pin_wrong': '数字密码错误',
    'hub.pin_locked': '数字密码错误次数过多，已锁定，请使用人脸识别登录或稍后再试',
    'hub.pin_format': '请输入6位数字密码',
    'hub.pin_mismatch': '两次输入的数字密码不一致',
    'hub.pin_weak': '数字密码不能为相同或连续的数字',
    'content.category_required': '请选择常见问题所属的服务分类',
    'content.category_invalid': '服务分类不存在',
    'hub.appointment_unavailable': '当前城市暂不支持该预约服务',
    'hub.office_not_in_city': '所选办理网点不在当前城市，请重新选择',
    'hub.business_unknown': '请选择预约业务',
    'hub.partner_required': '结婚登记、离婚登记须填写另一方的姓名和身份证号码',
    'hub.partner_is_self': '另一方不能是本人',
    'hub.partner_same_sex': '结婚登记双方须为一男一女',
    'hub.under_marriage_age': '未达法定婚龄（男不得早于二十二周岁，女不得早于二十周岁）',
    'hub.withdrawal_online':
      '您已在公积金网点办理过提取，可在线直接办理，无需预约（广州、深圳用户首次提取需前台预约）',
    'hub.first_withdrawal_required': '请选择是否首次提取',
    'hub.appointment_not_found': '该预约不存在',
    'hub.resident_id_required': '该预约需使用居民身份证实名的账号办理',
    'licences.not_found': '该证照不存在',
    'licences.not_held': '未查询到您名下由广东省内签发的该证照，请确认证照信息后再试',
    'licences.already_linked': '该证照已关联，无需重复关联',
    'licences.ssc_first_generation':
      '目前支持广东省内签发的二代实体社保卡关联，请确认是否为二代社保卡（社保卡右上角有银联标识的为二代社保卡）',
    'licences.ssc_other_city': '如确认为二代社保卡，请把左上角的地市切换为您所缴纳社保的城市，并再次尝试关联',
    'licences.housing_fund_city_unsupported':
      '公积金服务已支持全省（除东莞、惠州、揭阳）关联查询办理，当前城市暂不支持',
    'licences.housing_fund_other_city': '请把左上角的地市切换为您所缴纳公积金的城市，并再次尝试关联',
    'licences.birth_date_unsupported':
      '出生证电子证照关联支持2014年1月1日至今出生（广州、深圳、佛山、珠海为2018年5月1日至今）',
    'recovery.verification_failed': '验证未通过，请核对填写的信息',
    'recovery.identity_incomplete': '身份信息不完整',
    'recovery.too_many_attempts': '验证失败次数过多，请稍后再试或提交人工审核',
    'recovery.two_operators': '请填写两名操作员的手机号及验证码',
    'recovery.same_fact': '所选的两项验证为同一人的信息，请选择其他验证方式',
    'recovery.facts_needed': '请按要求选择并填写验证项',
    'recovery.no_two_operators': '该企业没有两个操作员，请选择其他验证方式',
    'recovery.enterprise_mismatch':
      '企业信息填写有误，建议您到“国家企业信用信息公示平台”核对本企业信息后重新提交，或点击“提交人工审核”进入人工审核。',
    'recovery.e_license_mismatch':
      '电子营业执照验证未通过：请使用本企业的电子营业执照扫码并在小程序中确认授权',
    'recovery.no_matching_account': '没有与申请信息全部一致的账号，不能审核通过，请填写原因后退回',
    'content.not_found': '该文章不存在或未发布',
    'content.version_conflict': '该文章已被他人修改，请刷新后查看最新内容',
    'content.kind_invalid': '请选择栏目：通知公告、政策法规或办事指南',
    'content.body_too_long': '正文不能超过 50,000 个字符',
    'content.service_unknown': '该服务事项不存在',
    'content.translation_incomplete': '译文须同时填写标题和正文',
    'content.already_published': '该文章已发布',
    'content.not_published': '该文章尚未发布',
    'content.published_cannot_delete': '已发布的文章须先撤回才能删除',
    'field.icp_number_invalid': 'ICP备案号格式不正确，例如：京ICP备12345678号-1',
    'field.psb_number_invalid': '公安备案号格式不正确，例如：京公网安备 11010502030143号',
    'field.site_code_invalid': '网站标识码为10位数字，或 bm 加8位数字',
    'field.hotline_invalid': '请输入正确的电话号码，例如：12345 或 010-12345678',
  },
  'zh-HK': {
    'request.malformed_json': '請求格式錯誤，請重新整理頁面後再試',
    'request.body_too_large': '提交的內容過大',
    'request.validation_failed': '填寫的資料有誤，請檢查後重新提交',
    'request.unsupported_media_type': '不支援的請求格式',
    'request.not_found': '找不到所瀏覽的頁面或資源',
    'request.method_not_allowed': '不支援此操作',
    'request.rate_limited': '操作過於頻繁，請稍後再試',
    'request.csrf_failed': '頁面已逾時，請重新整理後再試',
    'server.internal': '系統繁忙，請稍後再試',
    'server.unavailable': '系統維護中，請稍後再試',

    'field.required': '此欄必須填寫',
    'field.invalid': '填寫的內容格式不正確',
    'field.too_long': '填寫的內容超出長度上限',
    'field.too_short': '填寫的內容長度不足',
    'field.unknown': '包含不接受的資料欄位',
    'field.control_character': '內容中含有不允許的控制字元',
    'field.malformed_text': '內容中含有無法識別的字元',
    'request.malformed_url': '網址格式錯誤',
    'request.header_too_large': '請求標頭過大，請清除本站 Cookie 後重試',
    'simulator.unavailable_in_production': '此外部服務暫不可用（模擬器不在正式環境提供資料）',
    'field.id_number_invalid': '證件號碼格式不正確',
    'field.credit_code_invalid': '統一社會信用代碼格式不正確',
    'field.org_code_invalid': '組織機構代碼格式不正確',
    'field.mobile_invalid': '請輸入正確的內地手提電話號碼',
    'field.email_invalid': '請輸入正確的電郵地址',
    'field.username_invalid': '用戶名稱須為6至18個小寫英文字母，或英文字母與數字組合',
    'field.password_weak': '密碼須為8至16個字元，並包含大寫字母、小寫字母、數字及符號其中最少三種',
    'field.password_mismatch': '兩次輸入的密碼不一致',
    'field.date_invalid': '日期格式不正確，請以YYYYMMDD填寫；長期有效請填寫00000000',
    'field.date_range_invalid': '有效期屆滿日期不可早於開始日期，亦不可已過期',
    'field.agreement_required': '請閱讀並同意用戶服務協議',
    'field.markup_not_allowed': '不可輸入尖括號等標記字元',
    'field.name_invalid': '名稱含有不允許的字元',
    'field.org_code_mismatch': '組織機構代碼須與統一社會信用代碼第9至17位一致',

    'captcha.invalid': '圖片驗證碼錯誤或已失效，請重新整理後再試',
    'otp.invalid': '驗證碼錯誤',
    'otp.expired': '驗證碼已失效，請重新索取',
    'otp.too_many_attempts': '驗證碼錯誤次數過多，請重新索取',
    'otp.resend_too_soon': '索取驗證碼過於頻繁，請於60秒後再試',
    'otp.daily_limit': '今日索取驗證碼次數已達上限，請明天再試',

    'passkey.unknown_credential': '此通行密鑰未在本平台登記或已被刪除，請使用其他方式登入',
    'passkey.verification_failed': '通行密鑰驗證失敗，請再試',
    'passkey.challenge_expired': '通行密鑰請求已逾時或已使用，請重新操作',
    'passkey.already_registered': '此通行密鑰已經加入',
    'passkey.too_many': '通行密鑰數量已達上限，請先刪除不再使用的通行密鑰',
    'account.status_conflict': '帳戶目前的狀態不允許此操作',
    'account.cannot_disable_self': '不能停用自己的帳戶',
    'request.cursor_invalid': '分頁參數無效，請由第一頁重新查詢',

    'auth.invalid_credentials': '用戶名稱或密碼錯誤',
    'auth.account_locked': '登入失敗次數過多，帳戶已暫時鎖定',
    'auth.account_disabled': '帳戶已停用或尚未啟用',
    'auth.unauthenticated': '請先登入',
    'auth.forbidden': '閣下沒有權限進行此操作',

    'account.username_taken': '此用戶名稱已被登記',
    'account.id_number_taken': '此證件號碼已登記，請直接登入或重設密碼',
    'account.mobile_required': '此證件類別須提供內地手提電話號碼並完成短訊驗證',
    'account.email_required': '請提供並驗證電郵地址',
    'field.country_invalid': '請選擇正確的國家或地區',
    'field.country_mainland': '境外企業註冊不能選擇中國內地，境內企業請選擇企業註冊',
    'field.phone_invalid': '請輸入正確的電話號碼，可帶「+國家（地區）代碼」',
    'organization.registration_no_immutable': '所在國家(地區)註冊編號已填寫，不可修改',
    'account.org_code_taken': '組織機構代碼已存在',
    'account.credit_code_taken': '統一社會信用代碼已存在',
    'account.admin_exists': '該單位已註冊管理員帳戶，一家單位只能註冊一個管理員帳戶',
    'account.operator_id_taken': '本單位已存在相同證件類型及證件號碼的操作員',
    'account.admin_no_business': '管理員帳戶不可辦理業務，請使用操作員帳戶辦理',
    'account.phone_login_taken': '該帳戶對應的手機號碼已開啟手機號碼登入！',
    'account.mobile_missing': '該帳戶未綁定已驗證的手機號碼',
    'account.mobile_unchanged': '新手提電話號碼與目前綁定的號碼相同',
    'account.not_operator_admin': '只有單位管理員可進行此操作',
    'operator.card_bound': '操作員已綁卡，但管理員未綁卡，管理員不可對操作員進行修改或刪除',
    'operator.not_found': '該操作員不存在',
    'auth.first_sign_in_required': '首次登入請先驗證手機號碼並修改初始密碼',
    'auth.password_change_required': '為保障帳戶安全，請修改初始密碼',
    'auth.wrong_current_password': '原密碼錯誤',
    'auth.password_reused': '新密碼不能與原密碼相同',
    'e_license.session_unknown': '電子營業執照授權不存在或已過期，請重新掃碼',
    'e_license.pending': '尚未在電子營業執照中確認授權',
    'e_license.mismatch': '企業資料與電子營業執照不一致',
    'field.card_no_invalid': '卡號須為8至20位數字',
    'field.card_pin_invalid': '介質密碼須為6至16個字元，不可包含空格',
    'card.card_no_taken': '此卡號已發出，請更換卡號',
    'card.not_found': '找不到該卡介質',
    'card.already_revoked': '該卡介質已註銷',
    'card.certificate_malformed': '無法讀取卡介質證書，請確認插入的是本平台發出的IC卡或IKey',
    'card.foreign_ca': '該卡介質證書並非由本平台簽發',
    'card.certificate_expired': '卡介質證書已過有效期',
    'card.certificate_not_yet_valid': '卡介質證書尚未生效',
    'card.revoked': '該卡介質已註銷，不能使用',
    'card.unknown': '該卡介質未在本平台登記',
    'card.signature_invalid': '卡介質簽名驗證失敗，請重新插卡後再試',
    'card.challenge_expired': '卡介質驗證已逾時，請重新操作',
    'card.challenge_used': '卡介質驗證資料已使用，請重新操作',
    'card.override_required': '該企業管理員已綁定其他卡介質，是否以目前的卡取代原綁定（原帳戶可能被冒用）？',
    'card.organization_conflict': '卡內統一社會信用代碼已被其他組織機構代碼的企業註冊，請聯絡平台營運單位',
    'card.username_conflict': '卡介質對應的用戶名稱已被佔用，請聯絡平台營運單位',
    'card.wrong_organization': '該卡介質不屬於目前帳戶所屬企業',
    'card.role_mismatch': '法人卡只可綁定管理員帳戶，操作員卡只可綁定操作員帳戶',
    'card.holder_mismatch': '操作員卡的持卡人證件資料與目前帳戶不一致',
    'card.bound_elsewhere': '該卡介質已綁定其他帳戶',
    'account.activation_requires_card': '請以卡介質登入後再啟用帳戶',
    'account.already_active': '帳戶已啟用',
    'field.calendar_date_invalid': '日期格式不正確，請以YYYY-MM-DD填寫2000年至2100年間的日期',
    'field.calendar_year_invalid': '年份不正確，請填寫2000年至2100年間的年份',
    'calendar.workday_not_weekend': '只有星期六、星期日可以設為調休上班日',
    'casework.service_unknown': '辦理事項不存在',
    'casework.application_not_found': '申請不存在',
    'casework.applicant_kind_forbidden': '目前帳戶類型不能申請該事項',
    'casework.real_name_level_too_low': '帳戶實名認證等級不足，無法申請該事項',
    'consultations.not_found': '該諮詢不存在',
    'consultations.service_unknown': '該事項暫不提供在線諮詢',
    'consultations.closed': '本次諮詢已結束，如有問題請重新發起諮詢',
    'consultations.taken': '該諮詢已由其他坐席接入',
    'consultations.not_taken': '請先接入該諮詢再回覆',
    'consultations.reply_not_found': '該常用回覆不存在',
    'appointments.slot_not_found': '預約時段不存在',
    'appointments.slot_full': '該時段預約已滿，請選擇其他時段',
    'appointments.already_booked': '該車輛當天已有預約，請勿重複預約',
    'appointments.cutoff_passed': '預約和取消須在前一天中午12時前辦理',
    'appointments.day_out_of_range': '該日期不在可預約範圍內',
    'appointments.no_booking_needed': '當天免預約，可直接通關',
    'appointments.booking_not_found': '預約記錄不存在',
    'appointments.not_cancellable': '該預約已取消或已使用，不能取消',
    'appointments.capacity_below_booked': '時段名額不能少於已預約數',
    'appointments.slot_invalid': '時段的結束時間須晚於開始時間',
    'casework.transition_not_allowed': '申請目前狀態下不能進行該操作',
    'casework.role_forbidden': '您的崗位不能進行該操作',
    'casework.duty_forbidden': '該環節不在您的崗位職責內，請由相應崗位人員辦理',
    'staff.duty_unknown': '所選崗位不屬於該事項，或只有審核人員可以限定崗位',
    'casework.version_conflict': '該申請已被他人處理，請重新整理後查看最新狀態',
    'casework.attachment_required': '請上傳該附件',
    'casework.attachment_too_many': '該附件的檔案數量超出限制',
    'casework.assigned_to_other': '該申請已由其他審核人員領取',
    'casework.assignee_not_eligible': '被指派人不是該事項的審核人員',
    'casework.export_too_large': '符合條件的申請超過 50,000 條，請收窄篩選範圍後再匯出',
    'staff.not_found': '工作人員帳戶不存在',
    'staff.cannot_remove_own_admin': '不能取消自己的平台管理員角色',
    'casework.numbers_exhausted': '今日該事項受理編號已用完，請明日再試',
    'inbox.message_not_found': '該訊息不存在',
    'file.missing': '請選擇要上載的檔案',
    'file.empty': '檔案內容為空，請重新選擇',
    'file.too_large': '檔案大小超出限制',
    'file.type_not_allowed': '檔案類型不符合要求，請上載指定格式的檔案',
    'file.image_invalid': '圖片無法識別，檔案可能已損壞',
    'file.not_found': '檔案不存在或無權查看',
    'file.upload_token_invalid': '上載憑證無效，請重新上載該檔案',
    'file.in_use': '該檔案已作為申請附件，不能刪除',
    'casework.attachment_slot_unknown': '該事項沒有此類附件',
    'casework.attachment_not_editable': '申請目前狀態下不能修改附件',
    'casework.attachment_not_found': '該檔案不是此申請的附件',
    'casework.attachment_already_attached': '該檔案已加入此申請',
    'field.division_invalid': '請選擇正確的省、市、區縣',
    'field.postal_code_invalid': '郵政編碼為6位數字',
    'field.customs_code_invalid': '海關企業代碼為10位數字或字母',
    'field.inspection_code_invalid': '國檢企業代碼為10位數字',
    'registration.review_mode_off': '目前未開放註冊審核，請使用企業註冊',
    'registration.review_required': '企業註冊須經審核，請填寫企業註冊審核表',
    'registration.correction_link_invalid': '修改連結無效、已使用或已過期',
    'auth.registration_under_review': '註冊資料正在審核中，預計於 {dueDate} 前完成審核',
    'auth.registration_returned': '註冊申請未獲審核通過，請按電郵中的連結修改後重新提交',
    'casework.field_not_revealable': '此資料項不可查看',
    'recovery.link_invalid': '密碼重設連結無效、已使用或已過期，請重新找回密碼',
    'agency.unavailable': '核驗服務暫時無法連接，請稍後再試',
    'qualification.not_found': '查無本企業的登記資料，請核對統一社會信用代碼',
    'realname.mismatch': '身份資料核驗未通過，請核對姓名、證件類型及證件號碼',
    'realname.not_found': '查無此證件資料，請核對證件號碼',
    'realname.resident_id_only': '身份證認證方式只支援證件類型為身份證的情況，請先修改身份資料',
    'realname.identity_incomplete': '身份資料不完整',
    'realname.card_invalid': '銀行卡號有誤，請核對後重新輸入',
    'realname.account_invalid': '對公賬號有誤，請核對後重新輸入',
    'realname.account_mismatch': '該對公賬號不屬於本企業，請核對開戶銀行和賬號',
    'realname.enterprise_mismatch':
      '企業資料核驗未通過：法人的證件類型和證件號碼應與企業在市場局（原工商局）備案資料一致',
    'realname.flow_expired': '認證已逾時，請從第一步重新開始',
    'face.not_found': '人臉識別記錄不存在',
    'face.not_passed': '人臉識別未通過，請重新識別',
    'face.expired': '人臉識別已過期或已使用，請重新識別',
    'auth.session_replaced':
      '您的帳戶已在其他裝置登入，本機已登出。為保障資訊安全，同一時間只允許在一部裝置登入',
    'auth.step_up_required': '為確保您的個人私隱安全，請先完成人臉識別驗證',
    'hub.device_unbound': '本裝置尚未綁定帳戶，請先使用帳戶密碼或短訊驗證碼登入並設定登入密碼',
    'hub.pin_not_set': '本裝置尚未設定數字密碼，請使用人臉識別登入或在個人中心設定',
    'hub.pin_wrong': '數字密碼錯誤',
    'hub.pin_locked': '數字密碼錯誤次數過多，已鎖定，請使用人臉識別登入或稍後再試',
    'hub.pin_format': '請輸入6位數字密碼',
    'hub.pin_mismatch': '兩次輸入的數字密碼不一致',
    'hub.pin_weak': '數字密碼不能為相同或連續的數字',
    'content.category_required': '請選擇常見問題所屬的服務分類',
    'content.category_invalid': '服務分類不存在',
    'hub.appointment_unavailable': '當前城市暫不支援該預約服務',
    'hub.office_not_in_city': '所選辦理網點不在當前城市，請重新選擇',
    'hub.business_unknown': '請選擇預約業務',
    'hub.partner_required': '結婚登記、離婚登記須填寫另一方的姓名和身份證號碼',
    'hub.partner_is_self': '另一方不能是閣下本人',
    'hub.partner_same_sex': '結婚登記雙方須為一男一女',
    'hub.under_marriage_age': '未達法定婚齡（男不得早於二十二周歲，女不得早於二十周歲）',
    'hub.withdrawal_online':
      '您已在公積金網點辦理過提取，可在線直接辦理，無需預約（廣州、深圳用戶首次提取需前台預約）',
    'hub.first_withdrawal_required': '請選擇是否首次提取',
    'hub.appointment_not_found': '該預約不存在',
    'hub.resident_id_required': '該預約需使用居民身份證實名的帳戶辦理',
    'licences.not_found': '該證照不存在',
    'licences.not_held': '未查詢到您名下由廣東省內簽發的該證照，請確認證照資訊後再試',
    'licences.already_linked': '該證照已關聯，無需重複關聯',
    'licences.ssc_first_generation':
      '目前支援廣東省內簽發的二代實體社保卡關聯，請確認是否為二代社保卡（社保卡右上角有銀聯標識的為二代社保卡）',
    'licences.ssc_other_city': '如確認為二代社保卡，請把左上角的地市切換為您所繳納社保的城市，並再次嘗試關聯',
    'licences.housing_fund_city_unsupported':
      '公積金服務已支援全省（除東莞、惠州、揭陽）關聯查詢辦理，當前城市暫不支援',
    'licences.housing_fund_other_city': '請把左上角的地市切換為您所繳納公積金的城市，並再次嘗試關聯',
    'licences.birth_date_unsupported':
      '出生證電子證照關聯支援2014年1月1日至今出生（廣州、深圳、佛山、珠海為2018年5月1日至今）',
    'recovery.verification_failed': '驗證未通過，請核對填寫的資料',
    'recovery.identity_incomplete': '身份資料不完整',
    'recovery.too_many_attempts': '驗證失敗次數過多，請稍後再試或提交人工審核',
    'recovery.two_operators': '請填寫兩名操作員的手提電話號碼及驗證碼',
    'recovery.same_fact': '所選的兩項驗證為同一人的資料，請選擇其他驗證方式',
    'recovery.facts_needed': '請按要求選擇並填寫驗證項目',
    'recovery.no_two_operators': '該企業沒有兩個操作員，請選擇其他驗證方式',
    'recovery.enterprise_mismatch':
      '企業資料填寫有誤，建議您到「國家企業信用信息公示平台」核對本企業資料後重新提交，或點擊「提交人工審核」進入人工審核。',
    'recovery.e_license_mismatch':
      '電子營業執照驗證未通過：請使用本企業的電子營業執照掃碼並在小程式中確認授權',
    'recovery.no_matching_account': '沒有與申請資料全部一致的帳戶，不能審核通過，請填寫原因後退回',
    'content.not_found': '該文章不存在或未發佈',
    'content.version_conflict': '該文章已被他人修改，請重新整理後查看最新內容',
    'content.kind_invalid': '請選擇欄目：通知公告、政策法規或辦事指南',
    'content.body_too_long': '正文不能超過 50,000 個字元',
    'content.service_unknown': '該服務事項不存在',
    'content.translation_incomplete': '譯文須同時填寫標題和正文',
    'content.already_published': '該文章已發佈',
    'content.not_published': '該文章尚未發佈',
    'content.published_cannot_delete': '已發佈的文章須先撤回才能刪除',
    'field.icp_number_invalid': 'ICP備案號格式不正確，例如：京ICP备12345678号-1',
    'field.psb_number_invalid': '公安備案號格式不正確，例如：京公网安备 11010502030143号',
    'field.site_code_invalid': '網站標識碼為10位數字，或 bm 加8位數字',
    'field.hotline_invalid': '請輸入正確的電話號碼，例如：12345 或 010-12345678',
  },
  en: {
    'request.malformed_json': 'The request could not be read. Please refresh the page and try again.',
    'request.body_too_large': 'The submission is too large.',
    'request.validation_failed': 'Some of the information is incorrect. Please check and submit again.',
    'request.unsupported_media_type': 'This request format is not supported.',
    'request.not_found': 'The page or resource could not be found.',
    'request.method_not_allowed': 'This operation is not supported.',
    'request.rate_limited': 'Too many requests. Please try again later.',
    'request.csrf_failed': 'The page has expired. Please refresh and try again.',
    'server.internal': 'The system is busy. Please try again later.',
    'server.unavailable': 'The system is under maintenance. Please try again later.',

    'field.required': 'This field is required.',
    'field.invalid': 'The format is incorrect.',
    'field.too_long': 'The entry is too long.',
    'field.too_short': 'The entry is too short.',
    'field.unknown': 'The submission contains a field that is not accepted.',
    'field.control_character': 'The text contains a control character that is not allowed.',
    'field.malformed_text': 'The text contains characters that cannot be read.',
    'request.malformed_url': 'The address is not valid.',
    'request.header_too_large': 'The request headers are too large; clear this site’s cookies and retry.',
    'simulator.unavailable_in_production':
      'This outside service is not available (a simulator gives no data in production).',
    'field.id_number_invalid': 'The identity document number is invalid.',
    'field.credit_code_invalid': 'The unified social credit code is invalid.',
    'field.org_code_invalid': 'The organization code is invalid.',
    'field.mobile_invalid': 'Please enter a valid mainland China mobile number.',
    'field.email_invalid': 'Please enter a valid e-mail address.',
    'field.username_invalid': 'Username must be 6–18 lowercase letters, or letters combined with digits.',
    'field.password_weak':
      'Password must be 8–16 characters and include at least three of: upper-case letters, lower-case letters, digits and symbols.',
    'field.password_mismatch': 'The passwords do not match.',
    'field.date_invalid': 'Invalid date. Use YYYYMMDD, or 00000000 for long-term validity.',
    'field.date_range_invalid': 'The expiry date cannot be before the start date or already past.',
    'field.agreement_required': 'Please read and accept the user agreement.',
    'field.markup_not_allowed': 'Angle brackets and other markup are not allowed.',
    'field.name_invalid': 'The name contains characters that are not allowed.',
    'field.org_code_mismatch':
      'The organization code must equal characters 9–17 of the unified social credit code.',

    'captcha.invalid': 'The image code is wrong or has expired. Please refresh and try again.',
    'otp.invalid': 'The verification code is wrong.',
    'otp.expired': 'The verification code has expired. Please request a new one.',
    'otp.too_many_attempts': 'Too many wrong verification codes. Please request a new one.',
    'otp.resend_too_soon': 'A code was sent recently. Please try again in 60 seconds.',
    'otp.daily_limit': 'The daily limit for verification codes has been reached. Please try again tomorrow.',

    'passkey.unknown_credential':
      'This passkey is not registered here or was removed. Please sign in another way.',
    'passkey.verification_failed': 'The passkey could not be verified. Please try again.',
    'passkey.challenge_expired': 'The passkey request expired or was already used. Please start again.',
    'passkey.already_registered': 'This passkey has already been added.',
    'passkey.too_many': 'The maximum number of passkeys is reached. Remove one you no longer use first.',
    'account.status_conflict': 'The account status does not allow this change.',
    'account.cannot_disable_self': 'You cannot disable your own account.',
    'request.cursor_invalid': 'The page position is invalid. Please search again from the first page.',

    'auth.invalid_credentials': 'Incorrect username or password.',
    'auth.account_locked': 'Too many failed sign-in attempts. The account is temporarily locked.',
    'auth.account_disabled': 'The account is disabled or not yet activated.',
    'auth.unauthenticated': 'Please sign in first.',
    'auth.forbidden': 'You do not have permission to do this.',

    'account.username_taken': 'This username is already registered.',
    'account.id_number_taken':
      'This identity document is already registered. Please sign in or reset your password.',
    'account.mobile_required': 'This ID type requires a mainland China mobile number verified by SMS.',
    'account.email_required': 'Please enter and verify an e-mail address.',
    'field.country_invalid': 'Please choose a valid country or region.',
    'field.country_mainland':
      'Mainland China cannot be chosen for an overseas enterprise. Domestic enterprises use enterprise sign-up.',
    'field.phone_invalid': 'Please enter a valid telephone number, optionally with + and the country code.',
    'organization.registration_no_immutable':
      'The registration number in the country or region has already been set and cannot be changed.',
    'account.org_code_taken': 'This organization code is already registered.',
    'account.credit_code_taken': 'This unified social credit code is already registered.',
    'account.admin_exists':
      'This organization already has an administrator account; an organization has only one.',
    'account.operator_id_taken':
      'An operator with this ID type and number already exists in your organization.',
    'account.admin_no_business':
      'An administrator account cannot perform business operations. Please use an operator account.',
    'account.phone_login_taken': 'Mobile sign-in is already on for this number on another account.',
    'account.mobile_missing': 'This account has no verified mobile number.',
    'account.mobile_unchanged': 'The new mobile number is the one already bound.',
    'account.not_operator_admin': 'Only the organization administrator can do this.',
    'operator.card_bound':
      'The operator has a bound card but you (the administrator) have none, so you cannot change or delete this operator.',
    'operator.not_found': 'No such operator.',
    'auth.first_sign_in_required':
      'At first sign-in, verify your mobile number and change the initial password.',
    'auth.password_change_required': 'For your security, please change the initial password.',
    'auth.wrong_current_password': 'The current password is wrong.',
    'auth.password_reused': 'The new password must differ from the current one.',
    'e_license.session_unknown': 'The e-business-licence authorization is unknown or expired; scan again.',
    'e_license.pending': 'The authorization has not been confirmed in the e-business licence app yet.',
    'e_license.mismatch': 'The enterprise data differs from the e-business licence.',
    'field.card_no_invalid': 'A card number is 8 to 20 digits.',
    'field.card_pin_invalid': 'The card PIN must be 6 to 16 characters without spaces.',
    'card.card_no_taken': 'A card with this number has already been issued; choose another number.',
    'card.not_found': 'The card could not be found.',
    'card.already_revoked': 'The card has already been revoked.',
    'card.certificate_malformed':
      'The card certificate cannot be read. Make sure it is an IC card or IKey issued by this platform.',
    'card.foreign_ca': 'The card certificate was not issued by this platform.',
    'card.certificate_expired': 'The card certificate has expired.',
    'card.certificate_not_yet_valid': 'The card certificate is not valid yet.',
    'card.revoked': 'The card has been revoked and cannot be used.',
    'card.unknown': 'This card is not registered with the platform.',
    'card.signature_invalid': 'The card signature could not be verified. Re-insert the card and try again.',
    'card.challenge_expired': 'The card check timed out. Please try again.',
    'card.challenge_used': 'The card check was already used. Please try again.',
    'card.override_required':
      "Another card is bound to your organization's administrator. Replace it with this card? (The account may have been misused.)",
    'card.organization_conflict':
      "The card's unified social credit code is registered to an organization with another organization code. Please contact the platform operator.",
    'card.username_conflict':
      'The username for this card is already taken. Please contact the platform operator.',
    'card.wrong_organization': "This card does not belong to the signed-in account's organization.",
    'card.role_mismatch':
      'A legal-person card binds to the administrator; an operator card binds to an operator.',
    'card.holder_mismatch': "The operator card's holder ID differs from the signed-in operator's.",
    'card.bound_elsewhere': 'This card is already bound to another account.',
    'account.activation_requires_card': 'Sign in with the card first, then activate the account.',
    'account.already_active': 'The account is already activated.',
    'field.calendar_date_invalid': 'Invalid date. Use YYYY-MM-DD, a day between 2000 and 2100.',
    'field.calendar_year_invalid': 'Invalid year. Use a year between 2000 and 2100.',
    'calendar.workday_not_weekend': 'Only a Saturday or Sunday can be made a make-up working day.',
    'casework.service_unknown': 'No such service.',
    'casework.application_not_found': 'No such application.',
    'casework.applicant_kind_forbidden': 'Accounts of this kind cannot apply for this service.',
    'casework.real_name_level_too_low':
      "The account's real-name verification level is too low for this service.",
    'consultations.not_found': 'No such conversation',
    'consultations.service_unknown': 'This service offers no online consultation',
    'consultations.closed': 'This conversation has ended; start a new one if you still need help',
    'consultations.taken': 'Another seat has already taken this conversation',
    'consultations.not_taken': 'Take the conversation before answering it',
    'consultations.reply_not_found': 'No such canned answer',
    'appointments.slot_not_found': 'No such time slot.',
    'appointments.slot_full': 'This time slot is fully booked; choose another.',
    'appointments.already_booked': 'This vehicle already has a booking on that day.',
    'appointments.cutoff_passed': 'Bookings and cancellations close at noon the day before.',
    'appointments.day_out_of_range': 'That day is not open for booking.',
    'appointments.no_booking_needed': 'No booking is needed on that day; cross directly.',
    'appointments.booking_not_found': 'No such booking.',
    'appointments.not_cancellable': 'The booking has already been cancelled or used.',
    'appointments.capacity_below_booked': 'A slot cannot hold fewer places than are already booked.',
    'appointments.slot_invalid': 'A slot must end after it starts.',
    'casework.transition_not_allowed': "This action is not possible in the application's current state.",
    'casework.role_forbidden': 'Your role cannot take this action.',
    'casework.duty_forbidden': 'This step belongs to a duty you are not assigned to.',
    'staff.duty_unknown': 'The service has no such duty, or only a reviewer grant can be limited to duties.',
    'casework.version_conflict':
      'Someone else has changed this application. Refresh to see its current state.',
    'casework.attachment_required': 'Please upload this attachment.',
    'casework.attachment_too_many': 'Too many files for this attachment.',
    'casework.assigned_to_other': 'Another reviewer has taken this application.',
    'casework.assignee_not_eligible': 'The assignee is not a reviewer or supervisor of this service.',
    'casework.export_too_large': 'More than 50,000 applications match: narrow the filters to export.',
    'staff.not_found': 'No such staff account.',
    'staff.cannot_remove_own_admin': 'You cannot remove your own platform-admin role.',
    'casework.numbers_exhausted':
      "Today's application numbers for this service are used up. Try again tomorrow.",
    'inbox.message_not_found': 'This message does not exist.',
    'file.missing': 'Please choose a file to upload.',
    'file.empty': 'The file is empty. Please choose another.',
    'file.too_large': 'The file is too large.',
    'file.type_not_allowed':
      'This type of file is not accepted here. Please upload one of the listed formats.',
    'file.image_invalid': 'The image cannot be read; the file may be damaged.',
    'file.not_found': 'The file does not exist or you may not view it.',
    'file.upload_token_invalid': 'The upload is no longer valid. Please upload the file again.',
    'file.in_use': 'The file is attached to an application and cannot be deleted.',
    'casework.attachment_slot_unknown': 'This service has no such attachment.',
    'casework.attachment_not_editable': "Attachments cannot be changed in the application's current state.",
    'casework.attachment_not_found': 'The file is not attached to this application.',
    'casework.attachment_already_attached': 'The file is already attached to this application.',
    'field.division_invalid': 'Please choose a valid province, city and district.',
    'field.postal_code_invalid': 'A postal code is 6 digits.',
    'field.customs_code_invalid': 'The customs enterprise code is 10 letters or digits.',
    'field.inspection_code_invalid': 'The inspection enterprise code is 10 digits.',
    'registration.review_mode_off':
      'Registration with review is not open. Please use the enterprise registration.',
    'registration.review_required':
      'Enterprise registrations are reviewed. Please use the registration form with review.',
    'registration.correction_link_invalid': 'The correction link is invalid, already used or expired.',
    'auth.registration_under_review': 'Your registration is under review and will be decided by {dueDate}.',
    'auth.registration_returned':
      'Your registration was returned. Please correct it through the link in the e-mail and resubmit.',
    'casework.field_not_revealable': 'This item cannot be shown.',
    'recovery.link_invalid':
      'The password reset link is invalid, already used or expired. Please start again.',
    'agency.unavailable': 'The verification service cannot be reached. Please try again later.',
    'qualification.not_found':
      'The agency holds no record of this enterprise. Check the unified social credit code.',
    'realname.mismatch': 'Identity verification failed. Check the name, ID type and ID number.',
    'realname.not_found': 'No such identity document was found. Check the number.',
    'realname.resident_id_only':
      'Identity card verification needs a resident identity card. Change your identity details first.',
    'realname.identity_incomplete': 'The identity information is incomplete.',
    'realname.card_invalid': 'The bank card number is wrong. Check it and try again.',
    'realname.account_invalid': 'The corporate account number is wrong. Check it and try again.',
    'realname.account_mismatch':
      'This corporate account does not belong to your enterprise. Check the bank and the number.',
    'realname.enterprise_mismatch':
      'The enterprise check failed: the legal representative’s document must match the market regulator’s record.',
    'realname.flow_expired': 'The check timed out. Start again from the first step.',
    'face.not_found': 'No such face check.',
    'face.not_passed': 'The face check did not pass. Please try again.',
    'face.expired': 'The face check expired or was already used. Please start again.',
    'auth.session_replaced':
      'Your account signed in on another device, so this one was signed out. For your security, only one device may be signed in at a time.',
    'auth.step_up_required': 'To protect your personal data, please verify your face first.',
    'hub.device_unbound':
      'This device is not linked to an account yet. Sign in with your password or an SMS code first, then set a PIN.',
    'hub.pin_not_set': 'No PIN is set on this device. Use the face check, or set one in My account.',
    'hub.pin_wrong': 'Wrong PIN.',
    'hub.pin_locked': 'Too many wrong PINs: the PIN is locked. Use the face check or try again later.',
    'hub.pin_format': 'Enter a six-digit PIN.',
    'hub.pin_mismatch': 'The two PINs do not match.',
    'hub.pin_weak': 'The PIN may not be six equal or consecutive digits.',
    'content.category_required': 'Choose the category this question belongs to.',
    'content.category_invalid': 'No such category.',
    'hub.appointment_unavailable': 'This booking is not offered in the chosen city.',
    'hub.office_not_in_city': 'The office is not in the chosen city. Choose another.',
    'hub.business_unknown': 'Choose what the booking is for.',
    'hub.partner_required': 'A marriage or divorce registration needs the other party’s name and ID number.',
    'hub.partner_is_self': 'The other party cannot be yourself.',
    'hub.partner_same_sex': 'A marriage registration is for a man and a woman.',
    'hub.under_marriage_age': 'Below the legal age of marriage (22 for men, 20 for women).',
    'hub.withdrawal_online':
      'You have withdrawn before: do it online, no booking needed (Guangzhou and Shenzhen book only a first withdrawal).',
    'hub.first_withdrawal_required': 'Say whether this is your first withdrawal.',
    'hub.appointment_not_found': 'No such booking.',
    'hub.resident_id_required': 'These bookings need an account with a mainland resident ID.',
    'licences.not_found': 'No such licence.',
    'licences.not_held': 'The issuing authority holds no such licence issued in Guangdong for you.',
    'licences.already_linked': 'This licence is already linked.',
    'licences.ssc_first_generation':
      'Only second-generation social security cards issued in Guangdong can be linked (they carry the UnionPay logo at the top right).',
    'licences.ssc_other_city':
      'If it is a second-generation card, switch the city at the top left to the city where you pay social insurance and try again.',
    'licences.housing_fund_city_unsupported':
      'Housing fund services cover every city of the province except Dongguan, Huizhou and Jieyang.',
    'licences.housing_fund_other_city':
      'Switch the city at the top left to the city where you pay into the housing fund and try again.',
    'licences.birth_date_unsupported':
      'Birth certificates can be linked for births from 1 January 2014 (from 1 May 2018 in Guangzhou, Shenzhen, Foshan and Zhuhai).',
    'recovery.verification_failed': 'Verification failed. Please check what you entered.',
    'recovery.identity_incomplete': 'The account’s identity information is incomplete for this method.',
    'recovery.too_many_attempts':
      'Too many failed verifications. Try again later or submit for manual review.',
    'recovery.two_operators': 'Enter two operators’ mobile numbers, each with its code.',
    'recovery.same_fact': 'Two of the chosen checks are about the same person. Choose another check.',
    'recovery.facts_needed': 'Choose and fill in the checks this recovery needs.',
    'recovery.no_two_operators': 'The enterprise does not have two operators. Choose another check.',
    'recovery.enterprise_mismatch':
      'The enterprise information is wrong. Check it on the National Enterprise Credit Information Publicity System and submit again, or submit it for manual review.',
    'recovery.e_license_mismatch':
      'The e-business licence check failed: scan with your own enterprise’s licence and confirm in the licence app.',
    'recovery.no_matching_account':
      'No account agrees with every fact of this request, so it cannot be approved. Reject it with a reason.',
    'content.not_found': 'This article does not exist or is not published.',
    'content.version_conflict': 'Someone else changed this article. Reload it to see the latest version.',
    'content.kind_invalid': 'Choose a section: notices, policies or service guides.',
    'content.body_too_long': 'The body cannot be longer than 50,000 characters.',
    'content.service_unknown': 'There is no such service.',
    'content.translation_incomplete': 'A translation needs both a title and a body.',
    'content.already_published': 'This article is already published.',
    'content.not_published': 'This article is not published.',
    'content.published_cannot_delete': 'Unpublish the article before deleting it.',
    'field.icp_number_invalid': 'Not a valid ICP filing number, e.g. 京ICP备12345678号-1.',
    'field.psb_number_invalid':
      'Not a valid public-security filing number, e.g. 京公网安备 11010502030143号.',
    'field.site_code_invalid': 'The site identification code is 10 digits, or bm followed by 8 digits.',
    'field.hotline_invalid': 'Please enter a valid telephone number, e.g. 12345 or 010-12345678.',
  },
};

/**
 * The message of a code in a locale; `{name}` placeholders (e.g. `{dueDate}` of
 * `auth.registration_under_review`) are filled from `params` when given.
 */
const serviceMessages = new Map<string, Record<Locale, string>>();

/** Adds the field error messages a service's contract declares (defineServiceContract does). */
export function registerServiceErrors(errors: Readonly<Partial<Record<string, Record<Locale, string>>>>) {
  for (const [code, texts] of Object.entries(errors)) if (texts) serviceMessages.set(code, texts);
}

/** Whether `code` is a field error code a loaded service declared. */
export function isServiceErrorCode(code: string): code is ServiceErrorCode {
  return serviceMessages.has(code);
}

/** The message of a field error code, the platform's or a service's; null when unknown. */
export function fieldErrorMessage(code: string, locale: Locale): string | null {
  if (isErrorCode(code)) return errorMessage(code, locale);
  return serviceMessages.get(code)?.[locale] ?? null;
}

export function errorMessage(code: ErrorCode, locale: Locale, params?: Record<string, string>): string {
  const message = ERROR_MESSAGES[locale][code];
  if (!params) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

const ATTEMPTS_LEFT: Record<Locale, string> = {
  'zh-CN': '，还可尝试{n}次',
  'zh-HK': '，還可嘗試{n}次',
  en: ' ({n} attempts left before the account is locked)',
};
const RETRY_IN: Record<Locale, string> = {
  'zh-CN': '（约{m}分钟后可再试）',
  'zh-HK': '（約{m}分鐘後可再試）',
  en: ' (try again in about {m} min)',
};

/**
 * A problem's message with what its extensions add: the day a review ends (`dueAt`, already
 * formatted by the caller as `dueDate`), the tries left before a lock, the minutes until it lifts.
 * Server (problem+json `detail`) and web (translation by code) both word problems through this.
 */
export function problemText(
  code: ErrorCode,
  locale: Locale,
  ext: { dueDate?: string; remainingAttempts?: number; retryAfterSeconds?: number } = {},
): string {
  let text = errorMessage(code, locale, ext.dueDate ? { dueDate: ext.dueDate } : undefined);
  if (typeof ext.remainingAttempts === 'number' && ext.remainingAttempts > 0) {
    text = text.replace(/[。.]$/, '') + ATTEMPTS_LEFT[locale].replace('{n}', String(ext.remainingAttempts));
  }
  if (typeof ext.retryAfterSeconds === 'number' && ext.retryAfterSeconds > 0) {
    const minutes = Math.max(1, Math.ceil(ext.retryAfterSeconds / 60));
    text = text.replace(/[。.]$/, '') + RETRY_IN[locale].replace('{m}', String(minutes));
  }
  return text;
}

/** A day as problem details name it, in China's time zone: 2026年11月24日 / 24 November 2026. */
export function formatProblemDay(iso: string, locale: Locale): string {
  const tag = locale === 'en' ? 'en-GB' : locale === 'zh-HK' ? 'zh-HK' : 'zh-CN';
  return new Intl.DateTimeFormat(tag, { timeZone: 'Asia/Shanghai', dateStyle: 'long' }).format(new Date(iso));
}

export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** Maps one language tag to a supported locale, or null when none fits. */
function localeOfTag(tag: string): Locale | null {
  const [language, ...subtags] = tag.toLowerCase().split(/[-_]/);
  if (language === 'en') return 'en';
  if (language === 'yue') return 'zh-HK'; // Cantonese readers get Traditional Chinese
  if (language !== 'zh') return null;
  if (subtags.includes('hans')) return 'zh-CN';
  if (subtags.includes('hant') || subtags.some((s) => s === 'hk' || s === 'tw' || s === 'mo')) return 'zh-HK';
  return 'zh-CN';
}

/**
 * The best supported locale for an Accept-Language header, honouring q-values (RFC 9110 §12.5.4):
 * zh-HK/zh-TW/zh-MO/zh-Hant* → zh-HK, other zh* → zh-CN, en* → en; otherwise zh-CN.
 */
export function resolveLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranges = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      let q = 1;
      for (const param of params) {
        const m = /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(param);
        if (m) q = Number(m[1]);
      }
      return { tag: tag.trim(), q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((r) => r.tag !== '' && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranges) {
    const locale = localeOfTag(tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}

/** Type guard for a locale string (e.g. from a cookie or query parameter). */
export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}
