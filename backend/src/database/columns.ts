import { timestamp } from 'drizzle-orm/pg-core';

/** Column builders every table shares; timestamps are stored in UTC. */
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
