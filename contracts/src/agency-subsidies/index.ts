export * from './input';
export * from './policy';
export * from './result';
export * from './claims';
export * from './engine';
export * from './placement-rows';
export * from './activity-rows';
export * from './data-api';
