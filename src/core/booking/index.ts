/** The booking use cases, for the composition roots (API functions, timers, the bot). */
export * from './booking-ports';
export * from './booking-rules';
export * from './booking-context';
export * from './book-meetings';
export * from './propose-meeting-slots';
export * from './refresh-agendas';
export * from './change-meeting';
export * from './outlook-changes';
export * from './sync-calendars';
export * from './calendar-subscriptions';
export * from './boundary-check';
export * from './pair-working-hours';
export * from './rebook-missed-meeting';
export * from './find-meeting';
export * from './pin-meeting-panels';
