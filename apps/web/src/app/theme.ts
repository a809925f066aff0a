import type { ThemeConfig } from 'antd';

/** Government-portal blue; secondary text darkened so every text passes WCAG AA contrast on white. */
export const PRIMARY_BLUE = '#1558a8';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: PRIMARY_BLUE,
    colorInfo: PRIMARY_BLUE,
    colorLink: PRIMARY_BLUE,
    colorError: '#cf1322',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
    borderRadius: 4,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { bodyBg: '#f0f2f5', footerBg: '#f0f2f5', headerBg: PRIMARY_BLUE },
  },
};
