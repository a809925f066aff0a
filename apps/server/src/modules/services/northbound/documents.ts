import { timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import fontkit from '@cantoo/fontkit';
import { PDFDocument, type PDFFont, type PDFPage, rgb } from '@cantoo/pdf-lib';
import { type Locale, maskIdNumber, maskName, normalizeHkId } from '@sw/contracts';
import QRCode from 'qrcode';
import type { AppContext } from '../../../context.ts';
import { fieldError } from '../../../http/app-error.ts';
import { definitionOf, findApplicationById } from '../../casework/index.ts';
import {
  DOCUMENT_NAMES,
  type DocumentCheck,
  type DocumentKind,
  type NbState,
  NORTHBOUND,
} from './contract.ts';
import { type RecordRow, readData, recordsByIds } from './records.ts';

/*
 * 准入资格确认函 and 临时入境机动车牌证 (000 §4.8 我要查询) as PDFs, with a verification QR code: the
 * code holds a link whose token names the vehicle and the document and carries a keyed MAC, so no
 * table is needed and nobody can make one up; the link answers with the document's standing now
 * (a revoked permit shows as no longer valid). Text is set in Noto Sans SC (SIL Open Font Licence,
 * from the npm package @expo-google-fonts/noto-sans-sc), embedded as a subset: it covers simplified and
 * traditional characters alike.
 */

/** The letter exists once Guangdong approved; the permit while the vehicle is cleared to travel. */
const AVAILABLE: Record<DocumentKind, readonly NbState[]> = {
  'admission-letter': ['inspection', 'issuing', 'active', 'suspended'],
  'plate-permit': ['active'],
};

let fontBytes: Promise<Buffer> | undefined;
function font(): Promise<Buffer> {
  fontBytes ??= readFile(
    createRequire(import.meta.url).resolve(
      '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
    ),
  );
  return fontBytes;
}

const MAC_PURPOSE = 'northbound.document';

/** The verification token: `<kind letter><record id, hex><mac>` — URL-safe, unguessable. */
export function documentToken(ctx: AppContext, kind: DocumentKind, recordId: string): string {
  const body = `${kind === 'admission-letter' ? 'a' : 'p'}${recordId.replaceAll('-', '')}`;
  return body + ctx.crypto.hashSecret(MAC_PURPOSE, body).slice(0, 24);
}

export function readDocumentToken(
  ctx: AppContext,
  token: string,
): { kind: DocumentKind; recordId: string } | null {
  const m = /^([ap])([0-9a-f]{32})([0-9a-f]{24})$/.exec(token);
  if (!m) return null;
  const body = `${m[1]}${m[2]}`;
  const expected = Buffer.from(ctx.crypto.hashSecret(MAC_PURPOSE, body).slice(0, 24));
  if (!timingSafeEqual(expected, Buffer.from(m[3]!))) return null;
  const hex = m[2]!;
  const recordId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { kind: m[1] === 'a' ? 'admission-letter' : 'plate-permit', recordId };
}

export function verifyUrl(ctx: AppContext, token: string): string {
  return `${ctx.config.webauthn.origin}/apps/northbound/verify/${token}`;
}

const T = {
  owner: { 'zh-CN': '车辆所有人', 'zh-HK': '車輛所有人', en: 'Owner' },
  hkid: { 'zh-CN': '香港身份证号码', 'zh-HK': '香港身份證號碼', en: 'HKID' },
  hkPlate: { 'zh-CN': '香港车牌号码', 'zh-HK': '香港車牌號碼', en: 'HK registration mark' },
  vehicle: { 'zh-CN': '车辆', 'zh-HK': '車輛', en: 'Vehicle' },
  chassis: { 'zh-CN': '车架号', 'zh-HK': '車架號', en: 'Chassis number' },
  drivers: { 'zh-CN': '备案驾驶人', 'zh-HK': '備案駕駛人', en: 'Designated drivers' },
  permitted: { 'zh-CN': '获准出入内地期限', 'zh-HK': '獲准出入內地期限', en: 'Permitted period' },
  number: { 'zh-CN': '申请编号', 'zh-HK': '申請編號', en: 'Application number' },
  tempPlate: { 'zh-CN': '临时入境机动车号牌', 'zh-HK': '臨時入境機動車號牌', en: 'Temporary plate' },
  permitValid: { 'zh-CN': '牌证有效期', 'zh-HK': '牌證有效期', en: 'Valid' },
  tag: { 'zh-CN': '车辆通关识别标签（车卡）', 'zh-HK': '車輛通關識別標籤（車卡）', en: 'Vehicle tag' },
  port: { 'zh-CN': '指定口岸', 'zh-HK': '指定口岸', en: 'Port' },
  portName: { 'zh-CN': '港珠澳大桥珠海公路口岸', 'zh-HK': '港珠澳大橋珠海公路口岸', en: 'HZMB Zhuhai Port' },
  issuer: {
    'zh-CN': '广东省公安厅',
    'zh-HK': '廣東省公安廳',
    en: 'Guangdong Provincial Public Security Department',
  },
  issued: { 'zh-CN': '出具日期', 'zh-HK': '出具日期', en: 'Issued' },
  verify: {
    'zh-CN': '扫描二维码或访问以下地址核验本文书：',
    'zh-HK': '掃描二維碼或訪問以下地址核驗本文書：',
    en: 'Scan the QR code or open this address to verify this document:',
  },
  letterBody: {
    'zh-CN':
      '经粤港两地审批，上述香港机动车已获准经港珠澳大桥珠海公路口岸入出内地。请按规定办理验车、保险及发牌手续，取得临时入境机动车牌证后方可通行。',
    'zh-HK':
      '經粵港兩地審批，上述香港機動車已獲准經港珠澳大橋珠海公路口岸入出內地。請按規定辦理驗車、保險及發牌手續，取得臨時入境機動車牌證後方可通行。',
    en: 'Approved by Guangdong and Hong Kong, the vehicle above may enter and leave the mainland through the HZMB Zhuhai Port once inspected, insured and issued its temporary plate and permit.',
  },
  permitBody: {
    'zh-CN':
      '本牌证须随车携带，在内地行驶时应遵守内地道路交通安全法律法规，每次入境停留不超过30日，每年累计不超过180日。',
    'zh-HK':
      '本牌證須隨車攜帶，在內地行駛時應遵守內地道路交通安全法律法規，每次入境停留不超過30日，每年累計不超過180日。',
    en: 'Carry this permit in the vehicle. Mainland traffic law applies; each stay at most 30 days, at most 180 days a year.',
  },
} as const;

/** One line of text, wrapped to the width; returns the y below it. */
function write(
  page: PDFPage,
  f: PDFFont,
  text: string,
  x: number,
  y: number,
  size: number,
  width = 475,
): number {
  let line = '';
  let at = y;
  for (const ch of text) {
    if (f.widthOfTextAtSize(line + ch, size) > width) {
      page.drawText(line, { x, y: at, size, font: f, color: rgb(0.1, 0.1, 0.1) });
      at -= size * 1.6;
      line = '';
    }
    line += ch;
  }
  if (line) page.drawText(line, { x, y: at, size, font: f, color: rgb(0.1, 0.1, 0.1) });
  return at - size * 1.6;
}

async function loadDocument(ctx: AppContext, row: RecordRow) {
  const application = await findApplicationById(ctx.db, row.applicationId);
  if (!application) throw fieldError('recordId', 'northbound.record_not_found', 404);
  return { application, status: application.status as NbState };
}

/** The PDF of one of the owner's documents, in the page's language (Traditional Chinese by default). */
export async function renderDocument(
  ctx: AppContext,
  row: RecordRow,
  kind: DocumentKind,
  locale: Locale,
): Promise<{ pdf: Uint8Array; filename: string }> {
  const { application, status } = await loadDocument(ctx, row);
  if (!AVAILABLE[kind].includes(status)) throw fieldError('kind', 'northbound.document_not_available', 409);
  const data = readData(ctx, row);
  const now = ctx.clock.now();
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const f = await doc.embedFont(await font(), { subset: true });
  const title = DOCUMENT_NAMES[kind][locale];
  doc.setTitle(`${title} ${application.number ?? ''}`);
  doc.setAuthor(T.issuer[locale]);
  doc.setCreator('单一窗口 · 港车北上');
  doc.setLanguage(locale);
  const page = doc.addPage([595.28, 841.89]);
  const heading = `「港車北上」${title}`;
  page.drawText(heading, {
    x: (595.28 - f.widthOfTextAtSize(heading, 20)) / 2,
    y: 770,
    size: 20,
    font: f,
  });
  let y = 720;
  const field = (label: string, value: string) => {
    y = write(page, f, `${label}：${value}`, 60, y, 12);
  };
  field(T.number[locale], application.number ?? '');
  field(T.owner[locale], data.owner.nameEn ? `${data.owner.name}（${data.owner.nameEn}）` : data.owner.name);
  field(T.hkid[locale], maskIdNumber(normalizeHkId(data.owner.hkid)));
  field(T.hkPlate[locale], row.hkPlate);
  field(T.vehicle[locale], `${data.vehicle.make} ${data.vehicle.model} · ${data.vehicle.colour}`);
  field(T.chassis[locale], data.vehicle.chassisNo);
  if (data.drivers.length) field(T.drivers[locale], data.drivers.map((d) => d.name).join('、'));
  field(T.permitted[locale], `${row.permittedFrom} — ${row.permittedUntil}`);
  field(T.port[locale], T.portName[locale]);
  if (kind === 'plate-permit') {
    field(T.tempPlate[locale], row.tempPlate ?? '');
    field(T.permitValid[locale], `${row.permitValidFrom} — ${row.permitValidTo}`);
    field(T.tag[locale], row.tagNo ?? '');
  }
  y -= 10;
  y = write(page, f, kind === 'admission-letter' ? T.letterBody[locale] : T.permitBody[locale], 60, y, 12);
  y -= 20;
  write(page, f, T.issuer[locale], 340, y, 12, 200);
  write(page, f, `${T.issued[locale]}：${now.toISOString().slice(0, 10)}`, 340, y - 20, 12, 200);

  const url = verifyUrl(ctx, documentToken(ctx, kind, row.id));
  const qr = await doc.embedPng(
    await QRCode.toBuffer(url, { type: 'png', margin: 1, width: 300, errorCorrectionLevel: 'M' }),
  );
  page.drawImage(qr, { x: 60, y: 110, width: 120, height: 120 });
  write(page, f, T.verify[locale], 195, 210, 10, 340);
  write(page, f, url, 60, 90, 8, 480);
  const pdf = await doc.save();
  return { pdf, filename: `${kind}-${application.number ?? row.id}.pdf` };
}

/** What a scan of the QR code shows: the document's standing now, personal data masked. */
export async function checkDocument(ctx: AppContext, token: string): Promise<DocumentCheck> {
  const read = readDocumentToken(ctx, token);
  const [row] = read ? await recordsByIds(ctx.db, [read.recordId]) : [];
  if (!read || !row) throw fieldError('token', 'northbound.document_unknown', 404);
  const { application, status } = await loadDocument(ctx, row);
  const data = readData(ctx, row);
  const permit = read.kind === 'plate-permit';
  return {
    kind: read.kind,
    name: DOCUMENT_NAMES[read.kind],
    valid: AVAILABLE[read.kind].includes(status),
    number: application.number ?? '',
    ownerMasked: maskName(data.owner.name),
    hkPlate: row.hkPlate,
    tempPlate: permit ? row.tempPlate : null,
    validFrom: permit ? row.permitValidFrom : row.permittedFrom,
    validTo: permit ? row.permitValidTo : row.permittedUntil,
    statusName: definitionOf(NORTHBOUND).stateNames[status]!,
    checkedAt: ctx.clock.now().toISOString(),
  };
}
