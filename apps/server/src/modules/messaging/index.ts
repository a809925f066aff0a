// The messaging module as other modules see it: only what is exported here may be imported.
export { findMessagesAbout } from './inbox.repo.ts';
export {
  type NotificationChannel,
  notify,
  notifyAddress,
  registerMessageTemplates,
} from './notifications.ts';
