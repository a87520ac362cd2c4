// Rule behaviour beyond the doc examples: the cases that keep findings precise.
import t from 'tap'
import {lintSource} from '../../lib/lint/index.js'

const lint = (source: string, rule: string) =>
  lintSource(source, {file: 'doc.md', dir: '/nonexistent-runbook-dir'})
    .filter((m) => m.ruleId === rule)
    .map((m) => `${m.line}:${m.column} ${m.message.split(':')[0]}`)

const step = (code: string, attrs = '{#s}') => `# T\n\n\`\`\`bash ${attrs}\n${code}\n\`\`\`\n`

t.test('undeclared-variable understands shell', async (t) => {
  const code = [
    'export A=1; B=2 local_c=3',
    'read -r D E',
    'for F in 1 2; do echo "$F"; done',
    'echo "${G:-default}" "${H:=set}" "$H" ${I:?needed}',
    "echo '$SINGLE' $1 $? $@ $# $HOME $PATH $PWD $LC_ALL $GITHUB_SHA $RANDOM",
    "cat <<'EOF'",
    '$QUOTED_HEREDOC',
    'EOF',
    'cat <<EOF',
    '$OPEN_HEREDOC',
    'EOF',
    'echo $A $B $local_c $D $E \\$ESCAPED # $IN_COMMENT',
    'echo $LATE_USE; LATE_USE=1',
    'echo "$MISSING" $MISSING',
  ].join('\n')
  t.same(lint(step(code), 'undeclared-variable'), ['13:1 `$OPEN_HEREDOC` is used by step `s` but not declared', '17:7 `$MISSING` is used by step `s` but not declared'])
})

t.test('undeclared-variable: inputs, env, step env, earlier steps and captures declare names', async (t) => {
  const doc = `---
runbook:
  inputs:
    TOKEN: {required: true}
  env: {APP_ENV: sandbox}
---
# T

\`\`\`bash {#one env="LOCAL=1"}
echo $TOKEN $APP_ENV $LOCAL
export NEXT=1
\`\`\`

\`\`\`http {#create}
POST http://127.0.0.1/items

[Captures]
ITEM_ID: jsonpath "$.id"
\`\`\`

\`\`\`bash {#two}
echo $NEXT $ITEM_ID $LOCAL
\`\`\`
`
  t.same(lint(doc, 'undeclared-variable'), ['22:21 `$LOCAL` is used by step `two` but not declared'])
})

t.test('placeholder-in-command skips redirections, heredocs, comments, skipped steps and expectations', async (t) => {
  const code = ['sort < input.txt > out.txt', 'diff <(ls) <(ls -a)', 'cat <<EOF', '<not-a-command>', 'EOF', '# replace <this> later', 'curl -H "Authorization: Bearer <valid-token>" http://x'].join('\n')
  t.same(lint(step(code), 'placeholder-in-command'), ['10:32 Placeholder `<valid-token>` in step `s` would be run as is'])
  t.same(lint(step('docker push <registry>/x', '{#s skip}'), 'placeholder-in-command'), [], 'a skipped step never runs')
  t.same(lint(`${step('echo hi')}\n\`\`\`text {expect}\n<registry>\n\`\`\`\n`, 'placeholder-in-command'), [], 'expected output is not a command')
})

t.test('destructive-without-confirm finds the dangerous commands and nothing else', async (t) => {
  const cases: Array<[string, boolean]> = [
    ['rm -rf build/', true],
    ['rm -r -f build/', true],
    ['rm -f one.txt', false],
    ['docker compose down -v', true],
    ['docker compose down', false],
    ['psql -c "DROP TABLE users"', true],
    ['psql <<SQL\nTRUNCATE events;\nSQL', true],
    ['docker system prune -af', true],
    ['kubectl delete pod api-0', true],
    ['kubectl get pods | grep delete', false],
    ['git push --force origin main', true],
    ['git push origin main', false],
    ['# rm -rf / is what we never do\necho safe', false],
    ['D=$(mktemp -d)\nrm -rf "$D"', false],
    ['rm -rf /tmp/scratch-1', false],
  ]
  for (const [code, found] of cases) t.equal(lint(step(code), 'destructive-without-confirm').length, found ? 1 : 0, code)
  t.same(lint(step('rm -rf build/', '{#s confirm="Delete the build?"}'), 'destructive-without-confirm'), [], 'confirm silences it')
})

t.test('secret-in-document: real-looking credentials only', async (t) => {
  const key = ['-----BEGIN RSA PRIVATE KEY-----', 'MIIEowIBAAKCAQEAz3kYw9sQv1Xq2cR7mB5nT8pL0aE4fH6jK9uW2yZ1xC3vB7nM', '-----END RSA PRIVATE KEY-----'].join('\n')
  const found = (text: string) => lint(text, 'secret-in-document').length
  t.equal(found(`\`\`\`\n${key}\n\`\`\`\n`), 1, 'a private key block')
  t.equal(found('The file starts with `-----BEGIN PRIVATE KEY-----`.\n'), 0, 'a header named in prose')
  t.equal(found('aws_access_key_id = AKIAZ7QWERTYUIOPASDF\n'), 1, 'an AWS key id')
  t.equal(found('aws_access_key_id = AKIAIOSFODNN7EXAMPLE\n'), 0, "AWS's documented example")
  t.equal(found(`token: ghp_${'a1B2c3D4e5'.repeat(4)}\n`), 1, 'a GitHub token')
  t.equal(found('postgres://app:Zq8vN3pLx7Rw@db.prod.internal/app\n'), 1, 'a password in a URL')
  for (const url of ['postgres://app:${DB_PASSWORD}@db/app', 'postgres://app:<password>@db/app', 'postgres://postgres:postgres@db/app', 'redis://:s3cr3tvalue@localhost:6379', 'https://user:password@example.com', 'https://github.com/org/repo']) {
    t.equal(found(`${url}\n`), 0, url)
  }
  const message = lintSource('postgres://app:Zq8vN3pLx7Rw@db.prod.internal/app\n', {file: 'doc.md'})[0]!.message
  t.notMatch(message, /Zq8vN3pLx7Rw/, 'the message does not repeat the secret')
})

t.test('unfilled-template: prose only', async (t) => {
  const doc = '# T\n\nOwner: TBD\n\n`TBD` in code\n\n```\nTODO: in a block\n```\n\n<!-- TODO: in a comment -->\n\nThe TBDs and STBD words. [PASTE THE LOGS HERE]\n'
  t.same(lint(doc, 'unfilled-template'), ['3:8 Unfilled template text `TBD`', '13:26 Unfilled template text `[PASTE THE LOGS HERE]`'])
})

t.test('broken-file-reference skips URLs, anchors, absolute and templated paths', async (t) => {
  const doc = '[a](https://x.io/a.md) [b](#b) [c](/abs.md) [d](mailto:x@y.z) [e]({{< ref "x" >}}) [f](missing.md#part) ![g](img/g.png)\n\n[h]: ./gone.md\n'
  t.same(lint(doc, 'broken-file-reference'), ['1:88 Link target `missing.md#part` does not exist (relative to doc.md)', '1:110 Link target `img/g.png` does not exist (relative to doc.md)', '3:6 Link target `./gone.md` does not exist (relative to doc.md)'])
  const scripts = step('./scripts/deploy.sh prod\nbash tools/check.sh\ncd sub && ./inner.sh')
  t.same(lint(scripts, 'broken-file-reference'), ['4:1 Script `./scripts/deploy.sh` run by step `s` does not exist', '5:6 Script `tools/check.sh` run by step `s` does not exist'], 'not after a cd')
})

t.test('disable comments inside code blocks do not count', async (t) => {
  const doc = '```markdown\n<!-- runbook-lint-disable -->\n```\n\nOwner: TBD\n'
  t.equal(lint(doc, 'unfilled-template').length, 1)
})

t.test('hostile inputs finish (no quadratic scans, no catastrophic regexes)', {timeout: 120_000}, async (t) => {
  const inputs = {
    'unclosed brackets': '['.repeat(100_000),
    'unclosed backticks': '`a '.repeat(50_000),
    'a huge word before a URL': `${'a'.repeat(500_000)} x://u:p4ssw0rdxyz@h\n`,
    'heredoc markers without newline': `\`\`\`bash {#a}\n${'echo <<x '.repeat(10_000)}\n\`\`\`\n`,
    'template openers': '[PASTE '.repeat(50_000),
  }
  for (const [name, source] of Object.entries(inputs)) {
    const messages = lintSource(source, {file: 'doc.md', dir: '/nonexistent-runbook-dir'})
    t.same(messages.filter((m) => /Internal error/.test(m.message)), [], name)
  }
})

t.test('undeclared-variable: a Runme cell named in capitals exports its output', async (t) => {
  const doc = '---\nrunme:\n  version: v3\n---\n\n```json {"name":"PAYLOAD"}\n{"a": 1}\n```\n\n```sh {"name":"TOKEN"}\necho $PAYLOAD | sign\n```\n\n```sh {"name":"verify"}\necho $TOKEN $OTHER\n```\n'
  t.same(lint(doc, 'undeclared-variable'), ['15:13 `$OTHER` is used by step `verify` but not declared'])
})
