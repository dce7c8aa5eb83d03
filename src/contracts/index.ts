/** The shared contracts of the mentoring API: request schemas, response DTOs with mappers, error codes. */
export * from './common';
export * from './errors';
export * from './profiles';
export * from './matching';
export * from './requests';
export * from './relationships';
export * from './agreement';
export * from './goals';
export * from './roadmap';
export * from './action-items';
export * from './check-ins';
export * from './programmes';
export * from './programme-export';
export * from './todo';
