import t from 'tap'
import {collectSecrets, createRedactor} from '../../lib/redact/index.js'
import {parseRunbook} from '../../lib/parse/index.js'

const secret = 's3cr3t-Value/with+chars=='

t.test('a secret is masked in its raw, per-line, URL-encoded, JSON, shell-quoted and base64 forms', async (t) => {
  const redactor = createRedactor([secret])
  const forms = {
    raw: secret,
    url: encodeURIComponent(secret),
    json: JSON.stringify(`${secret}"`).slice(1, -3),
    base64: Buffer.from(secret).toString('base64'),
    base64Shift1: Buffer.from(`x${secret}`).toString('base64'),
    base64Shift2: Buffer.from(`xy${secret}`).toString('base64'),
  }
  for (const [name, form] of Object.entries(forms)) {
    const out = redactor.redact(`before ${form} after`)
    t.notMatch(out, secret, `${name}: the raw value is gone`)
    t.match(out, '***', `${name}: masked`)
    t.notOk(out.includes(forms.url) || out.includes(Buffer.from(secret).toString('base64').slice(0, 20)), `${name}: no encoded form left`)
  }
  const quoted = "it's-a-secret"
  const shell = createRedactor([quoted])
  t.equal(shell.redact(`echo 'it'\\''s-a-secret'`), `echo '***'`)
  const multi = createRedactor(['-----BEGIN KEY-----\nMIIEvQIBADANBg\n-----END KEY-----'])
  t.equal(multi.redact('line: MIIEvQIBADANBg'), 'line: ***', 'a line of a multi-line secret is masked on its own')
})

t.test('a secret split across stream chunks is still masked', async (t) => {
  const redactor = createRedactor([secret])
  const text = `token=${secret} and again ${encodeURIComponent(secret)}!\n`
  for (let cut = 1; cut < text.length; cut += 3) {
    const stream = redactor.stream()
    const out = stream.write(text.slice(0, cut)) + stream.write(text.slice(cut)) + stream.end()
    t.equal(out, 'token=*** and again ***!\n', `cut at ${cut}`)
  }
  const stream = redactor.stream()
  let out = ''
  for (const char of text) out += stream.write(char)
  out += stream.end()
  t.equal(out, 'token=*** and again ***!\n', 'one character at a time')
})

t.test('without secrets the redactor changes nothing', async (t) => {
  const redactor = createRedactor([])
  t.equal(redactor.redact('plain text'), 'plain text')
  const stream = redactor.stream()
  t.equal(stream.write('abc') + stream.end(), 'abc')
})

t.test('collectSecrets takes declared secret inputs, secret-looking names and URL passwords, and nothing else', async (t) => {
  const runbook = parseRunbook(
    ['---', 'runbook:', '  inputs:', '    STAGING_API: { secret: true }', '    REGION: { default: eu-west-1 }', '---', '# T', ''].join('\n'),
    {file: 'r.md'},
  )
  const env = {
    PATH: '/usr/local/bin:/usr/bin:/bin',
    HOME: '/home/someone',
    REGION: 'eu-west-1-long',
    STAGING_API: 'declared-secret-1',
    GITHUB_TOKEN: 'ghp_tokenvalue123',
    db_password: 'hunter2hunter2',
    API_KEYS: 'key-one-two-three',
    Azure_Connection_String: 'Server=x;Password=p4ssw0rdx;',
    DATABASE_URL: 'postgres://app:url-pass-99@db:5432/app',
    DSN: 'mysql://db/app?user=a&password=param-pass-7',
    SHORT_TOKEN: 'abc',
    npm_package_keywords_0: 'runbook',
  }
  const {values, warnings} = collectSecrets(runbook, env)
  for (const expected of ['declared-secret-1', 'ghp_tokenvalue123', 'hunter2hunter2', 'key-one-two-three', 'url-pass-99', 'param-pass-7']) {
    t.ok(values.includes(expected), `${expected} is secret`)
  }
  t.ok(values.some((v) => v.includes('p4ssw0rdx')), 'the connection string is secret')
  for (const plain of [env.PATH, env.HOME, env.REGION, 'abc', 'runbook']) t.notOk(values.includes(plain), `${plain} is not collected`)
  t.equal(warnings.length, 1, 'one warning for the short value')
  t.match(warnings[0], /SHORT_TOKEN.*shorter than 6/)
  t.notMatch(warnings[0], 'abc', 'the warning never shows the value')
})
