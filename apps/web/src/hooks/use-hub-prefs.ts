import { GUANGDONG_CITIES } from '@sw/contracts';
import { useSyncExternalStore } from 'react';

/*
 * The citizen hub's choices, remembered on this device (localStorage) and shared by every
 * component that shows them: the city (「左上角的地市」, 广州 unless chosen) and 长辈模式.
 */

const CITY_KEY = 'sw.hub.city';
const ELDER_KEY = 'sw.hub.elder';
const DEFAULT_CITY = '4401';
const listeners = new Set<() => void>();

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null; // storage refused (private mode): defaults
  }
}

function write(key: string, value: string) {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // not remembered; still used on this page
  }
  memory.set(key, value);
  for (const listener of listeners) listener();
}

const memory = new Map<string, string>();
const value = (key: string) => memory.get(key) ?? read(key);

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function storedCity(): string {
  const code = value(CITY_KEY);
  return code && GUANGDONG_CITIES.some((city) => city.code === code) ? code : DEFAULT_CITY;
}

/** The hub's city, remembered on this device. */
export function useCity(): [string, (code: string) => void] {
  const city = useSyncExternalStore(subscribe, storedCity, () => DEFAULT_CITY);
  return [city, (code: string) => write(CITY_KEY, code)];
}

/** 长辈模式: larger type and a simpler layout, remembered on this device. */
export function useElderMode(): [boolean, (on: boolean) => void] {
  const on = useSyncExternalStore(
    subscribe,
    () => value(ELDER_KEY) === '1',
    () => false,
  );
  return [on, (next: boolean) => write(ELDER_KEY, next ? '1' : '0')];
}
