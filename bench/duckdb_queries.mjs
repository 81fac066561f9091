// duckdb_queries.mjs - the DuckDB side of bench/run.sh.
//
// Runs the two benchmark queries on one Asterisk cdr_csv file (no header,
// 21 columns) with DuckDB through @duckdb/node-api, on 2 threads, and prints
// the answers on one line in the same form as bench/queries.awk:
//
//   night_rows=N freq_groups=N freq_excess=N
//
//   night_rows   calls whose start hour, as written in the file, is < 8 or >= 21
//   freq_groups  (dst, start date) pairs with more than 5 calls
//   freq_excess  sum over those pairs of (calls - 5)
//
// Usage: node bench/duckdb_queries.mjs FILE [MODULES_DIR]
//   MODULES_DIR  the --prefix that @duckdb/node-api was installed into
//                (default: bench/out beside this script)
// Environment:
//   DUCKDB_THREADS  threads for DuckDB (default 2)
//   DUCKDB_MODE     "scan"  (default): two separate queries, each reading the
//                           CSV file through read_csv;
//                   "table": load dst and start once into a temporary table,
//                           then run the two queries on it.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const [file, modulesDir = path.join(here, 'out')] = process.argv.slice(2);
if (!file) {
  console.error('usage: node duckdb_queries.mjs FILE [MODULES_DIR]');
  process.exit(2);
}
const require = createRequire(path.join(path.resolve(modulesDir), 'package.json'));
const { DuckDBInstance } = require('@duckdb/node-api');

const threads = process.env.DUCKDB_THREADS || '2';
const mode = process.env.DUCKDB_MODE || 'scan';

const sqlString = (s) => `'${s.replaceAll("'", "''")}'`;

// cdr_csv column order with loguniqueid, loguserfield and newcdrcolumns on
// (shared/research/formats.md section 1.1). Dates are local, as written.
const columns = `{
  'accountcode': 'VARCHAR', 'src': 'VARCHAR', 'dst': 'VARCHAR',
  'dcontext': 'VARCHAR', 'clid': 'VARCHAR', 'channel': 'VARCHAR',
  'dstchannel': 'VARCHAR', 'lastapp': 'VARCHAR', 'lastdata': 'VARCHAR',
  'start': 'TIMESTAMP', 'answer': 'TIMESTAMP', 'end': 'TIMESTAMP',
  'duration': 'BIGINT', 'billsec': 'BIGINT', 'disposition': 'VARCHAR',
  'amaflags': 'VARCHAR', 'uniqueid': 'VARCHAR', 'userfield': 'VARCHAR',
  'peeraccount': 'VARCHAR', 'linkedid': 'VARCHAR', 'sequence': 'BIGINT'
}`;
const source = `read_csv(${sqlString(file)}, header = false, auto_detect = false,
  delim = ',', quote = '"', escape = '"', new_line = '\\n',
  timestampformat = '%Y-%m-%d %H:%M:%S', columns = ${columns})`;

const instance = await DuckDBInstance.create(':memory:', { threads });
const conn = await instance.connect();
await conn.run(`SET threads = ${Number(threads)}`);

let from = source;
if (mode === 'table') {
  await conn.run(`CREATE TEMP TABLE calls AS SELECT dst, start FROM ${source}`);
  from = 'calls';
} else if (mode !== 'scan') {
  console.error(`duckdb_queries.mjs: unknown DUCKDB_MODE '${mode}'`);
  process.exit(2);
}

const one = async (sql) => (await conn.runAndReadAll(sql)).getRows()[0];

const [night] = await one(
  `SELECT count(*) FROM ${from} WHERE hour(start) < 8 OR hour(start) >= 21`);
const [groups, excess] = await one(
  `SELECT count(*), coalesce(sum(n - 5), 0) FROM (
     SELECT dst, CAST(start AS DATE) AS day, count(*) AS n
     FROM ${from} GROUP BY dst, day HAVING count(*) > 5)`);

console.log(`night_rows=${night} freq_groups=${groups} freq_excess=${excess}`);
