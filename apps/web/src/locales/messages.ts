import type { zhCN } from './zh-cn';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The shape every locale must fill: the keys of the zh-CN messages, with any string as the value. */
export type Messages = Widen<typeof zhCN>;
