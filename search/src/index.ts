export * from './client';
export * from './index-lifecycle';
export * from './positions-index';
export * from './synonyms';
export * from './courses-index';
export * from './position-facets';
export * from './position-suggestions';
