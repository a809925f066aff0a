import type { Locale } from '@sw/contracts';
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntdApp, ConfigProvider, type ConfigProviderProps } from 'antd';
import en_US from 'antd/locale/en_US';
import zh_CN from 'antd/locale/zh_CN';
import zh_HK from 'antd/locale/zh_HK';
import type { ReactNode } from 'react';
import { useLocale } from '../hooks/use-locale';
import { queryClient } from './query-client';
import { theme } from './theme';

type AntdLocale = NonNullable<ConfigProviderProps['locale']>;

const ANTD_LOCALES: Record<Locale, AntdLocale> = { 'zh-CN': zh_CN, 'zh-HK': zh_HK, en: en_US };

/** Query cache, antd theme and locale (following the interface language), antd App context. */
export function Providers({ children }: { children: ReactNode }) {
  const locale = useLocale();
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={ANTD_LOCALES[locale]} theme={theme}>
        <AntdApp>{children}</AntdApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
