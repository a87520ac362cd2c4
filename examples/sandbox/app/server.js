#!/usr/bin/env node
// The sandbox "quality governance" API: /healthz, /readyz, POST /api/v1/policies, on PostgreSQL.
// Configured by the environment: DATABASE_URL, PORT, API_TOKEN; SANDBOX_BREAK_READYZ=1 makes
// /readyz answer 503 on purpose (to show a failing rehearsal). `--instance DIR` only marks the
// process's command line so tests can find what a run left behind; the pid goes to DIR/app.pid.
import http from 'node:http'
import {randomUUID} from 'node:crypto'
import {appendFileSync, writeFileSync, rmSync} from 'node:fs'
import path from 'node:path'
import pg from 'pg'

const port = Number(process.env.PORT ?? 8000)
const token = process.env.API_TOKEN ?? ''
const breakReadyz = process.env.SANDBOX_BREAK_READYZ === '1'
const instanceFlag = process.argv.indexOf('--instance')
const instance = instanceFlag > 0 ? process.argv[instanceFlag + 1] ?? '' : ''
const pool = new pg.Pool({connectionString: process.env.DATABASE_URL, max: 4, connectionTimeoutMillis: 2000})
pool.on('error', error => log(`database pool error: ${error.message}`))

function log (line) {
  const text = `${new Date().toISOString()} ${line}\n`
  process.stdout.write(text)
  if (instance) appendFileSync(path.join(instance, 'app.log'), text)
}

function send (res, status, body) {
  res.writeHead(status, {'content-type': 'application/json', 'x-request-id': body.request_id ?? body.error?.request_id})
  res.end(JSON.stringify(body))
}

function fail (res, status, code, message, requestId) {
  send(res, status, {error: {code, message, request_id: requestId}})
}

async function readJson (req) {
  let text = ''
  for await (const chunk of req) {
    text += chunk
    if (text.length > 65536) throw new Error('body too large')
  }
  return text ? JSON.parse(text) : {}
}

// A policy's reference number comes from its title and effective date, so a repeat is a duplicate.
function referenceNumber (policy) {
  const slug = String(policy.title).toUpperCase().replace(/[^A-Z0-9]+/g, '-').replace(/^-|-$/g, '')
  return `POL-${slug}-${policy.effective_date ?? 'UNDATED'}`
}

async function createPolicy (req, res, requestId) {
  const auth = req.headers.authorization ?? ''
  if (!token || auth !== `Bearer ${token}`) {
    return fail(res, 403, 'FORBIDDEN', 'Creating a policy needs a valid bearer token', requestId)
  }
  let policy
  try {
    policy = await readJson(req)
  } catch {
    return fail(res, 400, 'INVALID_JSON', 'The request body is not valid JSON', requestId)
  }
  if (typeof policy.title !== 'string' || typeof policy.content !== 'string') {
    return fail(res, 422, 'VALIDATION_ERROR', 'title and content are required strings', requestId)
  }
  const reference = referenceNumber(policy)
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    const inserted = await client.query(
      'INSERT INTO policies (reference_number, title, content, effective_date) VALUES ($1, $2, $3, $4) ' +
      'ON CONFLICT (reference_number) DO NOTHING RETURNING id',
      [reference, policy.title, policy.content, policy.effective_date ?? null])
    if (inserted.rowCount === 0) {
      await client.query('ROLLBACK')
      return fail(res, 409, 'DUPLICATE_REFERENCE_NUMBER', `A policy with reference number ${reference} exists`, requestId)
    }
    const id = inserted.rows[0].id
    await client.query('INSERT INTO audit_events (request_id, action, entity, entity_id) VALUES ($1, $2, $3, $4)',
      [requestId, 'create', 'policy', id])
    await client.query('COMMIT')
    send(res, 201, {id, title: policy.title, reference_number: reference, effective_date: policy.effective_date ?? null, request_id: requestId})
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {})
    throw error
  } finally {
    client.release()
  }
}

async function readyz (res, requestId) {
  if (breakReadyz) {
    return send(res, 503, {status: 'not_ready', database: 'disconnected', error: 'SANDBOX_BREAK_READYZ is set', request_id: requestId})
  }
  try {
    await pool.query('SELECT 1')
    send(res, 200, {status: 'ready', database: 'connected', request_id: requestId})
  } catch (error) {
    send(res, 503, {status: 'not_ready', database: 'disconnected', error: error.message, request_id: requestId})
  }
}

const server = http.createServer(async (req, res) => {
  const requestId = randomUUID()
  const started = Date.now()
  res.on('finish', () => log(`${req.method} ${req.url} ${res.statusCode} ${Date.now() - started}ms request_id=${requestId}`))
  try {
    const url = new URL(req.url, 'http://sandbox')
    if (req.method === 'GET' && url.pathname === '/healthz') return send(res, 200, {status: 'ok', request_id: requestId})
    if (req.method === 'GET' && url.pathname === '/readyz') return await readyz(res, requestId)
    if (req.method === 'POST' && url.pathname === '/api/v1/policies') return await createPolicy(req, res, requestId)
    fail(res, 404, 'NOT_FOUND', `No route for ${req.method} ${url.pathname}`, requestId)
  } catch (error) {
    log(`ERROR ${error.message} request_id=${requestId}`)
    if (!res.headersSent) fail(res, 500, 'INTERNAL_ERROR', 'Internal server error', requestId)
  }
})

function stop (signal) {
  log(`received ${signal}, shutting down`)
  if (instance) rmSync(path.join(instance, 'app.pid'), {force: true})
  server.close(() => pool.end().finally(() => process.exit(0)))
  setTimeout(() => process.exit(0), 2000).unref()
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)

server.listen(port, '127.0.0.1', () => {
  if (instance) writeFileSync(path.join(instance, 'app.pid'), `${process.pid}\n`)
  log(`quality governance sandbox listening on http://127.0.0.1:${port}`)
})
