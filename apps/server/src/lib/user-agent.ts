/** "Chrome 126 · Windows" from a User-Agent header: enough for a person to recognise a device. */
export function describeUserAgent(ua: string | null | undefined): string {
  if (!ua) return 'Unknown';
  const browsers: [RegExp, string][] = [
    [/MicroMessenger\/([\d.]+)/, 'WeChat'],
    [/Edg(?:e|A|iOS)?\/(\d+)/, 'Edge'],
    [/OPR\/(\d+)/, 'Opera'],
    [/Firefox\/(\d+)/, 'Firefox'],
    [/(?:Chrome|CriOS)\/(\d+)/, 'Chrome'],
    [/Version\/(\d+)[\d.]* .*Safari\//, 'Safari'],
  ];
  const oses: [RegExp, string][] = [
    [/Windows NT/, 'Windows'],
    [/iPhone|iPad|iPod/, 'iOS'],
    [/Android/, 'Android'],
    [/Mac OS X/, 'macOS'],
    [/HarmonyOS/, 'HarmonyOS'],
    [/Linux/, 'Linux'],
  ];
  let browser = 'Browser';
  for (const [re, name] of browsers) {
    const m = re.exec(ua);
    if (m) {
      browser = name === 'WeChat' ? name : `${name} ${m[1]}`;
      break;
    }
  }
  const os = oses.find(([re]) => re.test(ua))?.[1];
  return os ? `${browser} · ${os}` : browser;
}
