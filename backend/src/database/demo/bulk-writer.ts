import { getTableColumns, getTableName } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { PoolClient } from 'pg';

/**
 * Multi-row INSERTs as `insert … select from unnest($1::uuid[], $2::text[], …)`: one parameter
 * per column whatever the batch size, so a batch of thousands of rows is one short statement.
 * Values go through the Drizzle columns' own driver mapping (jsonb, arrays, timestamps).
 *
 * One statement is in flight while the caller builds the next batch: `insert` returns once the
 * previous statement finished, so generating and writing overlap on the two sides of the socket.
 */
export class BulkWriter {
  private inFlight: Promise<unknown> | null = null;
  readonly written = new Map<string, number>();

  constructor(private readonly client: PoolClient) {}

  async insert<T extends PgTable>(table: T, rows: T['$inferInsert'][]): Promise<void> {
    if (!rows.length) return;
    const { text, values } = insertStatement(table, rows);
    const previous = this.inFlight;
    const sent = this.client.query(text, values);
    // Awaited by the next insert or by flush(); this only keeps Node from calling it unhandled meanwhile.
    sent.catch(() => undefined);
    this.inFlight = sent;
    const name = getTableName(table);
    this.written.set(name, (this.written.get(name) ?? 0) + rows.length);
    if (previous) await previous;
  }

  async flush(): Promise<void> {
    const pending = this.inFlight;
    this.inFlight = null;
    if (pending) await pending;
  }
}

export function insertStatement<T extends PgTable>(table: T, rows: T['$inferInsert'][]) {
  const columns = getTableColumns(table);
  const keys = Object.keys(rows[0]);
  const names: string[] = [];
  const selects: string[] = [];
  const params: string[] = [];
  const values = keys.map((key, i) => {
    const column = columns[key];
    if (!column) throw new Error(`${getTableName(table)} has no column ${key}`);
    const type = column.getSQLType();
    // Arrays and JSON travel as their text form: unnest cannot take ragged arrays of arrays.
    const asText = type.endsWith(']') || type === 'jsonb' || type === 'json';
    names.push(`"${column.name}"`);
    params.push(`$${i + 1}::${asText ? 'text' : type}[]`);
    selects.push(asText ? `c${i}::${type}` : `c${i}`);
    return rows.map((row) => {
      const value = (row as Record<string, unknown>)[key];
      return value === null || value === undefined ? null : column.mapToDriverValue(value);
    });
  });
  const aliases = keys.map((_, i) => `c${i}`).join(', ');
  const text =
    `insert into "${getTableName(table)}" (${names.join(', ')}) ` +
    `select ${selects.join(', ')} from unnest(${params.join(', ')}) as t(${aliases})`;
  return { text, values };
}
