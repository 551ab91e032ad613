export * from './catalog';
export * from './course-design';
export * from './completion';
export * from './subsidy';
export * from './replay';
export * from './api';
export * from './policy';
export * from './learning';
