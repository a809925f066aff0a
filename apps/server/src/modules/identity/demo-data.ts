import type { AppContext } from '../../context.ts';
import { ALL_SERVICES, grantStaffRole, type StaffRole } from '../identity/index.ts';
import { findAccountByUsername, insertAccount } from './identity.repo.ts';
import { findOrganizationByCreditCode, insertOrganization } from './organizations/organization.repo.ts';
import { hashPassword } from './passwords.ts';

/** Local-only demo accounts; the README lists them. Never created in production. */
type DemoAccount = {
  username: string;
  password: string;
  kind: 'staff' | 'individual' | 'enterprise_admin' | 'enterprise_operator';
  /** of the demo enterprise */
  organization?: true;
  name: string;
  role: string;
  /** staff roles: platform admin, or reviewer / supervisor of a service */
  grants?: { role: StaffRole; serviceCode: string; duties?: string[] }[];
  personal?: { idNumber: string; mobile: string; email: string };
};

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    username: 'sysadmin',
    password: 'Admin@2026',
    kind: 'staff',
    name: '平台管理员',
    role: 'platform admin (console)',
    grants: [{ role: 'platform_admin', serviceCode: ALL_SERVICES }],
  },
  {
    username: 'reviewer01',
    password: 'Review@2026',
    kind: 'staff',
    name: '审核员王五',
    role: 'reviewer and supervisor of enterprise registration and 人工资料审核 (console)',
    grants: [
      { role: 'reviewer', serviceCode: 'enterprise-registration' },
      { role: 'supervisor', serviceCode: 'enterprise-registration' },
      { role: 'reviewer', serviceCode: 'account-recovery' },
      { role: 'supervisor', serviceCode: 'account-recovery' },
    ],
  },
  {
    username: 'customs01',
    password: 'Customs@2026',
    kind: 'staff',
    name: '海关审核员陈七',
    role: 'customs reviewer and chief of 智慧审证 (console)',
    grants: [
      { role: 'reviewer', serviceCode: 'cert-review' },
      { role: 'supervisor', serviceCode: 'cert-review' },
    ],
  },
  {
    username: 'gdofficer01',
    password: 'Guangdong@2026',
    kind: 'staff',
    name: '广东审批员黄八',
    role: 'Guangdong officer and chief of 港车北上 (console; HK TD import, plates, suspension, replacement tags)',
    grants: [
      { role: 'reviewer', serviceCode: 'northbound' },
      { role: 'supervisor', serviceCode: 'northbound' },
      { role: 'reviewer', serviceCode: 'northbound-tags' },
      { role: 'supervisor', serviceCode: 'northbound-tags' },
    ],
  },
  {
    username: 'gdinspector01',
    password: 'Guangdong@2026',
    kind: 'staff',
    name: '广东验车员林九',
    role: '港车北上 officer for 验车、保险核验 only (a reviewer limited to one duty)',
    grants: [{ role: 'reviewer', serviceCode: 'northbound', duties: ['inspection'] }],
  },
  {
    username: 'hubstaff01',
    password: 'Hub@2026',
    kind: 'staff',
    name: '粤省事客服郑十',
    role: 'citizen hub staff: 意见反馈 answers, 居住登记 and 居住证 review (console)',
    grants: [
      { role: 'reviewer', serviceCode: 'hub-feedback' },
      { role: 'supervisor', serviceCode: 'hub-feedback' },
      { role: 'reviewer', serviceCode: 'residence-registration' },
      { role: 'reviewer', serviceCode: 'residence-permit' },
      { role: 'supervisor', serviceCode: 'residence-permit' },
    ],
  },
  {
    username: 'qiyeadmin01',
    password: 'Qiye@2026',
    kind: 'enterprise_admin',
    name: '李四',
    organization: true,
    personal: { idNumber: '440104198001010016', mobile: '13800138001', email: 'admin@gz-demo-trade.example' },
    role: 'administrator of the demo enterprise (account centre)',
  },
  {
    username: 'qiyeop01',
    password: 'Qiye@2026',
    kind: 'enterprise_operator',
    name: '赵六',
    organization: true,
    personal: {
      idNumber: '440104199002020026',
      mobile: '13800138002',
      email: 'operator@gz-demo-trade.example',
    },
    role: 'operator of the demo enterprise: 智慧审证 under 地方特色应用',
  },
  {
    username: 'zhangsan01',
    password: 'Demo@2026',
    kind: 'individual',
    name: '张三',
    personal: { idNumber: '11010519491231002X', mobile: '13800138000', email: 'zhangsan@example.com' },
    role: 'individual user (account centre)',
  },
];

/** The demo enterprise: the holder of the issuing authority simulator's sample certificates. */
export const DEMO_ENTERPRISE = {
  name: '广州示例进出口贸易有限公司',
  creditCode: '91440101MA59UQXX9Q',
  orgCode: 'MA59UQXX9',
} as const;

/** its legal representative (法人), known to the identity and registry simulators */
const DEMO_LEGAL_REP = { name: '陈建国', idNumber: '44010619750505001X' } as const;

async function demoEnterprise(ctx: AppContext): Promise<string> {
  const found = await findOrganizationByCreditCode(ctx.db, DEMO_ENTERPRISE.creditCode);
  if (found) return found.id;
  const org = await insertOrganization(ctx.db, {
    kind: 'enterprise',
    ...DEMO_ENTERPRISE,
    // as the market regulator simulator files it (integrations/registries.ts)
    legalRepName: DEMO_LEGAL_REP.name,
    legalRepIdType: 'resident_id',
    legalRepIdNumberEnc: ctx.crypto.encrypt(DEMO_LEGAL_REP.idNumber),
    legalRepIdNumberBidx: ctx.crypto.blindIndex('id:resident_id', DEMO_LEGAL_REP.idNumber),
  });
  return org.id;
}

export async function seedDemoData(ctx: AppContext) {
  if (ctx.config.mode === 'production') throw new Error('demo data is never seeded in production');
  const created: DemoAccount[] = [];
  for (const demo of DEMO_ACCOUNTS) {
    if (await findAccountByUsername(ctx.db, demo.username)) continue;
    const now = ctx.clock.now();
    const p = demo.personal;
    const personal = p
      ? {
          idType: 'resident_id' as const,
          idNumberEnc: ctx.crypto.encrypt(p.idNumber),
          idNumberBidx: ctx.crypto.blindIndex('id:resident_id', p.idNumber),
          idValidFrom: '20200101',
          idValidTo: '20400101',
          mobileEnc: ctx.crypto.encrypt(p.mobile),
          mobileBidx: ctx.crypto.blindIndex('mobile', p.mobile),
          mobileVerifiedAt: now,
          emailEnc: ctx.crypto.encrypt(p.email),
          emailBidx: ctx.crypto.blindIndex('email', p.email),
          emailVerifiedAt: now,
        }
      : {};
    const account = await insertAccount(ctx.db, {
      username: demo.username,
      kind: demo.kind,
      name: demo.name,
      ...(demo.organization ? { organizationId: await demoEnterprise(ctx) } : {}),
      passwordHash: await hashPassword(demo.password),
      ...personal,
    });
    for (const grant of demo.grants ?? [])
      await grantStaffRole(ctx.db, { accountId: account.id, ...grant, grantedBy: null, at: now });
    created.push(demo);
  }
  return created;
}

export function describeDemoAccounts(created: DemoAccount[]): string {
  if (created.length === 0) return '';
  const lines = created.map((d) => `  ${d.username.padEnd(12)} ${d.password.padEnd(12)} ${d.role}`);
  return ['Demo accounts created (local use only):', ...lines].join('\n');
}
