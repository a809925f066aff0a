// The appointments module as other modules see it: only what is exported here may be imported.
export {
  addDays,
  type BookingRow,
  type BookingRules,
  book,
  bookableDays,
  bookingWindowError,
  cancelBooking,
  cutoffOf,
  daySlots,
  ensureDefaultSlots,
  findSlot,
  hadBooking,
  listBookings,
  presentSlot,
  remindTomorrow,
  type SlotRow,
  setDaySlots,
  slotsBetween,
} from './appointments.service.ts';
export { type AppointmentResource, findResource, registerResources } from './resources.ts';
