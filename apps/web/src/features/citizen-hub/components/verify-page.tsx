import {
  CameraOutlined,
  CheckCircleFilled,
  CloseCircleFilled,
  ExclamationCircleFilled,
  PictureOutlined,
} from '@ant-design/icons';
import { LICENCE_TYPE_INFO } from '@sw/contracts';
import { type LicenceJwks, type LicenceVerification, verifyLicenceCode } from '@sw/contracts/licences';
import { Alert, Button, Descriptions, Input } from 'antd';
import jsQR from 'jsqr';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../hooks/use-locale';
import { formatDateTime } from '../../../lib/format';

/*
 * 扫码核验 (issue 13 §2): reads a licence code from the camera, a photo or pasted text and checks it
 * here, in the browser — signature, key id and expiry — against the platform's published keys,
 * kept on this device so the check works offline. Nothing is sent to the server.
 */

const JWKS_KEY = 'sw.licences.jwks';
const JWKS_FRESH_MS = 5 * 60_000;

type CachedJwks = { fetchedAt: number; jwks: LicenceJwks };

function cachedJwks(): CachedJwks | null {
  try {
    const raw = window.localStorage.getItem(JWKS_KEY);
    return raw ? (JSON.parse(raw) as CachedJwks) : null;
  } catch {
    return null;
  }
}

async function fetchJwks(): Promise<CachedJwks> {
  const response = await fetch('/api/licences/verification-keys', { credentials: 'omit' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const entry = { fetchedAt: Date.now(), jwks: (await response.json()) as LicenceJwks };
  try {
    window.localStorage.setItem(JWKS_KEY, JSON.stringify(entry));
  } catch {
    // not kept: this page still has it
  }
  return entry;
}

/** The keys: the cached ones while fresh (or offline), else fetched; `force` when a key id is unknown. */
async function keys(force = false): Promise<CachedJwks | null> {
  const cached = cachedJwks();
  if (cached && !force && Date.now() - cached.fetchedAt < JWKS_FRESH_MS) return cached;
  if (!navigator.onLine) return cached;
  try {
    return await fetchJwks();
  } catch {
    return cached;
  }
}

type Outcome = { result: LicenceVerification; offline: boolean; keysAt: number | null };

async function check(code: string): Promise<Outcome> {
  let entry = await keys();
  let result = await verifyLicenceCode(code, entry?.jwks ?? { keys: [] });
  if (result.status === 'forged' && result.reason === 'unknown_key' && navigator.onLine) {
    entry = await keys(true);
    result = await verifyLicenceCode(code, entry?.jwks ?? { keys: [] });
  }
  return { result, offline: !navigator.onLine, keysAt: entry?.fetchedAt ?? null };
}

function decodeImage(source: CanvasImageSource, width: number, height: number): string | null {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return null;
  context.drawImage(source, 0, 0, width, height);
  const image = context.getImageData(0, 0, width, height);
  return jsQR(image.data, width, height)?.data ?? null;
}

type Detector = { detect(source: CanvasImageSource): Promise<{ rawValue: string }[]> };
function barcodeDetector(): Detector | null {
  const Ctor = (window as unknown as { BarcodeDetector?: new (o: { formats: string[] }) => Detector })
    .BarcodeDetector;
  return Ctor ? new Ctor({ formats: ['qr_code'] }) : null;
}

/** The camera: the browser's BarcodeDetector where it has one, jsQR on the frames otherwise. */
function CameraScanner({
  onCode,
  onError,
}: {
  onCode: (code: string) => void;
  onError: (m: string) => void;
}) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer = 0;
    let stopped = false;
    const detector = barcodeDetector();
    const scan = async () => {
      const v = video.current;
      if (stopped || !v || v.readyState < 2) return;
      const found = detector
        ? (await detector.detect(v).catch(() => []))[0]?.rawValue
        : decodeImage(v, v.videoWidth, v.videoHeight);
      if (found && !stopped) onCode(found);
    };
    navigator.mediaDevices
      ?.getUserMedia({ video: { facingMode: 'environment' } })
      .then(async (s) => {
        stream = s;
        if (!video.current || stopped) return;
        video.current.srcObject = s;
        await video.current.play();
        timer = window.setInterval(() => void scan(), 300);
      })
      .catch(() => onError(t('hub.verify.noCamera')));
    if (!navigator.mediaDevices) onError(t('hub.verify.noCamera'));
    return () => {
      stopped = true;
      window.clearInterval(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, [onCode, onError, t]);
  return (
    <video ref={video} className="sw-verify__video" muted playsInline aria-label={t('hub.verify.camera')} />
  );
}

function Result({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { result } = outcome;
  const claims = result.status === 'forged' ? null : result.claims;
  const icon =
    result.status === 'valid' ? (
      <CheckCircleFilled aria-hidden="true" />
    ) : result.status === 'expired' ? (
      <ExclamationCircleFilled aria-hidden="true" />
    ) : (
      <CloseCircleFilled aria-hidden="true" />
    );
  return (
    <section
      className={`sw-verify__result sw-verify__result--${result.status}`}
      aria-live="polite"
      aria-labelledby="verify-verdict"
    >
      <h2 id="verify-verdict">
        {icon} {t(`hub.verify.status.${result.status}`)}
      </h2>
      {result.status === 'forged' ? <p>{t(`hub.verify.reasons.${result.reason}`)}</p> : null}
      {claims ? (
        <Descriptions
          column={1}
          size="small"
          bordered
          items={[
            {
              key: 'type',
              label: t('hub.verify.type'),
              children: LICENCE_TYPE_INFO[claims.licence.type].name[locale],
            },
            { key: 'holder', label: t('hub.verify.holder'), children: claims.licence.holderMasked },
            { key: 'number', label: t('hub.verify.number'), children: claims.licence.numberMasked },
            {
              key: 'validity',
              label: t('hub.verify.validity'),
              children: `${claims.licence.validFrom ?? '—'} ~ ${claims.licence.validUntil ?? t('hub.verify.longTerm')}`,
            },
            {
              key: 'issued',
              label: t('hub.verify.issuedAt'),
              children: formatDateTime(new Date(claims.iat * 1000).toISOString()),
            },
            {
              key: 'expires',
              label: t('hub.verify.expiresAt'),
              children: formatDateTime(new Date(claims.exp * 1000).toISOString()),
            },
            { key: 'kid', label: t('hub.verify.kid'), children: result.kid },
          ]}
        />
      ) : null}
      <p className="sw-hub-hint">
        {outcome.offline ? t('hub.verify.checkedOffline') : t('hub.verify.checkedHere')}
        {outcome.keysAt
          ? ` ${t('hub.verify.keysAt', { time: formatDateTime(new Date(outcome.keysAt).toISOString()) })}`
          : ''}
      </p>
    </section>
  );
}

/** 扫码核验: the verifier's page. */
export function VerifyPage() {
  const { t } = useTranslation();
  const [scanning, setScanning] = useState(false);
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const file = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void keys(); // keep the keys on this device for offline checks
  }, []);

  const verify = async (code: string) => {
    setProblem(null);
    setScanning(false);
    setText(code);
    setOutcome(await check(code));
  };

  const fromImage = async (picked: File | undefined) => {
    if (!picked) return;
    try {
      const bitmap = await createImageBitmap(picked);
      const code = decodeImage(bitmap, bitmap.width, bitmap.height);
      if (code) await verify(code);
      else setProblem(t('hub.verify.noCode'));
    } catch {
      setProblem(t('hub.verify.noCode'));
    }
  };

  return (
    <section className="sw-hub-section sw-verify" aria-labelledby="verify-title">
      <h1 id="verify-title">{t('hub.verify.title')}</h1>
      <p className="sw-hub-hint">{t('hub.verify.intro')}</p>
      {scanning ? (
        <CameraScanner
          onCode={(code) => void verify(code)}
          onError={(m) => {
            setScanning(false);
            setProblem(m);
          }}
        />
      ) : null}
      <div className="sw-verify__actions">
        <Button type="primary" size="large" icon={<CameraOutlined />} onClick={() => setScanning((s) => !s)}>
          {scanning ? t('hub.verify.stop') : t('hub.verify.scan')}
        </Button>
        <Button size="large" icon={<PictureOutlined />} onClick={() => file.current?.click()}>
          {t('hub.verify.fromImage')}
        </Button>
        <input
          ref={file}
          type="file"
          accept="image/*"
          hidden
          aria-label={t('hub.verify.fromImage')}
          onChange={(e) => void fromImage(e.target.files?.[0])}
        />
      </div>
      <form
        className="sw-hub-gap"
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim()) void verify(text.trim());
        }}
      >
        <label htmlFor="verify-code" className="sw-hub-pin__label">
          {t('hub.verify.paste')}
        </label>
        <Input.TextArea
          id="verify-code"
          rows={3}
          value={text}
          onChange={(e) => setText(e.target.value)}
          spellCheck={false}
        />
        <Button htmlType="submit" size="large" block className="sw-hub-gap" disabled={!text.trim()}>
          {t('hub.verify.check')}
        </Button>
      </form>
      {problem ? <Alert type="warning" showIcon role="alert" title={problem} className="sw-hub-gap" /> : null}
      {outcome ? <Result outcome={outcome} /> : null}
    </section>
  );
}
