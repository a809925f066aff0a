// 我的证照's signed codes (issue 13 targets): issuing ≥ 2,000/s and verifying ≥ 5,000/s in Node on
// this machine. No database: what the server does per 亮证 (the claims, CBOR, COSE_Sign1 with the
// active ES256 key, Base45, and the QR symbol as SVG) and what a verifier does per scan
// (`verifyLicenceCode` from @sw/contracts/licences against a JWKS). The baseline, in the same run,
// is the raw ECDSA P-256 signature (node:crypto) over the same bytes: the cost floor of a signed code.
//
//   node bench/licence-codes.ts          (BENCH_SECONDS sets each run, default 3)
import { generateKeyPairSync, sign, verify } from 'node:crypto';
import QRCode from 'qrcode';
import { codeClaims, qrSvg } from '../apps/server/src/modules/licences/licences.service.ts';
import {
  encodeLicenceCode,
  type LicenceJwk,
  licenceSigStructure,
  verifyLicenceCode,
} from '../packages/contracts/src/licences/licence-qr.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const jwk = {
  ...(publicKey.export({ format: 'jwk' }) as object),
  kid: 'lk-20261204-bench1',
  alg: 'ES256',
  use: 'sig',
} as LicenceJwk;
const signer = (data: Uint8Array) =>
  new Uint8Array(sign('sha256', data, { key: privateKey, dsaEncoding: 'ieee-p1363' }));
const record = {
  number: '440103199003071234',
  holder: '欧阳小明',
  validFrom: '2020-01-01',
  validUntil: '2040-01-01',
  fields: {},
};

async function rate(label: string, work: () => unknown | Promise<unknown>, parallel = 1): Promise<number> {
  // warm-up
  for (let i = 0; i < 200; i++) await work();
  let done = 0;
  const end = performance.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (performance.now() < end) {
        await work();
        done++;
      }
    }),
  );
  const perSecond = done / SECONDS;
  console.log(`  ${label}: ${Math.round(perSecond).toLocaleString('en')}/s`);
  return perSecond;
}

const sample = encodeLicenceCode(codeClaims('eid', record, new Date()), jwk.kid, signer);
const bytes = licenceSigStructure(new Uint8Array(64), new Uint8Array(200));
const signature = sign('sha256', bytes, { key: privateKey, dsaEncoding: 'ieee-p1363' });
const qr = QRCode.create([{ data: sample, mode: 'alphanumeric' }], { errorCorrectionLevel: 'Q' });
console.log(`  a code: ${sample.length} characters, QR version ${qr.version} at level Q (alphanumeric)`);

const rawSign = await rate('baseline: raw ECDSA P-256 sign', () =>
  sign('sha256', bytes, { key: privateKey, dsaEncoding: 'ieee-p1363' }),
);
const issue = await rate('issue a code (claims, CBOR, COSE_Sign1, Base45)', () =>
  encodeLicenceCode(codeClaims('eid', record, new Date()), jwk.kid, signer),
);
const issueQr = await rate('issue a code and its QR (SVG), as 亮证 does', () =>
  qrSvg(encodeLicenceCode(codeClaims('eid', record, new Date()), jwk.kid, signer)),
);
const rawVerify = await rate('baseline: raw ECDSA P-256 verify', () =>
  verify('sha256', bytes, { key: publicKey, dsaEncoding: 'ieee-p1363' }, signature),
);
const jwks = { keys: [jwk] };
const verifySeq = await rate('verify a code (verifyLicenceCode, one at a time)', () =>
  verifyLicenceCode(sample, jwks),
);
const verifyPar = await rate('verify codes, 32 at a time', () => verifyLicenceCode(sample, jwks), 32);

const pct = (a: number, b: number) => `${((a / b) * 100).toFixed(0)}% of the raw signature`;
console.log(
  `Target: issuing a licence QR ≥ 2,000/s → ${Math.round(issueQr).toLocaleString('en')}/s with the QR symbol, ${Math.round(issue).toLocaleString('en')}/s for the code alone (${pct(issue, rawSign)})`,
);
console.log(
  `Target: verifying a licence QR ≥ 5,000/s → ${Math.round(verifySeq).toLocaleString('en')}/s one at a time, ${Math.round(verifyPar).toLocaleString('en')}/s 32 at a time (${pct(verifySeq, rawVerify)})`,
);
