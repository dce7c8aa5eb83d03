/** Every mentoring use case, for the composition roots (API functions, bot). */
export * from './principal';
export * from './deps';
export * from './profile-use-cases';
export * from './mentor-suggestion-use-cases';
export * from './request-use-cases';
export * from './relationship-use-cases';
export * from './agreement-use-cases';
export * from './goal-use-cases';
export * from './roadmap-use-cases';
export * from './action-item-use-cases';
export * from './check-in-use-cases';
export * from './meeting-context-use-cases';
