import { errorMessage, isValidIntlMobile, isValidPhoneNumber, type Locale } from '@sw/contracts';
import type { FormRule } from 'antd';

/**
 * antd Form rules for 国外及港澳台地区企业注册 on the same @sw/contracts validators as
 * RegisterOverseasBody, so the browser refuses what the server refuses, in the same words.
 */
function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** No markup (`<`, `>`) in free text. */
export function noMarkupRule(locale: Locale): FormRule {
  return {
    validator: (_, value) =>
      /[<>]/.test(text(value))
        ? Promise.reject(new Error(errorMessage('field.markup_not_allowed', locale)))
        : Promise.resolve(),
  };
}

/** A telephone or fax number (`landline`) or a mobile, in any country's format; empty passes. */
export function phoneRule(kind: 'landline' | 'mobile', locale: Locale): FormRule {
  const isValid = kind === 'landline' ? isValidPhoneNumber : isValidIntlMobile;
  return {
    validator: (_, value) => {
      const v = text(value);
      return !v || isValid(v)
        ? Promise.resolve()
        : Promise.reject(new Error(errorMessage('field.phone_invalid', locale)));
    },
  };
}

/** A country is chosen (the list itself offers only valid, non-mainland codes). */
export function countryRule(locale: Locale): FormRule {
  return { required: true, message: errorMessage('field.required', locale) };
}
