export * from './catalog';
export * from './course-design';
export * from './api';
