/**
 * The 21 prefecture-level cities of Guangdong (GB/T 2260 codes), for the citizen hub's city switch
 * and the catalogue's regions — small on purpose: the full division table stays out of pages that
 * only need these.
 */
export const GUANGDONG_CITIES = [
  { code: '4401', name: { 'zh-CN': '广州', 'zh-HK': '廣州', en: 'Guangzhou' } },
  { code: '4402', name: { 'zh-CN': '韶关', 'zh-HK': '韶關', en: 'Shaoguan' } },
  { code: '4403', name: { 'zh-CN': '深圳', 'zh-HK': '深圳', en: 'Shenzhen' } },
  { code: '4404', name: { 'zh-CN': '珠海', 'zh-HK': '珠海', en: 'Zhuhai' } },
  { code: '4405', name: { 'zh-CN': '汕头', 'zh-HK': '汕頭', en: 'Shantou' } },
  { code: '4406', name: { 'zh-CN': '佛山', 'zh-HK': '佛山', en: 'Foshan' } },
  { code: '4407', name: { 'zh-CN': '江门', 'zh-HK': '江門', en: 'Jiangmen' } },
  { code: '4408', name: { 'zh-CN': '湛江', 'zh-HK': '湛江', en: 'Zhanjiang' } },
  { code: '4409', name: { 'zh-CN': '茂名', 'zh-HK': '茂名', en: 'Maoming' } },
  { code: '4412', name: { 'zh-CN': '肇庆', 'zh-HK': '肇慶', en: 'Zhaoqing' } },
  { code: '4413', name: { 'zh-CN': '惠州', 'zh-HK': '惠州', en: 'Huizhou' } },
  { code: '4414', name: { 'zh-CN': '梅州', 'zh-HK': '梅州', en: 'Meizhou' } },
  { code: '4415', name: { 'zh-CN': '汕尾', 'zh-HK': '汕尾', en: 'Shanwei' } },
  { code: '4416', name: { 'zh-CN': '河源', 'zh-HK': '河源', en: 'Heyuan' } },
  { code: '4417', name: { 'zh-CN': '阳江', 'zh-HK': '陽江', en: 'Yangjiang' } },
  { code: '4418', name: { 'zh-CN': '清远', 'zh-HK': '清遠', en: 'Qingyuan' } },
  { code: '4419', name: { 'zh-CN': '东莞', 'zh-HK': '東莞', en: 'Dongguan' } },
  { code: '4420', name: { 'zh-CN': '中山', 'zh-HK': '中山', en: 'Zhongshan' } },
  { code: '4451', name: { 'zh-CN': '潮州', 'zh-HK': '潮州', en: 'Chaozhou' } },
  { code: '4452', name: { 'zh-CN': '揭阳', 'zh-HK': '揭陽', en: 'Jieyang' } },
  { code: '4453', name: { 'zh-CN': '云浮', 'zh-HK': '雲浮', en: 'Yunfu' } },
] as const;

export function guangdongCity(code: string) {
  return GUANGDONG_CITIES.find((c) => c.code === code);
}
