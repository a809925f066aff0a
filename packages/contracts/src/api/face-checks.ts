import { z } from 'zod';

/*
 * 人脸识别 (face check): the signed-in person starts a check, the browser shows the liveness
 * challenge (with the simulator: a labelled panel where a tester chooses what the camera saw), and
 * the platform reads the outcome from the provider — never from the browser.
 *
 *   POST /api/face-checks                 StartFaceCheckBody → 201 FaceCheckView
 *   GET  /api/face-checks/:id             → FaceCheckView (status read from the provider)
 *   POST /api/dev/face-checks/:id/decide  FaceCheckDecideBody → 204   (simulator, outside production)
 *   POST /api/account/real-name/face      RealNameFaceBody → RealNameView (a passed check → 高)
 */

export const FACE_CHECK_PURPOSES = ['real_name', 'step_up'] as const;
export const FACE_CHECK_STATUSES = ['pending', 'passed', 'failed', 'mismatch', 'expired'] as const;
export const FACE_CHALLENGE_NAMES = ['blink', 'open_mouth', 'turn_left', 'turn_right', 'nod'] as const;

export const StartFaceCheckBody = z.strictObject({ purpose: z.enum(FACE_CHECK_PURPOSES) });
export type StartFaceCheckBody = z.infer<typeof StartFaceCheckBody>;

export const FaceCheckView = z
  .object({
    id: z.uuid(),
    challenge: z.enum(FACE_CHALLENGE_NAMES),
    status: z.enum(FACE_CHECK_STATUSES),
    expiresAt: z.iso.datetime(),
    /** the camera is simulated: the page shows the labelled simulator panel */
    simulated: z.boolean(),
  })
  .meta({ id: 'FaceCheckView' });
export type FaceCheckView = z.infer<typeof FaceCheckView>;

export const FaceCheckDecideBody = z.strictObject({ outcome: z.enum(['passed', 'failed', 'mismatch']) });
export type FaceCheckDecideBody = z.infer<typeof FaceCheckDecideBody>;

export const RealNameFaceBody = z.strictObject({ faceCheckId: z.uuid() });
export type RealNameFaceBody = z.infer<typeof RealNameFaceBody>;
