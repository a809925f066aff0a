// `npm run card:issue -- --holder 张三 --id-number 11010519491231002X --credit-code 91… --org-name … --role legal_person --pin 123456`
// Issues a card (certificate from the platform CA + PIN-protected .p12) against the configured
// database, as staff do in the console 「卡介质管理」, and writes the .p12 file.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { IssueCardBody, orgCodeOfCreditCode } from '@sw/contracts';
import { build } from '../app.ts';
import { loadConfig } from '../config.ts';
import { issueCard } from '../modules/pki/issue-card.ts';

const USAGE = `Usage: npm run card:issue -- [options]
  --holder <name>          holder name (required)
  --id-type <type>         resident_id (default), passport, hk_macao_permit, taiwan_permit,
                           foreign_permanent_resident, hk_identity_card
  --id-number <number>     holder ID number (required)
  --credit-code <code>     unified social credit code (GB 32100)
  --org-code <code>        organization code (GB 11714); defaults to characters 9–17 of the credit code
  --org-name <name>        organization name (required)
  --role <role>            legal_person or operator (required)
  --pin <pin>              介质密码, 6–16 characters (required)
  --card-no <digits>       card number (8–20 digits; generated when omitted)
  --not-before <date>      ISO date or date-time (default: now)
  --not-after <date>       ISO date or date-time (default: one year from now)
  --out <file>             where to write the .p12 (default: ./<card number>.p12)`;

function toTimestamp(v: string | undefined): string | undefined {
  if (!v) return undefined;
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00+08:00` : v);
  return Number.isNaN(d.getTime()) ? v : d.toISOString();
}

const { values } = parseArgs({
  options: {
    holder: { type: 'string' },
    'id-type': { type: 'string', default: 'resident_id' },
    'id-number': { type: 'string' },
    'credit-code': { type: 'string' },
    'org-code': { type: 'string' },
    'org-name': { type: 'string' },
    role: { type: 'string' },
    pin: { type: 'string' },
    'card-no': { type: 'string' },
    'not-before': { type: 'string' },
    'not-after': { type: 'string' },
    out: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const creditCode = values['credit-code']?.toUpperCase();
const parsed = IssueCardBody.safeParse({
  cardNo: values['card-no'],
  holderName: values.holder,
  holderIdType: values['id-type'],
  holderIdNumber: values['id-number'],
  creditCode,
  orgCode: values['org-code'] ?? (creditCode ? orgCodeOfCreditCode(creditCode) : undefined),
  orgName: values['org-name'],
  role: values.role,
  notBefore: toTimestamp(values['not-before']),
  notAfter: toTimestamp(values['not-after']) ?? new Date(Date.now() + 365 * 24 * 3_600_000).toISOString(),
  pin: values.pin,
});
if (!parsed.success) {
  for (const issue of parsed.error.issues)
    console.error(`  ${issue.path.join('.') || '(input)'}: ${issue.message}`);
  console.error(`\n${USAGE}`);
  process.exit(2);
}

const { app, ctx } = await build({ config: loadConfig(), logger: false });
try {
  const { card, pkcs12 } = await issueCard(ctx, parsed.data, { id: null, ip: null });
  const out = path.resolve(values.out ?? `${card.cardNo}.p12`);
  writeFileSync(out, pkcs12, { mode: 0o600 });
  console.log(`Issued card ${card.cardNo} (${card.role}, serial ${card.serial}) for ${card.orgName}`);
  console.log(`Valid ${card.notBefore.toISOString()} – ${card.notAfter.toISOString()}`);
  console.log(`PKCS#12 written to ${out} (open it with the PIN you chose)`);
} catch (err) {
  const code = (err as { code?: string }).code;
  console.error(code ? `Refused: ${code}` : err);
  process.exitCode = 1;
} finally {
  await app.close();
}
