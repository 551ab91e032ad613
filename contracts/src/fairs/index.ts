export * from './fair-phase';
