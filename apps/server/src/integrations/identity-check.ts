import { type IdType, isValidIdNumber } from '@sw/contracts';
import type { FastifyBaseLogger } from 'fastify';
import { AppError } from '../http/app-error.ts';
import type { Adapter } from './types.ts';

/*
 * The public-security identity source (身份信息认证: name + document + number) and the banks'
 * four-element check (银行卡认证: name, document, card number, bank-reserved mobile), as the
 * platform calls them to raise an account's real-name level (seed 004 §3.6). Neither agency can be
 * reached from here: both are simulators, labelled as such in the UI and the log.
 *
 * The simulated register answers by a fixed, documented rule:
 *   - the sample people below are known under their names: another name is `mismatch`;
 *   - any other resident-ID number that passes GB 11643's check digit is `match` (the simulator
 *     cannot know who holds it), one that fails is `not_found`; other documents are `match` when
 *     well-formed;
 *   - a bank card must pass the Luhn check (`card_invalid` otherwise) and its holder the identity rule.
 * In production (allowed only with ALLOW_SIMULATORS=true) it asserts nothing about real people:
 * every call is refused with 503 `simulator.unavailable_in_production`.
 */

export type IdentityFacts = { name: string; idType: IdType; idNumber: string };
export type IdentityCheckResult = 'match' | 'mismatch' | 'not_found';
export type BankCardFacts = IdentityFacts & { cardNumber: string; mobile: string };
export type BankCardResult = IdentityCheckResult | 'card_invalid';

/** the banks whose corporate-account check (企业实名认证 / 银行UKEY认证) the manual names */
export const CORPORATE_BANKS = ['ccb', 'abc', 'cmbc'] as const;
export type CorporateBank = (typeof CORPORATE_BANKS)[number];
export type CorporateAccountFacts = {
  bank: CorporateBank;
  enterpriseName: string;
  /** 统一社会信用代码, or 组织机构代码 for an enterprise without one */
  enterpriseCode: string;
  accountNumber: string;
};
export type CorporateAccountResult = 'match' | 'mismatch' | 'account_invalid';

export type IdentityAgencies = Adapter & {
  checkIdentity(facts: IdentityFacts): Promise<IdentityCheckResult>;
  checkBankCard(facts: BankCardFacts): Promise<BankCardResult>;
  /**
   * 企业实名认证 through a bank (建设银行, 农业银行, 民生银行): the bank confirms, after its UKEY
   * sign-in, that the corporate account is the named enterprise's.
   */
  checkCorporateAccount(facts: CorporateAccountFacts): Promise<CorporateAccountResult>;
};

/**
 * The simulated banks' corporate accounts: the demo enterprise's at 建设银行. Another enterprise
 * named with a known account is `mismatch`; any other account number passing the Luhn check is taken
 * as the named enterprise's (the simulator cannot know), one failing it is `account_invalid`.
 */
export const SAMPLE_CORPORATE_ACCOUNTS: readonly {
  bank: CorporateBank;
  accountNumber: string;
  enterpriseCode: string;
}[] = [{ bank: 'ccb', accountNumber: '44050149040100000018', enterpriseCode: '91440101MA59UQXX9Q' }];

/** The simulator's sample people: the demo accounts' holders (documented in the README). */
export const SAMPLE_PEOPLE: readonly { name: string; idType: IdType; idNumber: string }[] = [
  { name: '张三', idType: 'resident_id', idNumber: '11010519491231002X' },
  { name: '李四', idType: 'resident_id', idNumber: '440104198001010016' },
  { name: '赵六', idType: 'resident_id', idNumber: '440104199002020026' },
  // the demo enterprise's legal representative (the market regulator simulator's record)
  { name: '陈建国', idType: 'resident_id', idNumber: '44010619750505001X' },
];

/** Luhn (ISO/IEC 7812) over a 12–19 digit card number. */
export function luhnValid(cardNumber: string): boolean {
  if (!/^\d{12,19}$/.test(cardNumber)) return false;
  let sum = 0;
  for (let i = 0; i < cardNumber.length; i++) {
    let d = Number(cardNumber[cardNumber.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function simulatedIdentity(facts: IdentityFacts): IdentityCheckResult {
  const number = facts.idNumber.trim().toUpperCase();
  const known = SAMPLE_PEOPLE.find((p) => p.idType === facts.idType && p.idNumber === number);
  if (known) return known.name === facts.name.trim() ? 'match' : 'mismatch';
  return isValidIdNumber(facts.idType, number) ? 'match' : 'not_found';
}

export function createIdentityAgenciesSimulator(opts: {
  log: FastifyBaseLogger;
  production: boolean;
}): IdentityAgencies {
  const refuse = () => {
    throw new AppError('simulator.unavailable_in_production', { status: 503 });
  };
  return {
    name: 'identity-agencies-simulator',
    isSimulator: true,
    async checkIdentity(facts) {
      if (opts.production) refuse();
      const result = simulatedIdentity(facts);
      opts.log.info({ adapter: 'identity-agencies-simulator', result }, '[SIMULATOR] identity check');
      return result;
    },
    async checkBankCard(facts) {
      if (opts.production) refuse();
      const result = luhnValid(facts.cardNumber) ? simulatedIdentity(facts) : 'card_invalid';
      opts.log.info({ adapter: 'identity-agencies-simulator', result }, '[SIMULATOR] bank card check');
      return result;
    },
    async checkCorporateAccount(facts) {
      if (opts.production) refuse();
      const number = facts.accountNumber.replace(/\s+/g, '');
      const known = SAMPLE_CORPORATE_ACCOUNTS.find((a) => a.accountNumber === number);
      const result: CorporateAccountResult = known
        ? known.bank === facts.bank && known.enterpriseCode === facts.enterpriseCode.toUpperCase()
          ? 'match'
          : 'mismatch'
        : luhnValid(number)
          ? 'match'
          : 'account_invalid';
      opts.log.info(
        { adapter: 'identity-agencies-simulator', bank: facts.bank, result },
        '[SIMULATOR] corporate account check',
      );
      return result;
    },
  };
}

/** The timeout every agency call gets: a clear 503 instead of a hanging request. */
export const AGENCY_TIMEOUT_MS = 8_000;

export async function withAgencyTimeout<T>(work: Promise<T>, ms = AGENCY_TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AppError('agency.unavailable', { status: 503 })), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
