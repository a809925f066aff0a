// The licences module as other modules see it: only what is exported here may be imported.
export { issueLicence } from './licences.service.ts';
