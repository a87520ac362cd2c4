// `<!-- runbook: defaults on=hub -->` (SPEC §13): step attributes for the rest of the section.
import t from 'tap'
import {parseRunbook} from '../../lib/parse/index.js'

const fence = '```'
const front = '---\nrunbook:\n  targets:\n    hub:\n      kube: { context: hub }\n---\n'

t.test('defaults apply up to the next heading of the same or a higher level; a step’s own value wins', async (t) => {
  const rb = parseRunbook(
    [
      front,
      '# Doc',
      '',
      '## On the hub',
      '',
      '<!-- runbook: defaults on=hub timeout=2m -->',
      '',
      `${fence}bash {#a}\nkubectl get pods\n${fence}`,
      '',
      '### Deeper',
      '',
      `${fence}bash {#b on=local}\nls\n${fence}`,
      '',
      '## Elsewhere',
      '',
      `${fence}bash {#c}\nls\n${fence}`,
      '',
    ].join('\n'),
    {file: 'doc.md'},
  )
  t.same(rb.diagnostics.map((d) => d.format()), [])
  const byId = new Map(rb.steps.map((step) => [step.id, step.options]))
  t.equal(byId.get('a')!.on, 'hub')
  t.equal(byId.get('a')!.timeoutMs, 120_000)
  t.equal(byId.get('b')!.on, 'local', 'a deeper heading keeps the defaults; the step’s own on= wins')
  t.equal(byId.get('b')!.timeoutMs, 120_000)
  t.equal(byId.get('c')!.on, undefined, 'a heading of the same level ends them')
  t.equal(byId.get('c')!.timeoutMs, undefined)
})

t.test('a defaults comment may not set an id, and its bad values are located', async (t) => {
  const rb = parseRunbook(`${front}# Doc\n\n<!-- runbook: defaults #x timout=5m -->\n\n${fence}bash {}\nls\n${fence}\n`, {file: 'doc.md'})
  const messages = rb.diagnostics.map((d) => d.format())
  t.ok(messages.some((m) => /^doc\.md:9:\d+: error: Section defaults cannot set a step id/.test(m)), messages.join('\n'))
  t.ok(messages.some((m) => /^doc\.md:9:\d+: error: Unknown attribute `timout`.*did you mean `timeout`/.test(m)), messages.join('\n'))
})
