import {
  AuditOutlined,
  BankOutlined,
  BookOutlined,
  CarOutlined,
  FileProtectOutlined,
  GlobalOutlined,
  HeartOutlined,
  HomeOutlined,
  MedicineBoxOutlined,
  MoneyCollectOutlined,
  ReadOutlined,
  SafetyOutlined,
  SolutionOutlined,
  StarOutlined,
  TeamOutlined,
  ThunderboltOutlined,
  TruckOutlined,
} from '@ant-design/icons';
import type { HubCategory } from '@sw/contracts';

const ICONS: Record<HubCategory, typeof HomeOutlined> = {
  social: SafetyOutlined,
  housing_fund: BankOutlined,
  social_assistance: TeamOutlined,
  disability: MedicineBoxOutlined,
  household: HomeOutlined,
  points: StarOutlined,
  transport: TruckOutlined,
  driving: CarOutlined,
  marriage_birth: HeartOutlined,
  exit_entry: GlobalOutlined,
  education: ReadOutlined,
  employment: SolutionOutlined,
  tax: MoneyCollectOutlined,
  utilities: ThunderboltOutlined,
  real_estate: FileProtectOutlined,
  legal: AuditOutlined,
  public: BookOutlined,
};

/** The icon of a hub category (decorative: the name is always beside it). */
export function CategoryIcon({ category }: { category: HubCategory }) {
  const Icon = ICONS[category];
  return <Icon aria-hidden="true" />;
}
