import t from 'tap'
import {parseRunbook} from '../../lib/parse/index.js'

const parse = (text: string) => parseRunbook(text, {file: 'doc.md', dir: '/tmp'})

const header = `---
title: Staging deploy
runbook:
  inputs:
    STAGING_CONTEXT: { description: "kubectl context name", required: true }
    STAGING_API_KEY: { description: "staging API key", secret: true }
    IMAGE_TAG: { default: latest }
  env: { APP_ENV: sandbox, REPLICAS: 2 }
  timeout: 10m
  shell: bash
  concurrency: 4
---
# Deploy

\`\`\`bash {#ship}
kubectl apply -f k8s/
\`\`\`
`

t.test('runbook front matter: inputs, env, timeout, shell, concurrency', async (t) => {
  const rb = parse(header)
  t.same(rb.diagnostics, [])
  const fm = rb.frontMatter!
  t.same(fm.inputs, [
    {name: 'STAGING_CONTEXT', required: true, secret: false, description: 'kubectl context name'},
    {name: 'STAGING_API_KEY', required: false, secret: true, description: 'staging API key'},
    {name: 'IMAGE_TAG', required: false, secret: false, default: 'latest'},
  ])
  t.same(fm.env, {APP_ENV: 'sandbox', REPLICAS: '2'})
  t.equal(fm.timeoutMs, 600_000)
  t.equal(fm.shell, 'bash')
  t.equal(fm.concurrency, 4)
  t.equal(fm.runAll, false)
  t.equal(fm.data['title'], 'Staging deploy')
  t.same([fm.span.start.line, fm.span.end.line, fm.span.end.column], [1, 12, 4])
})

t.test('front matter is blanked for remark: offsets and lines stay true, no thematic break or heading appears', async (t) => {
  const rb = parse(header)
  t.equal(rb.headings[0]!.text, 'Deploy')
  t.equal(rb.headings[0]!.span.start.line, 13)
  t.equal(rb.steps[0]!.span.start.line, 15)
  t.equal(rb.source.slice(rb.steps[0]!.span.start.offset, rb.steps[0]!.span.start.offset + 3), '```')
  t.notOk(rb.tree.children.some((node) => node.type === 'thematicBreak'))
})

t.test('front matter errors point at the key, with a suggestion', async (t) => {
  const rb = parse(`---\nrunbook:\n  timout: 5m\n  concurrency: 0\n  inputs:\n    A: { descripton: x }\n---\n# x\n`)
  t.same(rb.diagnostics.map((d) => d.format()), [
    'doc.md:3:3: error: Unknown front matter key `runbook.timout`: expected one of inputs, env, timeout, shell, shell-options, cwd, concurrency, run, targets, target, test (did you mean `timeout`?) [invalid-front-matter]',
    'doc.md:4:16: error: Invalid front matter `runbook.concurrency`: must be >= 1 [invalid-front-matter]',
    'doc.md:6:10: error: Unknown front matter key `runbook.inputs.A.descripton`: expected one of description, required, secret, default (did you mean `description`?) [invalid-front-matter]',
  ])
})

t.test('a billion-laughs header fails fast with a diagnostic, not a hang', async (t) => {
  const lines = ['---', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
  for (let i = 1; i < 10; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`)
  lines.push('---', '# x', '')
  const rb = parse(lines.join('\n'))
  t.same(rb.diagnostics.map((d) => [d.location, d.severity, d.message]), [['doc.md:3:8', 'error', 'YAML aliases are not allowed in front matter']])
  t.same(rb.frontMatter!.data, {})
})

t.test('a huge header is refused before YAML reads it', async (t) => {
  const rb = parse(`---\nrunbook:\n  env:\n${'    K: "v"\n'.repeat(10_000)}---\n# x\n`)
  t.equal(rb.diagnostics.length, 1)
  t.match(rb.diagnostics[0]!.message, /^Front matter is too large \(\d+ bytes\): expected at most 65536$/)
  t.equal(rb.diagnostics[0]!.severity, 'error')
})

t.test('other front matter engines are rejected', async (t) => {
  const rb = parse(`---js\n{ runbook: { run: 'all' } }\n---\n# x\n`)
  t.same(rb.diagnostics.map((d) => d.format()), ['doc.md:1:1: error: Front matter engine `js` is not supported: expected YAML (`---`) [invalid-front-matter]'])
})

t.test('invalid YAML is an error in a runbook header, a warning in anyone else\'s', async (t) => {
  const ours = parse(`---\nrunbook:\n  env: [\n---\n# x\n`)
  t.equal(ours.diagnostics[0]!.severity, 'error')
  t.equal(ours.diagnostics[0]!.start.line, 4)
  const hugo = parse(`---\ntitle: "{{ replace .Name "-" " " | title }}"\n---\n# x\n`)
  t.same(hugo.diagnostics.map((d) => [d.location, d.severity]), [['doc.md:2:27', 'warning']])
})

t.test('a leading --- without a closing line is a thematic break, not front matter', async (t) => {
  const rb = parse(`---\n\n# Title\n`)
  t.equal(rb.frontMatter, undefined)
  t.equal(rb.headings[0]!.text, 'Title')
})

t.test('CRLF documents keep their line endings and positions', async (t) => {
  const rb = parse('---\r\nrunbook:\r\n  timeout: 1m\r\n---\r\n# T\r\n\r\n```bash {#a timout=1s}\r\nls\r\n```\r\n')
  t.equal(rb.eol, '\r\n')
  t.equal(rb.frontMatter!.timeoutMs, 60_000)
  t.same(rb.diagnostics.map((d) => d.location), ['doc.md:7:13'])
  t.equal(rb.steps[0]!.code, 'ls')
})

t.test('targets: ssh lists, kube contexts, exec wrappers, and located errors', async (t) => {
  const good = parse(
    `---\nrunbook:\n  targets:\n    web:\n      ssh: [deploy@10.0.0.5, "deploy@10.0.0.6:\${PORT}"]\n      serial: 1\n      max-fail: "25%"\n      options: { StrictHostKeyChecking: accept-new }\n    hub:\n      kube: { context: hub, namespace: ocm }\n    api:\n      exec: [docker, exec, -i, api, sh, -s]\n  target: hub\n---\n# x\n`,
  )
  t.same(good.diagnostics.map((d) => d.format()), [])
  const targets = good.frontMatter!.targets
  t.same(targets['web']!.hosts, ['deploy@10.0.0.5', 'deploy@10.0.0.6:${PORT}'])
  t.equal(targets['web']!.serial, 1)
  t.equal(targets['web']!.maxFail, '25%')
  t.same(targets['web']!.options, {StrictHostKeyChecking: 'accept-new'})
  t.equal(targets['web']!.line, 4)
  t.equal(targets['hub']!.context, 'hub')
  t.equal(targets['hub']!.namespace, 'ocm')
  t.same(targets['api']!.argv, ['docker', 'exec', '-i', 'api', 'sh', '-s'])
  t.equal(good.frontMatter!.target, 'hub')
  const bad = parse(`---\nrunbook:\n  targets:\n    web:\n      sshh: [a@b]\n    two:\n      ssh: a@b\n      kube: {context: x}\n---\n# x\n`)
  const messages = bad.diagnostics.map((d) => d.format())
  t.ok(messages.some((m) => /^doc\.md:5:7: error: Unknown front matter key `runbook\.targets\.web\.sshh`.*did you mean `ssh`/.test(m)), messages.join('\n'))
  t.ok(messages.some((m) => /^doc\.md:7:7: error: Invalid target `two`: give exactly one of ssh, kube, exec/.test(m)), messages.join('\n'))
})
