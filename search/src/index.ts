export * from './client';
export * from './index-lifecycle';
