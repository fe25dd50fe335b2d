export * from './calendar-data.ts';
// daysInMonth stays internal: synthetic/identity.ts already exports one from the core's index.
export { dayNumberOf, fromDayNumber, isIsoDate, isoWeekday, toDayNumber } from './civil-date.ts';
export * from './working-calendar.ts';
export * from './kazakhstan-time.ts';
