export * from './catalog';
export * from './course-design';
export * from './completion';
export * from './api';
