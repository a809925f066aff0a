import type {
  OtpChannel,
  OtpPurpose,
  SendCodeResponse,
  SendEmailCodeBody,
  SendSmsCodeBody,
} from '@sw/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

/** POST /api/otp/sms → 202; consumes the image captcha. */
export function sendSmsCode(body: SendSmsCodeBody): Promise<SendCodeResponse> {
  return apiClient.post<SendCodeResponse>('/api/otp/sms', body);
}

/** POST /api/otp/email → 202; consumes the image captcha. */
export function sendEmailCode(body: SendEmailCodeBody): Promise<SendCodeResponse> {
  return apiClient.post<SendCodeResponse>('/api/otp/email', body);
}

export type CheckCodeBody = { channel: OtpChannel; target: string; purpose: OtpPurpose; code: string };

/** POST /api/otp/check → 200 `{valid: true}` or a problem (otp.invalid, otp.expired…). */
export function checkCode(body: CheckCodeBody): Promise<{ valid: boolean }> {
  return apiClient.post<{ valid: boolean }>('/api/otp/check', body);
}

export function useSendSmsCode() {
  return useMutation({ mutationFn: sendSmsCode });
}

export function useSendEmailCode() {
  return useMutation({ mutationFn: sendEmailCode });
}

export function useCheckCode() {
  return useMutation({ mutationFn: checkCode });
}
