// The sandbox app and its scripts on their own, driven by bash as the runbooks drive them:
// real PostgreSQL 15, real migrations, real HTTP. No `runbook` involved.
import t from 'tap'
import {spawnSync} from 'node:child_process'
import path from 'node:path'
import {makeTempRoot, settledProcessesWith, repoDir} from '../helpers/examples.js'

const sandboxDir = path.join(repoDir, 'examples/sandbox')

// What the first step of the sandbox runbooks does: a fresh folder, free ports, fresh secrets.
const newSandbox = `
  export SANDBOX_DIR="$(mktemp -d "$TMPDIR/qgp-sandbox.XXXXXX")"
  export PGPORT="$(node scripts/free-port.js)" APP_PORT="$(node scripts/free-port.js)"
  export PGHOST="$SANDBOX_DIR/pg" PGUSER=qgp_user PGDATABASE=qgp_db
  export DB_PASSWORD="$(node scripts/secret.js)" API_TOKEN="$(node scripts/secret.js)"
  export DATABASE_URL="postgresql://qgp_user:$DB_PASSWORD@127.0.0.1:$PGPORT/qgp_db" BASE_URL="http://127.0.0.1:$APP_PORT"
`

// Run a bash script in the sandbox folder after the env file of the test's sandbox is sourced.
function bash(script: string, env: Record<string, string>) {
  const result = spawnSync('bash', ['-c', script], {cwd: sandboxDir, env: {...process.env, ...env}, encoding: 'utf8', timeout: 60_000})
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

t.test('the sandbox app serves health, readiness and the policy API on real PostgreSQL', async (t) => {
  const root = await makeTempRoot()
  t.teardown(root.cleanup)
  const envFile = path.join(root.dir, 'sandbox.env')
  const env = {TMPDIR: root.dir}
  const up = bash(`set -e
    ${newSandbox}
    export -p > ${JSON.stringify(envFile)}
    ./scripts/pg-start.sh >/dev/null
    for _ in $(seq 1 40); do pg_isready -q -d postgres && break; sleep 0.25; done
    createdb qgp_db
    node app/migrate.js upgrade
    node app/migrate.js upgrade
    ./scripts/app-start.sh >/dev/null`, env)
  t.teardown(() => {
    bash(`source ${JSON.stringify(envFile)}; ./scripts/sandbox-down.sh`, env)
  })
  t.equal(up.code, 0, up.stderr)
  t.match(up.stdout, /Running upgrade <base> -> 0001_users_roles\n[^]*Already at head: 0003_incidents_complaints_audit/, 'migrations apply once, then are a no-op')

  const calls = bash(`source ${JSON.stringify(envFile)}
    post() { curl -s -w ' %{http_code}\\n' -X POST "$BASE_URL/api/v1/policies" -H 'Content-Type: application/json' "$@" \\
      -d '{"title": "Test Policy", "content": "Test content", "effective_date": "2026-01-01"}'; }
    curl -s -w ' %{http_code}\\n' "$BASE_URL/healthz"
    curl -s -w ' %{http_code}\\n' "$BASE_URL/readyz"
    post
    post -H "Authorization: Bearer wrong"
    post -H "Authorization: Bearer $API_TOKEN"
    post -H "Authorization: Bearer $API_TOKEN"
    curl -s -w ' %{http_code}\\n' "$BASE_URL/nowhere"
    node app/migrate.js current
    psql -tA -c 'SELECT count(*) FROM audit_events'`, env)
  t.equal(calls.code, 0, calls.stderr)
  const lines = calls.stdout.trim().split('\n')
  const responses = lines.slice(0, 7).map((line) => {
    const status = Number(line.slice(line.lastIndexOf(' ') + 1))
    return {status, body: JSON.parse(line.slice(0, line.lastIndexOf(' '))) as Record<string, any>}
  })
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
  t.match(responses[0], {status: 200, body: {status: 'ok', request_id: uuid}}, '/healthz')
  t.match(responses[1], {status: 200, body: {status: 'ready', database: 'connected', request_id: uuid}}, '/readyz')
  for (const denied of [responses[2], responses[3]]) {
    t.match(denied, {status: 403, body: {error: {code: 'FORBIDDEN', message: String, request_id: uuid}}}, 'no or a wrong token: 403 envelope')
  }
  t.match(responses[4], {status: 201, body: {id: Number, title: 'Test Policy', reference_number: 'POL-TEST-POLICY-2026-01-01', request_id: uuid}})
  t.match(responses[5], {status: 409, body: {error: {code: 'DUPLICATE_REFERENCE_NUMBER', request_id: uuid}}})
  t.match(responses[6], {status: 404, body: {error: {code: 'NOT_FOUND', request_id: uuid}}})
  t.not(responses[0]!.body['request_id'], responses[1]!.body['request_id'], 'every response has its own request id')
  t.equal(lines[7], '0003_incidents_complaints_audit (head)')
  t.equal(lines[8], '1', 'one audit event: the created policy')

  const down = bash(`source ${JSON.stringify(envFile)}; ./scripts/sandbox-down.sh; ./scripts/sandbox-down.sh`, env)
  t.equal(down.code, 0, down.stderr)
  t.match(down.stdout, /app stopped[^]*server stopped[^]*removed [^]*nothing to clean up/, 'down stops everything and is safe to repeat')
  t.same(await settledProcessesWith(root.dir), [], 'no PostgreSQL or app process is left')
})

t.test('SANDBOX_BREAK_READYZ=1 makes /readyz answer 503 while /healthz stays up', async (t) => {
  const root = await makeTempRoot()
  t.teardown(root.cleanup)
  const result = bash(`${newSandbox}
    trap './scripts/app-stop.sh >/dev/null' EXIT
    SANDBOX_BREAK_READYZ=1 ./scripts/app-start.sh >/dev/null
    curl -s -w ' %{http_code}\\n' "$BASE_URL/readyz"
    curl -s -o /dev/null -w '%{http_code}\\n' "$BASE_URL/healthz"`, {TMPDIR: root.dir})
  t.equal(result.code, 0, result.stderr)
  t.match(result.stdout, /"status":"not_ready","database":"disconnected"[^\n]*"request_id":"[0-9a-f-]{36}"\} 503\n200\n/)
  t.same(await settledProcessesWith(root.dir), [], 'the app is stopped')
})
