// The platform module as other modules see it: only what is exported here may be imported.
export { isRegistrationReviewOn } from './settings.ts';
