// Which values of a run are secret (lib/redact/collect.ts), checked in process on parsed runbooks.
import t from 'tap'
import {collectSecrets, isSecretName, urlPasswords} from '../../lib/redact/index.js'
import {parseRunbook} from '../../lib/parse/index.js'

const parse = (text: string) => parseRunbook(text, {file: 'r.md', dir: '/tmp'})
const fence = '```'

t.test('secret-looking names, and the words that only contain KEY', async (t) => {
  for (const name of ['GITHUB_TOKEN', 'client_secret', 'PGPASSWORD', 'ftp_passwd', 'API_KEY', 'ssh_keys', 'AWS_CREDENTIALS', 'CONNECTIONSTRING', 'db_connection_string']) {
    t.ok(isSecretName(name), name)
  }
  for (const name of ['npm_package_keywords_0', 'KEYBOARD_LAYOUT', 'PATH', 'MONKEYWORDS', 'TOKE', 'CONNECTION']) {
    t.notOk(isSecretName(name), name)
  }
})

t.test('URL passwords: userinfo of any scheme and password= parameters, raw and decoded', async (t) => {
  t.same(urlPasswords('git clone https://bot:s3cret%21x@example.test/repo.git'), ['s3cret%21x', 's3cret!x'])
  t.same(urlPasswords('redis://:only-pass@127.0.0.1:6379'), ['only-pass'])
  t.same(urlPasswords('db?user=a&password=p%zzbad;next'), ['p%zzbad'], 'not valid percent-encoding: the raw form only')
  t.same(urlPasswords('password=first-one and x;password=second-one'), ['first-one', 'second-one'])
  t.same(urlPasswords('PASSWORD=upper-case-too'), ['upper-case-too'])
  t.same(urlPasswords('mypassword=not-a-parameter https://user@host/ no-password-here'), [], 'no password in a user-only URL or a longer key')
  t.same(urlPasswords("curl 'http://u:p4ss-word@h/'"), ['p4ss-word'])
})

t.test('secrets come from the environment, front matter env, step env, step code and http steps', async (t) => {
  const rb = parse([
    '---',
    'runbook:',
    '  env:',
    '    FRONT_TOKEN: front-matter-token',
    '    PLAIN: just-a-plain-value',
    '    MIRROR: "https://m:mirror-pass@mirror.test/"',
    '---',
    '# T',
    '',
    `${fence}bash {#one env="STEP_SECRET=step-env-secret OTHER=ordinary-value"}`,
    'curl https://ci:code-pass-1@ci.test/',
    fence,
    '',
    `${fence}http {#two}`,
    'GET https://api:http-url-pass@api.test/',
    'Authorization: https://h:header-pass@x.test/',
    fence,
    '',
  ].join('\n'))
  const {values, warnings} = collectSecrets(rb, {CI_TOKEN: 'env-token-value', HOME: '/home/user', LINK: 'password=env-link-pass'})
  for (const secret of ['front-matter-token', 'mirror-pass', 'step-env-secret', 'code-pass-1', 'http-url-pass', 'header-pass', 'env-token-value', 'env-link-pass']) {
    t.ok(values.includes(secret), secret)
  }
  for (const plain of ['just-a-plain-value', 'ordinary-value', '/home/user']) t.notOk(values.includes(plain), plain)
  t.same(warnings, [])
})

t.test('declared secret inputs: the environment value, else the default; the same value once', async (t) => {
  const rb = parse(['---', 'runbook:', '  inputs:', '    DEPLOY_PASS: { secret: true, default: default-pass-1 }', '    OTHER_IN: { secret: true }', '    VISIBLE: { default: visible-default }', '---', '# T', ''].join('\n'))
  t.same(collectSecrets(rb, {}).values, ['default-pass-1'])
  t.same(collectSecrets(rb, {DEPLOY_PASS: 'from-env-pass', OTHER_IN: 'other-in-value', VISIBLE: 'visible-env-value'}).values.sort(), ['from-env-pass', 'other-in-value'])
  t.same(collectSecrets(rb, {API_TOKEN: 'shared-value', MY_SECRET: 'shared-value'}).values, ['default-pass-1', 'shared-value'], 'a value two names share is listed once')
})

t.test('short values: one warning per name, none for an empty value or an unexpanded ${…}', async (t) => {
  const rb = parse('# T\n')
  const {values, warnings} = collectSecrets(rb, {A_TOKEN: 'abc', B_TOKEN: 'abcde', C_TOKEN: '', D_TOKEN: '${X}', E_TOKEN: 'abcdef'})
  t.same(values, ['abcdef'])
  t.same(warnings, ['the value of A_TOKEN is shorter than 6 characters and is not masked', 'the value of B_TOKEN is shorter than 6 characters and is not masked'])
  const urls = collectSecrets(rb, {X: 'https://a:pw1@h/ https://b:pw2@h/'})
  t.same(urls.warnings, ['the value of a URL password is shorter than 6 characters and is not masked'], 'the same warning is given once')
})

t.test('a declared secret input is secret wherever its value is set, and an unset variable is skipped', async (t) => {
  const rb = parse([
    '---',
    'runbook:',
    '  inputs:',
    '    DEPLOY_PASS: { secret: true }',
    '---',
    '# T',
    '',
    `${fence}bash {#one env="DEPLOY_PASS=step-level-pass"}`,
    'true',
    fence,
    '',
  ].join('\n'))
  t.ok(collectSecrets(rb, {}).values.includes('step-level-pass'), 'set by a step env= only')
  t.same(collectSecrets(rb, {UNSET_TOKEN: undefined, OTHER: undefined}), {values: ['step-level-pass'], warnings: []})
})
