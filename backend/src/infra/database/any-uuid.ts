import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/**
 * A PostgreSQL array literal of uuids, to bind as one `$n::uuid[]` parameter. The ids must be
 * uuids the platform issued (a row's id, an index document's id): they are not quoted.
 */
export function uuidArrayLiteral(ids: readonly string[]): string {
  return `{${ids.join(',')}}`;
}

/**
 * `column = any($1::uuid[])`: one parameter however long the list, where `inArray` binds one per
 * id (and Drizzle builds, and PostgreSQL parses, a hundred-parameter query every time).
 */
export function anyUuid(column: AnyColumn, ids: readonly string[]): SQL {
  return sql`${column} = any(${uuidArrayLiteral(ids)}::uuid[])`;
}
