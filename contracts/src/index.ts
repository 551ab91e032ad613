export * from './roles';
export * from './error-codes';
export * from './queues';
export * from './auth';
export * from './mask';
export * from './id-numbers';
export * from './realtime';
export * from './posting-rules';
