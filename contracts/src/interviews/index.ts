export * from './catalog';
export * from './api';
