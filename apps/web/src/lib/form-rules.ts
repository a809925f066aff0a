import {
  type ErrorCode,
  errorMessage,
  type IdType,
  isStrongPassword,
  isValidEmail,
  isValidIdNumber,
  isValidMobile,
  isValidUsername,
  isValidYmd,
  LONG_TERM_DATE,
  type Locale,
} from '@sw/contracts';
import type { FormRule } from 'antd';
import dayjs from 'dayjs';

/**
 * antd Form rules built on the @sw/contracts validators, so the browser refuses exactly what the
 * server refuses, with the same translated message per error code.
 */
function fail(code: ErrorCode, locale: Locale): Promise<never> {
  return Promise.reject(new Error(errorMessage(code, locale)));
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

export function requiredRule(locale: Locale): FormRule {
  return { required: true, whitespace: true, message: errorMessage('field.required', locale) };
}

export function maxLengthRule(max: number, locale: Locale): FormRule {
  return { max, message: errorMessage('field.too_long', locale) };
}

export function idNumberRule(idType: IdType | undefined, locale: Locale): FormRule {
  return {
    validator: (_, value) => {
      const v = text(value).toUpperCase();
      if (!v || !idType) return Promise.resolve();
      return isValidIdNumber(idType, v) ? Promise.resolve() : fail('field.id_number_invalid', locale);
    },
  };
}

export function usernameRule(locale: Locale): FormRule {
  return {
    validator: (_, value) => {
      const v = text(value);
      return !v || isValidUsername(v) ? Promise.resolve() : fail('field.username_invalid', locale);
    },
  };
}

export function passwordRule(locale: Locale): FormRule {
  return {
    validator: (_, value) =>
      !value || isStrongPassword(String(value)) ? Promise.resolve() : fail('field.password_weak', locale),
  };
}

export function confirmPasswordRule(password: () => unknown, locale: Locale): FormRule {
  return {
    validator: (_, value) =>
      !value || value === password() ? Promise.resolve() : fail('field.password_mismatch', locale),
  };
}

export function mobileRule(isRequired: boolean, locale: Locale): FormRule {
  return {
    validator: (_, value) => {
      const v = text(value);
      if (!v) return isRequired ? fail('account.mobile_required', locale) : Promise.resolve();
      return isValidMobile(v) ? Promise.resolve() : fail('field.mobile_invalid', locale);
    },
  };
}

export function emailFormatRule(locale: Locale): FormRule {
  return {
    validator: (_, value) => {
      const v = text(value);
      return !v || isValidEmail(v) ? Promise.resolve() : fail('field.email_invalid', locale);
    },
  };
}

export function otpCodeRule(isRequired: boolean, locale: Locale): FormRule {
  return {
    validator: (_, value) => {
      const v = text(value);
      if (!v) return isRequired ? fail('field.required', locale) : Promise.resolve();
      return /^\d{6}$/.test(v) ? Promise.resolve() : fail('otp.invalid', locale);
    },
  };
}

function todayYmd(): string {
  return dayjs().format('YYYYMMDD');
}

export function validFromRule(locale: Locale): FormRule {
  return {
    validator: (_, value) => {
      const v = text(value);
      if (!v) return fail('field.required', locale);
      return isValidYmd(v, { allowLongTerm: false }) ? Promise.resolve() : fail('field.date_invalid', locale);
    },
  };
}

/** The end date: a real date not before the start and not already past, or 00000000 (长期). */
export function validToRule(validFrom: () => unknown, locale: Locale): FormRule {
  return {
    validator: (_, value) => {
      const v = text(value);
      if (!v) return fail('field.required', locale);
      if (!isValidYmd(v, { allowLongTerm: true })) return fail('field.date_invalid', locale);
      if (v === LONG_TERM_DATE) return Promise.resolve();
      const from = text(validFrom());
      if ((from && v < from) || v < todayYmd()) return fail('field.date_range_invalid', locale);
      return Promise.resolve();
    },
  };
}
