export {
  checkHolidayCalendar,
  DAY_KINDS,
  type DayKind,
  dayKind,
  dayKindOfEpochDay,
  EMPTY_CALENDAR,
  type HolidayCalendar,
} from './calendar.js';
export {
  DEFAULT_TIME_ZONE,
  formatEpochDay,
  isValidTimeZone,
  type LocalTime,
  localTime,
  parseLocalDate,
  type Weekday,
  weekdayOfEpochDay,
  zoneOffset,
} from './local-time.js';
export {
  checkSchedule,
  isWithinSchedule,
  type ScheduleInterval,
  type ScheduleState,
  scheduleState,
  type WeeklySchedule,
} from './schedule.js';
