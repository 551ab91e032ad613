import type { components } from './schema';

type Schemas = components['schemas'];

export type Session = Schemas['SessionDto_Output'];
/** Taken from the session: the standalone UserView schema in the document types phone/email wrongly. */
export type UserView = Session['user'];
export type RegisterBody = Schemas['RegisterDto'];
export type LoginBody = Schemas['LoginDto'];
