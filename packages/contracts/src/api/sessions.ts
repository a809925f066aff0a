import { z } from 'zod';

/** One signed-in device in 「我的登录设备」. `id` is a public handle, not the session token. */
export const DeviceSession = z
  .object({
    id: z.string(),
    method: z.string(),
    device: z.string(),
    ip: z.string().nullable(),
    createdAt: z.iso.datetime(),
    lastSeenAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
    current: z.boolean(),
  })
  .meta({ id: 'DeviceSession' });
export type DeviceSession = z.infer<typeof DeviceSession>;

export const SignOutDevicesBody = z.strictObject({
  /** true: every session but this one; false: all, this one included */
  keepCurrent: z.boolean(),
});
export type SignOutDevicesBody = z.infer<typeof SignOutDevicesBody>;
