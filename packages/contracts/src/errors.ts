/**
 * Stable error codes. Every problem+json response carries one of these in `code`;
 * the web app translates by code. Never rename a code: add a new one.
 */
export const ERROR_CODES = {
  // generic HTTP-level failures
  'request.malformed_json': 'The body is not valid JSON.',
  'request.body_too_large': 'The body exceeds the size limit.',
  'request.validation_failed': 'One or more fields are invalid; see `errors`.',
  'request.unsupported_media_type': 'The Content-Type is not accepted by this route.',
  'request.not_found': 'No such API route or resource.',
  'request.method_not_allowed': 'The method is not allowed on this route.',
  'request.rate_limited': 'Too many requests from this client; retry later.',
  'request.csrf_failed': 'The CSRF token is missing or does not match.',
  'server.internal': 'An unexpected error; the request id identifies it in the logs.',
  'server.unavailable': 'The service is not ready (database unreachable or migrating).',

  // field-level validation (used in `errors[].code`)
  'field.required': 'The field is required.',
  'field.invalid': 'The value is not valid for this field.',
  'field.too_long': 'The value is longer than allowed.',
  'field.too_short': 'The value is shorter than allowed.',
  'field.unknown': 'The field is not accepted by this route.',
  'field.control_character':
    'The text holds a control character (NUL and the like; tab and line breaks only where a field allows them).',
  'field.malformed_text': 'The text is not well-formed Unicode (a lone surrogate half).',
  'request.malformed_url': 'The URL is not validly percent-encoded.',
  'request.header_too_large': 'The request headers are larger than the server accepts (431).',
  'simulator.unavailable_in_production':
    'A simulated agency adapter in production: it answers nothing about real people or enterprises.',
  'field.id_number_invalid': 'The identity document number fails its format or check digit.',
  'field.credit_code_invalid': 'The unified social credit code fails GB 32100.',
  'field.org_code_invalid': 'The organization code fails GB 11714.',
  'field.mobile_invalid': 'Not a mainland mobile number.',
  'field.email_invalid': 'Not an e-mail address.',
  'field.username_invalid': 'Username must be 6–18 lowercase letters, or letters with digits.',
  'field.password_weak': 'Password must be 8–16 characters with three of: upper, lower, digit, symbol.',
  'field.password_mismatch': 'Password and confirmation differ.',
  'field.date_invalid': 'Not a valid date (YYYYMMDD; 00000000 means long-term).',
  'field.date_range_invalid': 'The end date is before the start date, or already past.',
  'field.agreement_required': 'The user agreement must be accepted.',
  'field.markup_not_allowed': 'Markup (< or >) is not allowed in this field.',
  'field.name_invalid':
    "A name may hold letters, spaces and · . ' - only (organizations also digits and ( ) & ,).",
  'field.org_code_mismatch':
    'The organization code must equal characters 9–17 of the unified social credit code.',

  // captcha and one-time codes
  'captcha.invalid': 'The image captcha is wrong, expired or already used.',
  'otp.invalid': 'The verification code is wrong.',
  'otp.expired': 'The verification code has expired or was already used; request a new one.',
  'otp.too_many_attempts': 'Too many wrong codes; request a new one.',
  'otp.resend_too_soon': 'A code was sent less than 60 seconds ago.',
  'otp.daily_limit': 'The daily number of codes for this number or address is reached.',

  // authentication and sessions
  'auth.invalid_credentials': 'Username or password is wrong (never says which).',
  'auth.account_locked': 'Too many failed sign-ins; the account is temporarily locked.',
  'auth.account_disabled': 'The account cannot sign in (disabled or not activated).',
  'auth.unauthenticated': 'Sign in first.',
  'auth.forbidden': 'The signed-in account may not do this.',

  // accounts
  'account.username_taken': 'The username is already registered (case-insensitive).',
  'account.id_number_taken': 'An account of this kind already exists for this identity document.',
  'account.mobile_required': 'A mainland mobile number with its SMS code is required for this ID type.',
  'account.email_required': 'A verified e-mail is required.',

  // overseas and HK/Macao/Taiwan enterprises (seed 004 §1.5, §3.1)
  'field.country_invalid': 'Not an ISO 3166-1 alpha-3 country or region code.',
  'field.country_mainland':
    'Mainland China cannot be chosen for an overseas enterprise; register as a domestic one.',
  'field.phone_invalid':
    'Not a telephone number (digits with an optional + country code, spaces, hyphens, extension).',
  'organization.registration_no_immutable':
    'The registration number in the country or region is already set and cannot be changed.',
  'account.org_code_taken': 'An organization with this organization code is already registered.',
  'account.credit_code_taken': 'An organization with this unified social credit code is already registered.',
  'account.admin_exists': 'The organization already has its one administrator.',
  'account.operator_id_taken': 'An operator with this ID type and number already exists in the organization.',
  'account.admin_no_business':
    'An administrator account cannot perform business operations; use an operator account.',
  'account.phone_login_taken': 'Another account already signs in with this mobile number.',
  'account.mobile_missing': 'The account has no verified mobile number.',
  'account.mobile_unchanged': 'The new mobile number is the one already bound.',
  'account.not_operator_admin': 'Only an organization administrator can do this.',
  'operator.card_bound':
    'The operator has a bound card and the administrator has none: no change or deletion (004 §3.2).',
  'operator.not_found': 'No such operator in this organization.',
  'auth.first_sign_in_required': 'Verify the mobile number and change the initial password first.',
  'auth.password_change_required': 'Change the initial password first.',
  'auth.wrong_current_password': 'The current password is wrong.',
  'auth.password_reused': 'The new password must differ from the current one.',
  'e_license.session_unknown': 'The e-business-licence authorization is unknown or has expired.',
  'e_license.pending': 'The e-business-licence authorization has not been confirmed yet.',
  'e_license.mismatch': 'The enterprise data differs from the e-business licence.',

  // passkeys (WebAuthn)
  'passkey.unknown_credential': 'The passkey is not registered here (never added, or removed).',
  'passkey.verification_failed': 'The passkey response did not verify (signature, origin, counter, user).',
  'passkey.challenge_expired': 'The passkey request expired or was already used; start again.',
  'passkey.already_registered': 'This passkey is already registered.',
  'passkey.too_many': 'The account has the most passkeys allowed; remove one first.',

  // console account administration
  'account.status_conflict': 'The account is not in a status that allows this change.',
  'account.cannot_disable_self': 'A staff member cannot disable their own account.',
  'request.cursor_invalid': 'The page cursor is malformed; start from the first page.',

  // card media (IC 卡 / IKey): issuance, card sign-in, binding, activation (seed 004 §1.2.1.1, §2.2, §3.1, §3.3)
  'field.card_no_invalid': 'A card number is 8–20 digits.',
  'field.card_pin_invalid': 'The card PIN (介质密码) must be 6–16 printable characters without spaces.',
  'card.card_no_taken': 'A card with this number has already been issued.',
  'card.not_found': 'No such card.',
  'card.already_revoked': 'The card is already revoked.',
  'card.certificate_malformed': 'The card certificate cannot be read (not a PEM or DER X.509 certificate).',
  'card.foreign_ca': 'The card certificate was not issued by this platform.',
  'card.certificate_expired': 'The card certificate has expired.',
  'card.certificate_not_yet_valid': 'The card certificate is not valid yet.',
  'card.revoked': 'The card has been revoked.',
  'card.unknown': 'The certificate is not one of the cards this platform issued.',
  'card.signature_invalid': 'The signature over the challenge does not verify with the card certificate.',
  'card.challenge_expired': 'The card challenge is unknown or older than two minutes; request a new one.',
  'card.challenge_used': 'The card challenge was already used; request a new one.',
  'card.override_required':
    'Another card is bound to the administrator; confirm to replace it (the account may have been misused).',
  'card.organization_conflict':
    "The card's credit code belongs to an organization registered with another organization code.",
  'card.username_conflict': 'The username the card would create is already taken.',
  'card.wrong_organization': "The card belongs to another organization than the signed-in account's.",
  'card.role_mismatch': 'A legal-person card binds to the administrator, an operator card to an operator.',
  'card.holder_mismatch': "The operator card's holder ID differs from the signed-in operator's.",
  'card.bound_elsewhere': 'The card is already bound to another account.',
  'account.activation_requires_card': 'Activate the account while signed in with its card.',
  'account.already_active': 'The account is already activated.',

  // working-day calendar (issue 4 §3)
  'field.calendar_date_invalid': 'Not a calendar day written YYYY-MM-DD in the years 2000–2100.',
  'field.calendar_year_invalid': 'Not a year between 2000 and 2100.',
  'calendar.workday_not_weekend': 'Only a Saturday or Sunday can be made a make-up workday (调休上班).',

  // casework engine (issue 4 §1–§2)
  'casework.service_unknown': 'No online service (事项) has this code.',
  'casework.application_not_found': 'No such application.',
  'casework.applicant_kind_forbidden': 'Accounts of this kind may not apply for this service.',
  'casework.real_name_level_too_low':
    'The account has not reached the real-name level this service requires.',
  'appointments.slot_not_found': 'No such time slot.',
  'appointments.slot_full': 'The time slot has no place left.',
  'appointments.already_booked': 'The subject already has a live booking on that day.',
  'appointments.cutoff_passed': 'Booking or cancelling that day closed at noon the day before.',
  'appointments.day_out_of_range': 'The day is not open for booking yet, or has passed.',
  'appointments.no_booking_needed': 'No booking is needed on that day.',
  'appointments.booking_not_found': 'No such booking of yours.',
  'appointments.not_cancellable': 'The booking is no longer live.',
  'appointments.capacity_below_booked': 'A slot cannot hold fewer places than are already booked.',
  'appointments.slot_invalid': 'A slot must end after it starts, within the day.',
  'consultations.not_found': 'No such conversation of yours (or, for staff, of a service you serve).',
  'consultations.service_unknown': 'No registered service has this code.',
  'consultations.closed': 'The conversation has ended; open a new one.',
  'consultations.taken': 'Another seat has taken this conversation.',
  'consultations.not_taken': 'Take the conversation from the queue before answering it.',
  'consultations.reply_not_found': 'No such canned answer.',
  'casework.transition_not_allowed': 'The action cannot be taken on the application in its current state.',
  'casework.role_forbidden': 'The action belongs to another role (applicant, reviewer or supervisor).',
  'casework.duty_forbidden': 'The step belongs to a duty (岗位) the reviewer is not granted.',
  'staff.duty_unknown': 'A duty the service does not name, or duties on a grant other than reviewer.',
  'casework.version_conflict':
    'The application was changed by someone else; `current` carries its status and version now.',
  'casework.attachment_required': 'This attachment is required.',
  'casework.attachment_too_many': 'Too many files in this attachment slot.',
  'casework.assigned_to_other': 'Another reviewer has taken this application.',
  'staff.not_found': 'No staff account has this id.',
  'staff.cannot_remove_own_admin': 'A platform admin cannot remove their own platform-admin role.',
  'casework.export_too_large': 'More than 50,000 applications match: narrow the filters to export.',
  'casework.assignee_not_eligible': 'The assignee is not a reviewer or supervisor of this service.',
  'casework.numbers_exhausted': "Today's application numbers for this service are used up (999999).",

  // in-site messages (站内信, seed 000 §4.9)
  'inbox.message_not_found': "No such message in the signed-in account's inbox.",

  // uploaded files and application attachments (issue 4 §4)
  'file.missing': 'The multipart body has no file in its `file` field.',
  'file.empty': 'The file is empty.',
  'file.too_large': "The file exceeds its attachment slot's size limit (413).",
  'file.type_not_allowed':
    'The type recognised from the content (never the name) is not one the attachment slot accepts (415).',
  'file.image_invalid': 'The content starts like an image but cannot be decoded; it may be damaged.',
  'file.not_found': 'No such file, or not one the caller may see (existence is not revealed).',
  'file.upload_token_invalid': 'The upload token does not match the file, or the file was already claimed.',
  'file.in_use': 'The file is attached to an application and cannot be deleted.',
  'casework.attachment_slot_unknown': 'The service has no attachment slot of this name.',
  'casework.attachment_not_editable':
    'Attachments change only while a draft, or in a state where the applicant corrects the form.',
  'casework.attachment_not_found': 'The file is not attached to this application.',
  'casework.attachment_already_attached': 'The file is already attached to this application.',

  // registration with review (seed 001 §2.3–§2.6) and password recovery by e-mail
  'field.division_invalid': 'Not a GB/T 2260 province, city and county or district that belong together.',
  'field.postal_code_invalid': 'A postal code is 6 digits.',
  'field.customs_code_invalid': 'A customs enterprise code is 10 letters or digits.',
  'field.inspection_code_invalid': 'An inspection enterprise code is 10 digits.',
  'registration.review_mode_off':
    'Registration with review is switched off (「注册需审核」); register through the immediate form.',
  'registration.review_required':
    'Enterprises register through the form with review while 「注册需审核」 is on.',
  'registration.correction_link_invalid':
    'The correction link is unknown, already used or expired; a new one comes with the next review (410).',
  'auth.registration_under_review':
    'The registration is still under review; `dueAt` carries the end of the review period.',
  'auth.registration_returned':
    'The registration was returned for correction; follow the link in the e-mail and resubmit.',
  'casework.field_not_revealable': 'The path is not a personal field of this application, or it is empty.',
  'recovery.link_invalid': 'The password reset link is unknown, already used or expired (410).',
  'agency.unavailable':
    'An agency (identity source, bank) did not answer in time or is down (503); try again later.',
  'qualification.not_found': 'The agency holds no record of this organization’s credit code.',
  'realname.mismatch': 'The agency does not hold this name for this identity document.',
  'realname.not_found': 'The agency holds no such identity document.',
  'realname.resident_id_only':
    '身份证认证 needs a resident identity card as the account’s document (change it first).',
  'realname.identity_incomplete': 'The account has no identity document to check.',
  'face.not_found': 'No such face check of this account.',
  'face.not_passed': 'The face check did not pass (liveness failed, not the person, or not finished).',
  'face.expired': 'The face check expired or was already used; start a new one.',
  'auth.session_replaced': 'Signed in on another device: this session ended (one device at a time).',
  'auth.step_up_required': 'Personal data needs a face check within the last five minutes.',
  'hub.device_unbound': 'This browser is not bound to an account: sign in in full first, then set a PIN.',
  'hub.pin_not_set': 'No PIN is set on this device; use the face check or set one in 个人中心.',
  'hub.pin_wrong': 'Wrong PIN.',
  'hub.pin_locked': 'Five wrong PINs: the PIN is locked for a while (retryAfterSeconds).',
  'hub.pin_format': 'A PIN is six digits.',
  'hub.pin_mismatch': 'The two PINs differ.',
  'hub.pin_weak': 'Six equal or consecutive digits are refused.',
  'content.category_required': 'A FAQ needs the category it answers for.',
  'content.category_invalid': 'Not a category of the catalogue.',
  'hub.appointment_unavailable': 'This booking is not offered in the chosen city.',
  'hub.office_not_in_city': 'The office is not one of this service’s offices in the chosen city.',
  'hub.business_unknown': 'Not a business this booking offers.',
  'hub.partner_required': 'A marriage or divorce registration needs the other party.',
  'hub.partner_is_self': 'The other party is the applicant.',
  'hub.partner_same_sex': 'A marriage registration needs a man and a woman (婚姻法).',
  'hub.under_marriage_age': 'Below the legal age of marriage (men 22, women 20) on the booked day.',
  'hub.withdrawal_online':
    'In Guangzhou and Shenzhen only a first withdrawal is booked; later ones are online.',
  'hub.first_withdrawal_required': 'Say whether this is the first withdrawal.',
  'hub.appointment_not_found': 'No such booking of yours.',
  'hub.resident_id_required': 'These bookings need a mainland resident ID on the account.',
  'licences.not_found': 'No such licence of yours.',
  'licences.not_held': 'The issuing authority holds no such licence for this person.',
  'licences.already_linked': 'This licence type is already linked.',
  'licences.ssc_first_generation': 'Only second-generation social security cards can be linked.',
  'licences.ssc_other_city': 'The card is insured in another city: switch the city and try again.',
  'licences.housing_fund_city_unsupported': 'Housing fund linking is not offered in 东莞, 惠州 and 揭阳.',
  'licences.housing_fund_other_city': 'The fund account is in another city: switch the city and try again.',
  'licences.birth_date_unsupported': 'Birth certificates before the supported date cannot be linked.',
  'realname.card_invalid':
    'The bank card number fails its check digit or the bank does not know it for this holder.',
  'realname.account_invalid':
    'The corporate account number is malformed or the bank does not know it (对公账号).',
  'realname.account_mismatch': 'The bank holds this corporate account for another enterprise.',
  'realname.enterprise_mismatch':
    '核验企业信息: the enterprise or its legal representative differs from the market regulator’s record (or the regulator has none).',
  'realname.flow_expired': 'The 法人身份认证 steps expired or were altered; start again from 核验企业信息.',
  'recovery.verification_failed':
    'The answers do not match the account (the same answer for an unknown username, a wrong fact or an expired flow).',
  'recovery.identity_incomplete':
    'The account lacks what this method needs (身份信息不完整); choose another method.',
  'recovery.too_many_attempts':
    'Too many failed verifications for this account; try again later or ask for manual review (429).',
  'recovery.two_operators': '两操作员手机号 takes exactly two operators’ mobiles, each with its code.',
  'recovery.same_fact':
    'Two of the chosen checks are the same fact twice (e.g. the administrator is the legal representative, or one operator twice).',
  'recovery.facts_needed':
    'Fewer of 法人信息 / 管理员信息 / 两操作员手机号 were given than this recovery needs.',
  'recovery.no_two_operators':
    'The enterprise does not have two operators with a bound mobile (两操作员手机号 is not possible).',
  'recovery.enterprise_mismatch':
    'The enterprise or its legal representative does not match the records (法定代表人信息验证); manual review is offered.',
  'recovery.e_license_mismatch':
    '电子营业执照验证: the licence was not confirmed in the licence app, or it is another enterprise’s.',
  'recovery.no_matching_account':
    '人工资料审核: no account agrees with every fact of the claim, so it cannot be approved (reject it with a reason).',

  // articles (通知公告, 政策法规, 办事指南) and the site identity in the footer (issue 10 §4)
  'content.not_found': 'No such article (or, on the public routes, none published with this id).',
  'content.version_conflict':
    'The article was changed by someone else; `current` carries its status and version now (409).',
  'content.kind_invalid': 'The kind is not one of notice, policy, guide.',
  'content.body_too_long': 'The Markdown body is longer than 50,000 characters.',
  'content.service_unknown': 'No registered service has this code.',
  'content.translation_incomplete': 'A translation needs both its title and its body; this half is missing.',
  'content.already_published': 'The article is already published (409).',
  'content.not_published': 'The article is not published, so it cannot be unpublished (409).',
  'content.published_cannot_delete': 'A published article must be unpublished before it is deleted (409).',
  'field.icp_number_invalid': 'Not an ICP filing number such as 京ICP备12345678号-1.',
  'field.psb_number_invalid': 'Not a public-security filing number such as 京公网安备 11010502030143号.',
  'field.site_code_invalid': 'A site identification code (网站标识码) is 10 digits, or bm and 8 digits.',
  'field.hotline_invalid': 'Not a telephone number (digits, an optional leading +, spaces and hyphens).',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/**
 * A field error code a service declares in its contract (`cert-review.hs_code_invalid`): its
 * service's code, a dot, a name. Its messages come with the contract (services.ts).
 */
export type ServiceErrorCode = `${string}-${string}.${string}` | keyof ServiceErrorCodes;

/**
 * The codes of a service whose own code has no hyphen (`northbound`): its contract declares them
 * here by module augmentation, so they stay as checked as the others:
 * `declare module '@sw/contracts' { interface ServiceErrorCodes extends Record<keyof typeof ERRORS, true> {} }`
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by module augmentation
export interface ServiceErrorCodes {}

/** What a field error may carry: a platform code, or one of a service's own. */
export type FieldErrorCode = ErrorCode | ServiceErrorCode;

/** One field error inside a problem+json body. `path` is dot-separated (`contacts.0.mobile`). */
export type FieldError = { path: string; code: FieldErrorCode; message: string };

/** RFC 9457 problem details as this platform emits them. */
export type Problem = {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  errors?: FieldError[];
  requestId: string;
} & ProblemExtensions;

/** Members some problems add: each is documented with the codes that carry it. */
export type ProblemExtensions = {
  /** the resource's state now, on `casework.version_conflict` */
  current?: { status: string; version: number };
  /** ISO instant: when the review ends, on `auth.registration_under_review` (the detail names the day) */
  dueAt?: string;
  /** wrong passwords still allowed before the lock, on `auth.invalid_credentials` */
  remainingAttempts?: number;
  /** seconds until the lock lifts or the limit resets, on `auth.account_locked` and `request.rate_limited` */
  retryAfterSeconds?: number;
};

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(ERROR_CODES, value);
}
