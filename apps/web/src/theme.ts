import type { ThemeConfig } from 'antd';

/** 阳光: a warm orange on a calm slate; government-portal density. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#d9480f',
    colorLink: '#c2410c',
    colorSuccess: '#2f9e44',
    colorWarning: '#f08c00',
    colorError: '#c92a2a',
    borderRadius: 6,
    fontFamily: '"PingFang SC", "Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", system-ui, sans-serif',
    fontSize: 14,
  },
  components: {
    Layout: { headerBg: '#1f2a44', headerHeight: 60, bodyBg: '#f4f5f7', footerBg: '#f4f5f7' },
    Menu: { darkItemBg: '#1f2a44', darkItemSelectedBg: '#d9480f', darkItemHoverBg: '#2c3a5c' },
    Table: { headerBg: '#f8f9fb' },
  },
};
