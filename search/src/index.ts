export * from './client';
export * from './index-lifecycle';
export * from './positions-index';
export * from './synonyms';
export * from './recommendations';
export * from './resumes-index';
