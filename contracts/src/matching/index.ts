export * from './match-score';
export * from './api';
export * from './combined-score';
