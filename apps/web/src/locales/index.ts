import type { Locale } from '@sw/contracts';
import { en } from './en';
import type { Messages } from './messages';
import { zhCN } from './zh-cn';
import { zhHK } from './zh-hk';

export type { Messages } from './messages';

export const messages: Record<Locale, Messages> = { 'zh-CN': zhCN, 'zh-HK': zhHK, en };
