import { z } from 'zod';
import { fieldIssue } from './common.ts';

/**
 * The citizen hub's sign-in (seed 003 ch.1 and 温馨提示): after one full sign-in a phone is bound
 * to the account with a 6-digit PIN; from then on the person signs in there by 人脸识别 or the PIN,
 * whichever they chose as default (修改默认登录方式 in 个人中心). One phone at a time: a sign-in on
 * another ends the old session, which is told why (`auth.session_replaced`). Personal data needs a
 * face check within the last five minutes (`auth.step_up_required`).
 *
 *   GET    /api/hub/device                 → HubDeviceView (this browser's binding, if any)
 *   PUT    /api/hub/device                 BindHubDeviceBody → HubDeviceView (signed in: bind, set PIN)
 *   PATCH  /api/hub/device                 HubDevicePrefsBody → HubDeviceView (修改默认登录方式)
 *   DELETE /api/hub/device                 → 204 (unbind this phone)
 *   POST   /api/hub/sign-in/pin            HubPinSignInBody → SessionResponse
 *   POST   /api/hub/sign-in/face           → 201 FaceCheckView (a check of the device's person)
 *   POST   /api/hub/sign-in/face/:id       → SessionResponse (the check passed; stepped up)
 *   POST   /api/hub/step-up                HubStepUpBody → HubStepUpView (a passed step_up check)
 *   POST   /api/dev/hub/face-checks/:id/decide  (simulator, outside production)
 */
export const HUB_SIGN_IN_METHODS = ['face', 'pin'] as const;
export type HubSignInMethod = (typeof HUB_SIGN_IN_METHODS)[number];

export const HUB_PIN_MAX_FAILURES = 5;
export const HUB_STEP_UP_MINUTES = 5;

const Pin = z
  .string()
  .min(1, fieldIssue('field.required'))
  .regex(/^\d{6}$/, fieldIssue('hub.pin_format'));

export const HubDeviceView = z
  .object({
    bound: z.boolean(),
    /** the bound person's name, masked (张*) */
    holder: z.string().nullable(),
    defaultMethod: z.enum(HUB_SIGN_IN_METHODS).nullable(),
    pinSet: z.boolean(),
    /** a PIN locked by five failures, until */
    lockedUntil: z.iso.datetime().nullable(),
    /** whether this device is the signed-in account's (the settings in 个人中心 apply) */
    mine: z.boolean(),
  })
  .meta({ id: 'HubDevice' });
export type HubDeviceView = z.infer<typeof HubDeviceView>;

export const BindHubDeviceBody = z
  .strictObject({ pin: Pin, confirmPin: z.string(), defaultMethod: z.enum(HUB_SIGN_IN_METHODS) })
  .superRefine((v, ctx) => {
    if (v.pin !== v.confirmPin)
      ctx.addIssue({ code: 'custom', path: ['confirmPin'], ...fieldIssue('hub.pin_mismatch') });
    if (/^(\d)\1{5}$/.test(v.pin) || '0123456789'.includes(v.pin) || '9876543210'.includes(v.pin))
      ctx.addIssue({ code: 'custom', path: ['pin'], ...fieldIssue('hub.pin_weak') });
  });
export type BindHubDeviceBody = z.input<typeof BindHubDeviceBody>;

export const HubDevicePrefsBody = z.strictObject({ defaultMethod: z.enum(HUB_SIGN_IN_METHODS) });
export type HubDevicePrefsBody = z.input<typeof HubDevicePrefsBody>;

export const HubPinSignInBody = z.strictObject({ pin: Pin });
export type HubPinSignInBody = z.input<typeof HubPinSignInBody>;

export const HubStepUpBody = z.strictObject({ faceCheckId: z.uuid(fieldIssue('field.invalid')) });
export type HubStepUpBody = z.input<typeof HubStepUpBody>;

export const HubStepUpView = z.object({ stepUpUntil: z.iso.datetime() }).meta({ id: 'HubStepUp' });
export type HubStepUpView = z.infer<typeof HubStepUpView>;

/**
 * 办理进度查询's agency half (GET /api/hub/progress, a face check in the last five minutes): the
 * person's 身份证办理 and 户政审批 cases from public security, beside their applications here.
 */
export const HubAgencyCase = z
  .object({
    source: z.enum(['id_card', 'household']),
    reference: z.string(),
    business: z.string(),
    status: z.string(),
    finished: z.boolean(),
    office: z.string(),
    steps: z.array(z.object({ name: z.string(), at: z.iso.datetime() })),
  })
  .meta({ id: 'HubAgencyCase' });
export type HubAgencyCase = z.infer<typeof HubAgencyCase>;
