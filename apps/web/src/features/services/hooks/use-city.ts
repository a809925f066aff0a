import { GUANGDONG_CITIES } from '@sw/contracts';
import { useState } from 'react';

const KEY = 'sw.hub.city';
const DEFAULT_CITY = '4401';

function stored(): string {
  try {
    const code = window.localStorage.getItem(KEY);
    if (code && GUANGDONG_CITIES.some((city) => city.code === code)) return code;
  } catch {
    // storage refused (private mode): the default city
  }
  return DEFAULT_CITY;
}

/** The citizen hub's city (广州 unless chosen), remembered on this device. */
export function useCity(): [string, (code: string) => void] {
  const [city, setCity] = useState(stored);
  const choose = (code: string) => {
    setCity(code);
    try {
      window.localStorage.setItem(KEY, code);
    } catch {
      // not remembered; still used on this page
    }
  };
  return [city, choose];
}
