import { z } from 'zod';
import { CalendarDay } from './calendar.ts';
import { fieldIssue } from './common.ts';

/*
 * The appointments module (issue 12 §7), shared by every service that books places: a resource
 * (a border port, an office), its days and time slots with quotas, and bookings. A service keeps
 * its own routes for booking (its eligibility rules differ); the slots' console routes are common:
 *   GET /api/console/appointments/:service/:resource/:day   → DaySlotsView (staff of the service)
 *   PUT /api/console/appointments/:service/:resource/:day   DaySlotsBody → DaySlotsView
 */

export const BOOKING_STATUSES = ['booked', 'cancelled', 'attended', 'no_show'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, fieldIssue('field.invalid'));

export const SlotView = z
  .object({
    id: z.uuid(),
    day: z.string(),
    starts: z.string(),
    ends: z.string(),
    capacity: z.number().int(),
    booked: z.number().int(),
    /** places left */
    left: z.number().int(),
  })
  .meta({ id: 'AppointmentSlot' });
export type SlotView = z.infer<typeof SlotView>;

export const DaySlotsView = z.object({
  resource: z.string(),
  day: z.string(),
  /** 免预约: nobody needs a booking that day */
  freeOfBooking: z.boolean(),
  slots: z.array(SlotView),
});
export type DaySlotsView = z.infer<typeof DaySlotsView>;

export const DaySlotsBody = z.strictObject({
  freeOfBooking: z.boolean().default(false),
  slots: z
    .array(
      z.strictObject({
        starts: Time,
        ends: Time,
        capacity: z
          .number()
          .int()
          .min(0, fieldIssue('field.invalid'))
          .max(100_000, fieldIssue('field.invalid')),
      }),
    )
    .max(48, fieldIssue('field.too_long')),
});
export type DaySlotsBody = z.infer<typeof DaySlotsBody>;

export const DaySlotsParams = z.strictObject({
  service: z.string().max(60),
  resource: z.string().max(40),
  day: CalendarDay,
});
