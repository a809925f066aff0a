import {
  type ErrorCode,
  errorMessage,
  type IdType,
  isErrorCode,
  type Locale,
  type UploadedFile,
} from '@sw/contracts';
import {
  CONTACT_ROLES,
  type EnterpriseType,
  type EntityType,
  REGISTRATION_ATTACHMENTS,
  type RegistrationAttachmentRule,
  type RegistrationAttachmentSlot,
  type RegistrationType,
} from '../../../../../server/src/modules/services/enterprise-registration/contract.ts';

/**
 * A file in an attachment slot, as the shared upload component keeps it: a new anonymous upload
 * (with its `uploadToken`) or, in a correction, one already on the application (without).
 */
export type AttachmentItem = UploadedFile;

export type AttachmentValues = Partial<Record<RegistrationAttachmentSlot, AttachmentItem[]>>;

export type ContactValues = {
  name?: string;
  idType?: IdType;
  idNumber?: string;
  phone?: string;
  fax?: string;
  mobile?: string;
  email?: string;
};

export type AdminValues = {
  username?: string;
  realName?: string;
  password?: string;
  confirmPassword?: string;
  email?: string;
  fax?: string;
  phone?: string;
  mobile?: string;
  customsDeclarantNo?: string;
  inspectionDeclarantNo?: string;
  jobTitle?: string;
};

/** The 001 form as the antd Form holds it: 省市区 as one cascader value, contacts without their role. */
export type UiForm = {
  registrationType: RegistrationType;
  /** [province, city, district?] */
  region?: string[];
  creditCode?: string;
  orgCode?: string;
  businessLicenceNo?: string;
  taxRegistrationNo?: string;
  address?: string;
  nameZh?: string;
  nameEn?: string;
  shortName?: string;
  postalCode?: string;
  bankName?: string;
  bankAccount?: string;
  eportCardNo?: string;
  registeredCapital?: string;
  customsCode?: string;
  inspectionCode?: string;
  foreignTradeCode?: string;
  borderCode?: string;
  portCode?: string;
  forexCode?: string;
  enterpriseType?: EnterpriseType;
  businessScope?: string;
  entityTypes?: EntityType[];
  contacts?: ContactValues[];
  admin?: AdminValues;
};

export type UiValues = { form: UiForm; attachments?: AttachmentValues; captchaAnswer?: string };

/** Optional text fields of the basic data, sent as typed (the contract trims and drops blanks). */
const OPTIONAL_TEXT = [
  'nameEn',
  'shortName',
  'postalCode',
  'bankName',
  'bankAccount',
  'eportCardNo',
  'registeredCapital',
  'customsCode',
  'inspectionCode',
  'foreignTradeCode',
  'borderCode',
  'portCode',
  'forexCode',
  'businessScope',
] as const;

const ADMIN_TEXT = [
  'username',
  'realName',
  'email',
  'fax',
  'phone',
  'mobile',
  'customsDeclarantNo',
  'inspectionDeclarantNo',
  'jobTitle',
] as const;

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * The request's `form` from the antd values: fields the registration type does not have are left
 * out, so a value typed before switching type is kept in the form but never sent.
 */
export function toFormBody(v: UiForm, withPassword: boolean): Record<string, unknown> {
  const type = v.registrationType;
  const [province = '', city = '', district] = v.region ?? [];
  const out: Record<string, unknown> = {
    registrationType: type,
    province,
    city,
    ...(district ? { district } : {}),
    address: str(v.address),
    nameZh: str(v.nameZh),
    entityTypes: v.entityTypes ?? [],
  };
  if (type === 'unified') {
    out.creditCode = str(v.creditCode);
  } else {
    out.orgCode = str(v.orgCode);
    out.businessLicenceNo = str(v.businessLicenceNo);
    out.taxRegistrationNo = str(v.taxRegistrationNo);
  }
  for (const key of OPTIONAL_TEXT) out[key] = str(v[key]);
  if (type !== 'institution' && v.enterpriseType) out.enterpriseType = v.enterpriseType;
  out.contacts = CONTACT_ROLES.map((role, i) => {
    const c = v.contacts?.[i] ?? {};
    return {
      role,
      name: str(c.name),
      ...(c.idType ? { idType: c.idType } : {}),
      idNumber: str(c.idNumber),
      phone: str(c.phone),
      fax: str(c.fax),
      mobile: str(c.mobile),
      email: str(c.email),
    };
  });
  const a = v.admin ?? {};
  const admin: Record<string, unknown> = {};
  for (const key of ADMIN_TEXT) admin[key] = str(a[key]);
  if (withPassword) {
    admin.password = str(a.password);
    admin.confirmPassword = str(a.confirmPassword);
  }
  out.admin = admin;
  return out;
}

/** The antd values of a stored form (the correction screen's prefill). */
export function fromRecord(record: Record<string, unknown>): UiForm {
  const r = record as Omit<Partial<UiForm>, 'contacts'> & {
    province?: string;
    city?: string;
    district?: string;
    contacts?: (ContactValues & { role?: string })[];
  };
  const region = [r.province, r.city, r.district].filter(
    (x): x is string => typeof x === 'string' && x !== '',
  );
  const contacts = CONTACT_ROLES.map((role, i) => {
    const row: ContactValues & { role?: string } =
      r.contacts?.find((c) => c.role === role) ?? r.contacts?.[i] ?? {};
    const { role: _role, ...rest } = row;
    return { idType: 'resident_id' as IdType, ...rest };
  });
  const { province: _p, city: _c, district: _d, ...rest } = r;
  return { ...(rest as UiForm), region, contacts };
}

/** What the draft keeps: everything but the passwords and the captcha answer. */
export function stripSecrets(values: UiValues): UiValues {
  const { password: _pw, confirmPassword: _cpw, ...admin } = values.form?.admin ?? {};
  return { form: { ...values.form, admin }, attachments: values.attachments ?? {} };
}

/** The slots the form shows for a registration type, in the manual's order. */
export function offeredSlots(type: RegistrationType | undefined): RegistrationAttachmentRule[] {
  return REGISTRATION_ATTACHMENTS.filter((r) => type !== undefined && r.offeredFor.includes(type));
}

export function isSlotRequired(
  rule: RegistrationAttachmentRule,
  type: RegistrationType | undefined,
): boolean {
  return type !== undefined && rule.requiredFor.includes(type);
}

/** The new uploads of a registration: every file of the offered slots, with its token. */
export function toUploadsBody(attachments: AttachmentValues | undefined, type: RegistrationType) {
  return offeredSlots(type).flatMap((rule) =>
    (attachments?.[rule.slot] ?? []).flatMap((item) =>
      item.uploadToken ? [{ slot: rule.slot, fileId: item.id, uploadToken: item.uploadToken }] : [],
    ),
  );
}

/** The attachments of a correction: the offered slots' files, a kept one without a token. */
export function toAttachmentsBody(attachments: AttachmentValues | undefined, type: RegistrationType) {
  return offeredSlots(type).flatMap((rule) =>
    (attachments?.[rule.slot] ?? []).map((item) =>
      item.uploadToken
        ? { slot: rule.slot, fileId: item.id, uploadToken: item.uploadToken }
        : { slot: rule.slot, fileId: item.id },
    ),
  );
}

/** The antd field (a path under `form`) that shows an issue of the contract at `path`. */
export function uiPath(path: readonly PropertyKey[]): (string | number)[] {
  const [head, ...rest] = path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  if (head === 'province' || head === 'city' || head === 'district') return ['form', 'region'];
  return ['form', head as string | number, ...rest];
}

/** A zod issue's message is an error code when the contract gave one (fieldIssue). */
export function issueText(message: string, input: unknown, locale: Locale): string {
  if (isErrorCode(message)) return errorMessage(message, locale);
  const code: ErrorCode = input === undefined || input === '' ? 'field.required' : 'field.invalid';
  return errorMessage(code, locale);
}

/** What this module needs of a zod schema of the contracts (the web app does not depend on zod itself). */
export type FormSchema = {
  safeParse(
    value: unknown,
  ):
    | { success: true }
    | { success: false; error: { issues: { path: PropertyKey[]; message: string; input?: unknown }[] } };
};

/** The first error per antd field of a whole-form check with the contract's schema. */
export function schemaErrors(
  schema: FormSchema,
  body: Record<string, unknown>,
  locale: Locale,
): Map<string, { name: (string | number)[]; errors: string[] }> {
  const result = schema.safeParse(body);
  const out = new Map<string, { name: (string | number)[]; errors: string[] }>();
  if (result.success) return out;
  for (const issue of result.error.issues) {
    const name = uiPath(issue.path);
    const key = JSON.stringify(name);
    // the first problem of a field is the one worth saying (an empty name is not also "invalid")
    if (!out.has(key)) out.set(key, { name, errors: [issueText(issue.message, issue.input, locale)] });
  }
  return out;
}
