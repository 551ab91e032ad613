#!/usr/bin/env node
// Drops and recreates the database named by the URL in argv[2]; the api migrates it at start.
// Only disposable names: platform_e2e, platform_test, platform_bench, with an optional _suffix
// (platform_e2e_b) or a checkout's own infix (platform_rt_e2e, platform_sub_bench) so checkouts
// side by side each reset their own.
import pg from 'pg';

const url = new URL(process.argv[2]);
const name = decodeURIComponent(url.pathname.slice(1));
// A suffix (platform_e2e_a) is a second checkout's own copy, just as disposable.
if (!/^platform_([a-z0-9]+_)?(e2e|test|bench)(_[a-z0-9]+)?$/.test(name)) {
  console.error(`refusing to reset "${name}": only the e2e, test and bench databases are disposable`);
  process.exit(1);
}
url.pathname = '/postgres';
const client = new pg.Client({ connectionString: url.toString() });
await client.connect();
await client.query(`drop database if exists "${name}" with (force)`);
await client.query(`create database "${name}"`);
await client.end();
