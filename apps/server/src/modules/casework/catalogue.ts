import {
  type CatalogueItem,
  type CatalogueQuery,
  LOCAL_FEATURE_GROUPS,
  type Localized,
  SERVICE_CATEGORIES,
  type ServiceDetailView,
} from '@sw/contracts';
import { AppError } from '../../http/app-error.ts';
import {
  type AnyServiceDefinition,
  findCaseworkService,
  isAttachmentRequired,
  listCaseworkServices,
} from './service-definition.ts';

/**
 * 办事服务 — the catalogue (issue 10 §4): every registered service's entry as its contract
 * declares it, filtered by category, city, 地方特色应用 group and free text. Public.
 */

const OTHER = SERVICE_CATEGORIES.find((c) => c.code === 'other')!;

function categoryName(code: string): Localized {
  return (SERVICE_CATEGORIES.find((c) => c.code === code) ?? OTHER).name;
}

export function presentCatalogueItem(d: AnyServiceDefinition): CatalogueItem {
  const c = d.contract.catalogue;
  const group = c.localFeature ? LOCAL_FEATURE_GROUPS.find((g) => g.code === c.localFeature) : undefined;
  return {
    code: d.code,
    name: c.name,
    description: c.description,
    category: c.category,
    categoryName: categoryName(c.category),
    department: c.department,
    audience: [...c.audience],
    realNameLevel: c.realNameLevel,
    regions: { cities: [...c.regions.cities], note: c.regions.note ?? null },
    mode: c.mode,
    externalUrl: c.externalUrl ?? null,
    localFeature: group ? { code: group.code, name: group.name } : null,
    slaWorkingDays: d.slaWorkingDays,
    link: `/apps/${d.code}`,
  };
}

function matches(item: CatalogueItem, q: string): boolean {
  const needle = q.toLowerCase();
  return [item.name, item.description, item.department, item.categoryName].some((l) =>
    Object.values(l).some((text) => text.toLowerCase().includes(needle)),
  );
}

export function listCatalogue(query: CatalogueQuery): CatalogueItem[] {
  return listCaseworkServices()
    .filter((d) => d.contract.catalogue.listed !== false)
    .map(presentCatalogueItem)
    .filter(
      (item) =>
        (!query.category || item.category === query.category) &&
        (!query.localFeature || item.localFeature?.code === query.localFeature) &&
        // a city filter keeps services offered everywhere and those offered in the city
        (!query.city || item.regions.cities.length === 0 || item.regions.cities.includes(query.city)) &&
        (!query.q || matches(item, query.q)),
    );
}

/** One service with its 办事指南: the guide's materials carry their slot's rules. */
export function getServiceDetail(code: string): ServiceDetailView {
  const d = findCaseworkService(code);
  if (!d) throw new AppError('casework.service_unknown', { status: 404 });
  const guide = d.contract.catalogue.guide;
  return {
    ...presentCatalogueItem(d),
    guide: {
      conditions: [...guide.conditions],
      materials: guide.materials.map((m) => {
        const rule = m.slot ? d.attachments.find((a) => a.slot === m.slot) : undefined;
        return {
          name: m.name,
          note: m.note ?? null,
          types: rule ? [...rule.types] : [],
          maxBytes: rule?.maxBytes ?? null,
          maxCount: rule?.maxCount ?? null,
          required: rule ? isAttachmentRequired(rule, {}) || typeof rule.required === 'function' : null,
        };
      }),
      steps: [...guide.steps],
      fee: guide.fee,
      basis: [...guide.basis],
      hotline: guide.hotline,
    },
    states: d.states.map((s) => ({ code: s, name: d.stateNames[s]!, final: d.finalStates.includes(s) })),
  };
}
