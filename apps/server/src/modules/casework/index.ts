// The casework module as other modules see it: only what is exported here may be imported.
export {
  type ApplicationRow,
  findApplicationById,
  findApplicationsOf,
  findLatestApplicationOf,
  findLatestReason,
  setApplicantAccount,
  setApplicantIdentity,
} from './applications.repo.ts';
export {
  applicantIdOf,
  createDraft,
  createGuestDraft,
  decide,
  definitionOf,
  readForm,
  submitInTransaction,
} from './applications.service.ts';
export { detachAll, findAttachedFiles, insertAttachment } from './attachments.repo.ts';
export { shanghaiDay } from './calendar/working-days.ts';
export { loadForStaff } from './casework.views.ts';
export {
  defineService,
  findCaseworkService,
  isAttachmentRequired,
  listCaseworkServices,
  type Transition,
  unhandled,
} from './service-definition.ts';
