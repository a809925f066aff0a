import type { Locale } from '@sw/contracts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { getAccountById } from '../identity/index.ts';
import { insertNotificationRows, type SealedMessage } from './messaging.repo.ts';

/** Where a notification goes: the in-site inbox (站内信), e-mail, SMS. */
export type NotificationChannel = 'inbox' | 'email' | 'sms';

/**
 * A message template. `{name}` placeholders are filled from the params; a missing param is
 * left visible rather than silently dropped. `sms` is the short text (defaults to the title).
 */
export type MessageTemplate = {
  title: Record<Locale, string>;
  body: Record<Locale, string>;
  sms?: Record<Locale, string>;
};

const templates = new Map<string, MessageTemplate>();

/** Services and modules register their templates once, at import. */
export function registerMessageTemplates(entries: Record<string, MessageTemplate>) {
  for (const [key, template] of Object.entries(entries)) {
    if (templates.has(key)) throw new Error(`message template ${key} registered twice`);
    templates.set(key, template);
  }
}

export function fillTemplate(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

type Params = Record<string, string | number>;

export type Notification = {
  accountId: string;
  template: string;
  /** the template's parameters; a function when some depend on the language (a service's name) */
  params: Params | ((locale: Locale) => Params);
  channels: readonly NotificationChannel[];
  /** e.g. `application`, `reminder`, `system` */
  category: string;
  applicationId?: string | null;
  /**
   * The language to write in when the request that caused the message says (a recovery asked
   * from an English page). Otherwise the account's own language, else `fallbackLocale`, else zh-CN.
   */
  locale?: Locale;
  /** the service's language when the account has none (zh-HK for 港车北上) */
  fallbackLocale?: Locale;
  /** send the e-mail here instead of the account's address (a registration's result address) */
  emailOverride?: string;
};

/**
 * Writes a notification in the caller's transaction: an in-site message row and outbox rows
 * for e-mail and SMS, so nothing is sent for a change that rolls back, and every committed
 * change is delivered by the outbox worker. A channel the account has no address for is skipped.
 */
export async function notify(ctx: AppContext, tx: Db, n: Notification): Promise<void> {
  const template = templates.get(n.template);
  if (!template) throw new Error(`unknown message template ${n.template}`);
  const account = await getAccountById(tx, n.accountId);
  const locale = n.locale ?? account?.locale ?? n.fallbackLocale ?? 'zh-CN';
  const params = typeof n.params === 'function' ? n.params(locale) : n.params;
  const title = fillTemplate(template.title[locale], params);
  const body = fillTemplate(template.body[locale], params);
  const now = ctx.clock.now();
  // the 站内信 and the outbox messages go in one statement, in the caller's transaction
  let inbox: Parameters<typeof insertNotificationRows>[1] = null;
  const messages: SealedMessage[] = [];
  for (const channel of n.channels) {
    if (channel === 'inbox') {
      inbox = {
        accountId: n.accountId,
        category: n.category,
        title,
        body,
        applicationId: n.applicationId ?? null,
      };
    } else if (channel === 'email') {
      const to = n.emailOverride ?? (account?.emailEnc ? ctx.crypto.decrypt(account.emailEnc) : null);
      if (to) messages.push(ctx.messaging.seal({ channel: 'email', to, subject: title, text: body }));
    } else {
      const to = account?.mobileEnc ? ctx.crypto.decrypt(account.mobileEnc) : null;
      const text = template.sms ? fillTemplate(template.sms[locale], params) : title;
      if (to) messages.push(ctx.messaging.seal({ channel: 'sms', to, text }));
    }
  }
  await insertNotificationRows(tx, inbox, messages, now);
}

/**
 * An SMS from a template to a number that belongs to no account (the mobile a 人工资料审核
 * applicant proved), in the caller's transaction and language, through the outbox.
 */
export async function notifyAddress(
  ctx: AppContext,
  tx: Db,
  n: { to: string; template: string; params: Params; locale: Locale },
): Promise<void> {
  const template = templates.get(n.template);
  if (!template) throw new Error(`unknown message template ${n.template}`);
  const text = fillTemplate((template.sms ?? template.title)[n.locale], n.params);
  await insertNotificationRows(
    tx,
    null,
    [ctx.messaging.seal({ channel: 'sms', to: n.to, text })],
    ctx.clock.now(),
  );
}
