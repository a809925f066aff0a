import type { Locale } from '@sw/contracts';
import type { Messages } from './messages';
import { zhCN } from './zh-cn';

export type { Messages } from './messages';

/**
 * The interface's messages in one language. zh-CN, the default, is in the first load; Traditional
 * Chinese and English are chunks of their own, fetched when someone uses them.
 */
export async function loadMessages(locale: Locale): Promise<Messages> {
  switch (locale) {
    case 'zh-CN':
      return zhCN;
    case 'zh-HK':
      return (await import('./zh-hk')).zhHK;
    case 'en':
      return (await import('./en')).en;
  }
}
