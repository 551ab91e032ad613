export * from './fair-phase';
export * from './catalog';
export * from './business-date';
export * from './agency-eligibility';
export * from './api';
