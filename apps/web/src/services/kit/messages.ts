import type { Locale } from '@sw/contracts';
import { useCallback } from 'react';
import { useLocale } from '../../hooks/use-locale';

type Tree = { readonly [key: string]: string | Tree };

/** Every dotted path to a string in a message tree (`form.submit`, `terms.typeHint.unified`). */
type Paths<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Paths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

function lookup(tree: Tree, path: string): string | undefined {
  let at: string | Tree | undefined = tree;
  for (const part of path.split('.')) {
    if (typeof at !== 'object' || at === null) return undefined;
    at = at[part];
  }
  return typeof at === 'string' ? at : undefined;
}

/**
 * A service's own translations, in its own chunk: the portal's first load carries none of them.
 * `{{name}}` is replaced from `params`; with a numeric `count`, `key_one` / `key_other` are tried
 * first (as i18next does). Falls back to zh-CN, then to the key.
 */
export function defineMessages<M extends Record<Locale, Tree>>(messages: M) {
  type Key = Paths<M['zh-CN']>;
  const translate = (locale: Locale, key: string, params?: Record<string, string | number>) => {
    const own = messages[locale] ?? messages['zh-CN'];
    const plural =
      typeof params?.count === 'number' ? (params.count === 1 ? `${key}_one` : `${key}_other`) : null;
    const raw =
      (plural ? (lookup(own, plural) ?? lookup(messages['zh-CN'], plural)) : undefined) ??
      lookup(own, key) ??
      lookup(messages['zh-CN'], key) ??
      key;
    return params
      ? raw.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => String(params[name] ?? whole))
      : raw;
  };
  return {
    /** the service's `t`, in the current language */
    useMessages() {
      const locale = useLocale();
      // `translate` is fixed for the service (made once, outside any render): only the locale changes
      // biome-ignore lint/correctness/useExhaustiveDependencies: see above
      return useCallback(
        (key: Key, params?: Record<string, string | number>) => translate(locale, key, params),
        [locale],
      );
    },
    translate: (locale: Locale, key: Key, params?: Record<string, string | number>) =>
      translate(locale, key, params),
  };
}
