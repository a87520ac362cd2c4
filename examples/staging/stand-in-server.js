#!/usr/bin/env node
// A local stand-in for the staging API: serves the ten endpoints of the smoke suite on the
// port of STAGING_BASE_URL (127.0.0.1 only), so the dry run's checks run against a real server.
// STAND_IN_FAIL=/path,/path makes those endpoints answer 503, to rehearse the stop rules.
import http from 'node:http'

const base = new URL(process.env.STAGING_BASE_URL ?? '')
if (!['127.0.0.1', 'localhost'].includes(base.hostname)) {
  process.stderr.write(`stand-in: STAGING_BASE_URL must be a local URL (http://127.0.0.1:PORT), got ${base.href}\n`)
  process.exit(2)
}
const apiKey = process.env.STAGING_API_KEY ?? ''
const failing = new Set((process.env.STAND_IN_FAIL ?? '').split(',').filter(Boolean))
const version = '0.4.2.2'

const json = body => ({type: 'application/json', body: JSON.stringify(body)})
const routes = {
  '/health': () => json({status: 'healthy', version}),
  '/readyz': () => json({status: 'ready', services: {database: 'up', redis: 'up', s3: 'up', sqs: 'up'}}),
  '/.well-known/openapi.json': () => json({openapi: '3.1.0', info: {title: 'DPP API (stand-in)', version}, paths: {}}),
  '/llms.txt': () => ({type: 'text/plain', body: '# DPP API\n> Stand-in documentation for AI tooling.\n'}),
  '/api-docs': () => ({type: 'text/html', body: '<!doctype html><title>Swagger UI</title><div id="swagger-ui"></div>'}),
  '/redoc': () => ({type: 'text/html', body: '<!doctype html><title>ReDoc</title><redoc spec-url="/.well-known/openapi.json"></redoc>'}),
  '/metrics': () => ({type: 'text/plain; version=0.0.4', body: '# TYPE http_requests_total counter\nhttp_requests_total 1\n'}),
  '/pricing/ssot.json': () => json({currency: 'USD', plans: [{id: 'free', price: 0}]}),
  '/docs/quickstart.md': () => ({type: 'text/markdown', body: '# Quickstart\n'}),
  '/v1/runs': req => req.headers.authorization === `Bearer ${apiKey}` && apiKey
    ? json({runs: []})
    : {status: 401, ...json({error: {code: 'UNAUTHORIZED', message: 'API key required'}})}
}

const server = http.createServer((req, res) => {
  const path = new URL(req.url, base).pathname
  const route = routes[path]
  let answer = route ? {status: 200, ...route(req)} : {status: 404, ...json({error: {code: 'NOT_FOUND'}})}
  if (failing.has(path)) answer = {status: 503, ...json({status: 'not_ready', services: {database: 'down'}})}
  res.writeHead(answer.status, {'content-type': answer.type})
  res.end(answer.body)
  process.stdout.write(`${req.method} ${path} ${answer.status}\n`)
})

process.on('SIGTERM', () => server.close(() => process.exit(0)))
server.listen(Number(base.port), '127.0.0.1', () => {
  process.stdout.write(`staging stand-in listening on ${base.origin}\n`)
})
