export * from './signalling';
export * from './minutes';
export * from './waiting-room';
export * from './calls';
