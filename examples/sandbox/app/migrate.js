#!/usr/bin/env node
// Alembic-like migrations for the sandbox: `upgrade` (to head), `current`, `history`.
// The applied revision is tracked in the one-row table `schema_version`.
import pg from 'pg'
import {listMigrations} from './migrations.js'

const command = process.argv[2] ?? 'upgrade'
const url = process.env.DATABASE_URL
if (!url) {
  process.stderr.write('migrate: DATABASE_URL is not set\n')
  process.exit(2)
}

const client = new pg.Client({connectionString: url})
try {
  await client.connect()
  await client.query('CREATE TABLE IF NOT EXISTS schema_version (version_num TEXT PRIMARY KEY)')
  const revisions = await listMigrations()
  const head = revisions.at(-1)?.id
  const current = (await client.query('SELECT version_num FROM schema_version')).rows[0]?.version_num
  if (command === 'current') {
    process.stdout.write(current ? `${current}${current === head ? ' (head)' : ''}\n` : '(none)\n')
  } else if (command === 'history') {
    let previous = '<base>'
    for (const revision of revisions) {
      process.stdout.write(`${previous} -> ${revision.id}${revision.id === head ? ' (head)' : ''}\n`)
      previous = revision.id
    }
  } else if (command === 'upgrade') {
    const start = current ? revisions.findIndex(revision => revision.id === current) + 1 : 0
    if (current && start === 0) throw new Error(`Can't locate revision identified by '${current}'`)
    for (const revision of revisions.slice(start)) {
      await client.query('BEGIN')
      await client.query(revision.sql)
      await client.query('DELETE FROM schema_version')
      await client.query('INSERT INTO schema_version (version_num) VALUES ($1)', [revision.id])
      await client.query('COMMIT')
      process.stdout.write(`Running upgrade ${revisions[revisions.indexOf(revision) - 1]?.id ?? '<base>'} -> ${revision.id}\n`)
    }
    if (start >= revisions.length) process.stdout.write(`Already at head: ${head}\n`)
  } else {
    process.stderr.write(`migrate: unknown command ${command} (upgrade, current, history)\n`)
    process.exitCode = 2
  }
} catch (error) {
  await client.query('ROLLBACK').catch(() => {})
  process.stderr.write(`migrate: ${error.message}\n`)
  process.exitCode = 1
} finally {
  await client.end()
}
