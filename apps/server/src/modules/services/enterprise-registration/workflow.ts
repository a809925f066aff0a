import { type Transition, unhandled } from '../../casework/index.ts';

/**
 * 企业注册审核 (seed 001 §2.3–§2.4): a reviewer approves the registration or returns it with
 * reasons (退回补正); the applicant corrects it through the e-mailed link and resubmits, which
 * starts the 2 working days again. Approval is final.
 */
export const REGISTRATION_STATES = ['pending', 'rejected', 'approved'] as const;
export type RegistrationState = (typeof REGISTRATION_STATES)[number];
export const REGISTRATION_ACTIONS = ['approve', 'reject', 'resubmit'] as const;
export type RegistrationAction = (typeof REGISTRATION_ACTIONS)[number];

const APPLICANT = [{ to: 'applicant', channels: ['inbox', 'email'] }] as const;

export function registrationTransition(
  state: RegistrationState,
  action: RegistrationAction,
): Transition<RegistrationState> | null {
  switch (state) {
    case 'pending':
      switch (action) {
        case 'approve':
          return {
            to: 'approved',
            role: 'reviewer',
            reasonRequired: false,
            messages: [{ ...APPLICANT[0], template: 'enterprise-registration.approved' }],
          };
        case 'reject':
          return {
            to: 'rejected',
            role: 'reviewer',
            reasonRequired: true,
            messages: [{ ...APPLICANT[0], template: 'enterprise-registration.rejected' }],
          };
        case 'resubmit':
          return null;
        default:
          return unhandled(action);
      }
    case 'rejected':
      switch (action) {
        case 'resubmit':
          return {
            to: 'pending',
            role: 'applicant',
            reasonRequired: false,
            acceptsForm: true,
            restartsSla: true,
            messages: [{ ...APPLICANT[0], template: 'enterprise-registration.resubmitted' }],
          };
        case 'approve':
        case 'reject':
          return null;
        default:
          return unhandled(action);
      }
    case 'approved':
      return null;
    default:
      return unhandled(state);
  }
}
