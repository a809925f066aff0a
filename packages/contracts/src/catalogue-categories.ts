import type { Localized } from './api/casework.ts';

/*
 * The catalogue's categories as plain data, apart from services.ts's zod schemas: the citizen hub's
 * first page names them, and importing them must not bring zod into a phone's first load.
 */

/** Categories of the catalogue (办事服务), as data: the hub (seed 003) adds its own. */
export const SERVICE_CATEGORIES = [
  { code: 'registration', name: { 'zh-CN': '注册登记', 'zh-HK': '註冊登記', en: 'Registration' } },
  { code: 'customs', name: { 'zh-CN': '通关与口岸', 'zh-HK': '通關與口岸', en: 'Customs and ports' } },
  { code: 'transport', name: { 'zh-CN': '交通出行', 'zh-HK': '交通出行', en: 'Transport' } },
  { code: 'licences', name: { 'zh-CN': '证照办理', 'zh-HK': '證照辦理', en: 'Licences and permits' } },
  { code: 'social', name: { 'zh-CN': '社保', 'zh-HK': '社保', en: 'Social insurance' } },
  // the citizen hub's (seed 003)
  { code: 'housing_fund', name: { 'zh-CN': '公积金', 'zh-HK': '公積金', en: 'Housing fund' } },
  { code: 'social_assistance', name: { 'zh-CN': '社会救助', 'zh-HK': '社會救助', en: 'Social assistance' } },
  { code: 'disability', name: { 'zh-CN': '助残', 'zh-HK': '助殘', en: 'Disability services' } },
  {
    code: 'household',
    name: { 'zh-CN': '户政(治安)', 'zh-HK': '戶政(治安)', en: 'Household and residence' },
  },
  { code: 'points', name: { 'zh-CN': '积分服务', 'zh-HK': '積分服務', en: 'Residence points' } },
  { code: 'driving', name: { 'zh-CN': '行驶驾驶', 'zh-HK': '行駛駕駛', en: 'Driving and vehicles' } },
  { code: 'marriage_birth', name: { 'zh-CN': '婚育', 'zh-HK': '婚育', en: 'Marriage and birth' } },
  { code: 'exit_entry', name: { 'zh-CN': '护照通行证', 'zh-HK': '護照通行證', en: 'Passports and permits' } },
  { code: 'education', name: { 'zh-CN': '教育服务', 'zh-HK': '教育服務', en: 'Education' } },
  { code: 'employment', name: { 'zh-CN': '人才与就业', 'zh-HK': '人才與就業', en: 'Jobs and careers' } },
  { code: 'tax', name: { 'zh-CN': '税务', 'zh-HK': '稅務', en: 'Tax' } },
  { code: 'utilities', name: { 'zh-CN': '生活缴费', 'zh-HK': '生活繳費', en: 'Water, power and gas' } },
  { code: 'real_estate', name: { 'zh-CN': '不动产登记', 'zh-HK': '不動產登記', en: 'Real estate' } },
  { code: 'legal', name: { 'zh-CN': '法律服务', 'zh-HK': '法律服務', en: 'Legal services' } },
  { code: 'public', name: { 'zh-CN': '公共服务', 'zh-HK': '公共服務', en: 'Public services' } },
  { code: 'other', name: { 'zh-CN': '其他服务', 'zh-HK': '其他服務', en: 'Other services' } },
] as const satisfies readonly { code: string; name: Localized }[];
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number]['code'];

/** A category's name by its code. */
export const SERVICE_CATEGORY_NAMES: Readonly<Record<string, Localized>> = Object.fromEntries(
  SERVICE_CATEGORIES.map((c) => [c.code, c.name]),
);
