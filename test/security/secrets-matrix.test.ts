// Finding 2 of issue 12, the secrets matrix: every form SPEC §11 promises (plus colour-split output,
// base64 wrapped at 76 columns and Python `quote()` URL encoding) × every sink (the terminal under
// each reporter, --out, --write, evidence files, results.json, JUnit, the GitHub log and step
// summary) = 0 hits. The oracle below is independent of lib/redact: it strips colours and line
// breaks itself and decodes every base64 run it finds at each alignment.
import t from 'tap'
import {readdirSync, readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import {runCli} from '../helpers/cli.js'
import {runbookDir} from '../helpers/run.js'

const fence = '```'
const secrets = {
  API_TOKEN: `Tk9'q/Zr x+Lm=WvQ`, // a secret-named variable, given with --set
  MULTI: 'first-line-AAAA\nMidLineSecret42\nlast-line-ZZZZ', // a declared secret input with several lines
  LONG_KEY: 'LongKey-0123456789-abcdefghij-KLMNOPQRST-uvwxyz-0123456789-ABCDEFGHIJ-end', // wraps in base64
  urlPassword: 'Pw7zQ2rXkY', // inside DATABASE_URL's userinfo
  paramPassword: 'Pz8yR3sWlQ', // a `password=` parameter
  exported: 'Dep1oyT0kenQQ9', // exported mid-run by a step
}

// Each form: a step whose output shows one secret in one encoding (the step is checked to pass and
// to print a mask, so a form that printed nothing cannot pass the matrix).
const forms: Array<[id: string, code: string, options?: string]> = [
  ['raw', 'printf "%s\\n" "$API_TOKEN"'],
  ['per-line', 'printf "%s\\n" "$MULTI" | sed -n 2p'],
  ['url-encoded', `python3 -c 'import os,urllib.parse as u; print(u.quote(os.environ["API_TOKEN"], safe=""))'`],
  ['python-quote', `python3 -c 'import os,urllib.parse as u; print(u.quote(os.environ["API_TOKEN"]))'`],
  ['python-quote-plus', `python3 -c 'import os,urllib.parse as u; print(u.quote_plus(os.environ["API_TOKEN"]))'`],
  ['json-escaped', `python3 -c 'import os,json; print(json.dumps({"t": os.environ["API_TOKEN"]}))'`],
  ['shell-quoted', `python3 -c 'import os,shlex; print(shlex.quote(os.environ["API_TOKEN"]))'`],
  ['printf-q', 'printf "%q\\n" "$API_TOKEN"'],
  ['base64-offset-0', 'printf "%s" "$API_TOKEN" | base64 -w0; echo'],
  ['base64-offset-1', 'printf "x%s" "$API_TOKEN" | base64 -w0; echo'],
  ['base64-offset-2', 'printf "xy%s" "$API_TOKEN" | base64 -w0; echo'],
  ['base64-echo', 'echo "$API_TOKEN" | base64'],
  ['base64-wrapped', 'printf "%s" "$LONG_KEY" | base64'],
  ['colour-split', 'printf "id=%s\\n" "$API_TOKEN" | grep --color=always -F "q/Z"'],
  ['lower-cased', 'printf "host %s\\n" "${API_TOKEN,,}"'],
  ['url-userinfo', 'echo "connecting to $DATABASE_URL"'],
  ['password-param', 'echo "dsn: $DSN"'],
  ['exported-mid-run', 'export DEPLOY_TOKEN="$(printf "Dep1oy%s" T0kenQQ9)"; echo "deploying with $DEPLOY_TOKEN"'],
  ['contains-message', 'echo nothing here', 'contains="${API_TOKEN}!" allow-failure'],
]

function markdown(): string {
  const lines = [
    '---',
    'runbook:',
    '  inputs:',
    '    MULTI: {secret: true}',
      '---',
    '# Secrets',
    '',
  ]
  for (const [id, code, options] of forms) lines.push(`${fence}bash {#${id}${options ? ` ${options}` : ''}}`, code, fence, '')
  lines.push(
    `${fence}bash {#ready-url background ready="http://app:\${API_TOKEN}@127.0.0.1:9/health" timeout=1s allow-failure}`,
    'sleep 5',
    fence,
    '',
  )
  return lines.join('\n')
}

// The texts a reader could recover from a sink: as written, without colours, without line breaks.
function views(text: string): string[] {
  const plain = text.replace(/\u001b\[[0-?]*[ -/]*[@-~]/g, '')
  return [text, plain, plain.replace(/\r?\n/g, '')]
}

function needles(value: string): string[] {
  const quote = (safe: string) => encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).replace(/%2F/g, safe)
  const pieces = [value, ...value.split('\n').filter((line) => line.length >= 6)]
  return pieces.flatMap((piece) => [
    piece,
    piece.toLowerCase(),
    encodeURIComponent(piece),
    quote('/'),
    quote('%2F'),
    quote('%2F').replace(/%20/g, '+'),
    JSON.stringify(piece).slice(1, -1),
    piece.replace(/'/g, `'"'"'`),
    piece.replace(/([^A-Za-z0-9_\-.,:/@=+%])/g, '\\$1'),
  ])
}

// True when some base64 run of `text` decodes (at any alignment) to something holding `value`'s core.
function base64Holds(text: string, value: string): boolean {
  const core = value.length > 8 ? value.slice(2, -2) : value
  for (const run of text.replace(/\r?\n/g, '').match(/[A-Za-z0-9+/_-]{8,}={0,2}/g) ?? []) {
    for (let skip = 0; skip < 4; skip++) {
      const decoded = Buffer.from(run.slice(skip).replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('latin1')
      if (decoded.includes(core)) return true
    }
  }
  return false
}

function hits(text: string): string[] {
  const found: string[] = []
  for (const [name, value] of Object.entries(secrets)) {
    for (const view of views(text)) {
      for (const needle of needles(value)) if (needle.length >= 6 && view.includes(needle)) found.push(`${name} as ${JSON.stringify(needle)}`)
      if (base64Holds(view, value)) found.push(`${name} in base64`)
    }
  }
  return [...new Set(found)]
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, {recursive: true, encoding: 'utf8'})
    .map((name) => path.join(dir, name))
    .filter((file) => statSync(file).isFile())
}

t.test('no secret form reaches any sink', async (t) => {
  const dir = runbookDir(markdown())
  t.teardown(dir.cleanup)
  const env = {
    API_TOKEN: secrets.API_TOKEN,
    MULTI: secrets.MULTI,
    LONG_KEY: secrets.LONG_KEY,
    DATABASE_URL: `postgres://app:${secrets.urlPassword}@127.0.0.1:5432/app`,
    DSN: `host=127.0.0.1 user=app password=${secrets.paramPassword} dbname=app`,
  }
  const sinks = new Map<string, string>()
  let sizeChecked = 0
  for (const reporter of ['plain', 'tty', 'json', 'tap', 'junit']) {
    const summary = path.join(dir.dir, `summary-${reporter}.md`)
    const evidence = path.join(dir.dir, `evidence-${reporter}`)
    const out = path.join(dir.dir, `out-${reporter}.md`)
    const run = await runCli(['run', dir.file, '--reporter', reporter, '--evidence', evidence, '--out', out], {
      cwd: dir.dir,
      env: {...env, GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary},
      timeoutMs: 120_000,
    })
    t.equal(run.code, 0, `${reporter}: the run passes (allowed failures only)\n${run.stderr}`)
    sinks.set(`terminal (${reporter}) stdout`, run.stdout)
    sinks.set(`terminal (${reporter}) stderr, GitHub log`, run.stderr)
    sinks.set(`GitHub step summary (${reporter})`, readFileSync(summary, 'utf8'))
    sinks.set(`--out (${reporter})`, readFileSync(out, 'utf8'))
    for (const file of filesUnder(evidence)) sinks.set(`evidence ${path.relative(dir.dir, file)}`, readFileSync(file, 'utf8'))
    if (reporter === 'json') {
      // Every form really printed something, and it came out masked.
      const ends = run.stdout.split('\n').filter((line) => line.startsWith('{"type":"step:end"')).map((line) => JSON.parse(line).result)
      for (const [id] of forms) {
        const result = ends.find((end: {id: string}) => end.id === id)
        const shown = `${result?.stdout?.text ?? ''}${result?.reason ?? ''}`
        t.match(shown, '***', `${id}: produced output, masked`)
        sizeChecked++
      }
    }
  }
  const written = await runCli(['run', dir.file, '--write', '--reporter', 'plain'], {cwd: dir.dir, env, timeoutMs: 120_000})
  t.equal(written.code, 0, written.stderr)
  sinks.set('--write', readFileSync(dir.file, 'utf8'))
  t.ok([...sinks.keys()].some((name) => name.endsWith('results.json')), 'results.json is among the sinks')
  for (const [sink, text] of sinks) t.same(hits(text), [], sink)
  const formCount = forms.length + 1 // + the ready URL message
  const kinds = new Set([...sinks.keys()].map((name) => name.replace(/ \((plain|tty|json|tap|junit)\)|evidence-\w+\/|-[a-z0-9-]+\.log$/g, '').replace(/\/.*\.log$/, ' log')))
  t.comment(`secrets matrix: ${formCount} forms × ${sinks.size} sink texts (${kinds.size} kinds of sink) = ${formCount * sinks.size} cells; ${sizeChecked} forms shown masked`)
})
