import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/**
 * `column = any($1::uuid[])`: one parameter however long the list, where `inArray` binds one per
 * id (and Drizzle builds, and PostgreSQL parses, a hundred-parameter query every time). The ids
 * must be uuids the platform issued (a row's id, an index document's id): they are not quoted.
 */
export function anyUuid(column: AnyColumn, ids: string[]): SQL {
  return sql`${column} = any(${`{${ids.join(',')}}`}::uuid[])`;
}
