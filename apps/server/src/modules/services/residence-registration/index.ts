// 申报居住登记 as other modules see it (申领居住证 reads the approved registrations through here).
export { RESIDENCE_REGISTRATION } from './contract.ts';
export { type ApprovedRegistration, approvedRegistrationsOf } from './registrations.ts';
