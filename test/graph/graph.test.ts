import t from 'tap'
import {parseRunbook} from '../../lib/parse/index.js'
import {planRunbook} from '../../lib/graph.js'
import {renderPlan} from '../../lib/plan/index.js'

const parse = (text: string) => parseRunbook(text, {file: 'doc.md', dir: '/tmp'})
const step = (attrs: string) => `\`\`\`bash {${attrs}}\ntrue\n\`\`\`\n\n`

t.test('document order by default: each node needs the one before it', async (t) => {
  const rb = parse(`# Ship\n\n${step('#build')}<!-- runbook: http id=smoke -->\n| URL |\n|---|\n| http://127.0.0.1/ |\n\n${step('#notify')}`)
  const plan = planRunbook(rb)
  t.same(plan.diagnostics, [])
  t.same(plan.nodes.map((n) => [n.id, n.kind, n.runner, n.needs, n.line]), [
    ['build', 'step', 'shell', [], 3],
    ['smoke', 'table', 'http', ['build'], 8],
    ['notify', 'step', 'shell', ['smoke'], 12],
  ])
  t.same(plan.order, ['build', 'smoke', 'notify'])
  t.equal(plan.nodes[1]!.table, rb.tables[0])
  t.equal(plan.nodes[0]!.step, rb.steps[0])
})

t.test('explicit needs reorder; empty needs makes a root', async (t) => {
  const plan = planRunbook(parse(`${step('#deploy needs=migrate,build')}${step('#build needs=')}${step('#migrate needs=build')}${step('#docs needs=')}`))
  t.same(plan.diagnostics, [])
  t.same(plan.nodes.map((n) => [n.id, n.needs]), [['deploy', ['migrate', 'build']], ['build', []], ['migrate', ['build']], ['docs', []]])
  t.same(plan.order, ['build', 'migrate', 'deploy', 'docs'])
})

t.test('unknown needs are diagnostics at the needs attribute, with a suggestion', async (t) => {
  const plan = planRunbook(parse(`${step('#migrate')}${step('#deploy needs=migrat')}`))
  t.same(plan.diagnostics.map((d) => d.format()), [
    'doc.md:5:18: error: Step `deploy` needs `migrat`, which is no step of this runbook (did you mean `migrate`?) [unknown-dependency]',
  ])
  t.same(plan.order, ['migrate', 'deploy'])
})

t.test('a cycle names every step in it', async (t) => {
  const plan = planRunbook(parse(`${step('#a needs=c')}${step('#b needs=a')}${step('#c needs=b')}${step('#d needs=')}${step('#e needs=e')}`))
  t.same(plan.diagnostics.map((d) => [d.ruleId, d.location, d.message, d.note]), [
    ['dependency-cycle', 'doc.md:1:13', 'Dependency cycle: `a` needs `c` needs `b` needs `a`', 'steps in the cycle: a, c, b'],
    ['dependency-cycle', 'doc.md:17:13', 'Dependency cycle: `e` needs `e`', 'steps in the cycle: e'],
  ])
  t.same(plan.order, ['d'], 'steps in a cycle never become ready')
})

t.test('duplicate ids are diagnostics; the first keeps its place in the graph', async (t) => {
  const plan = planRunbook(parse(`${step('#a')}${step('#b')}${step('#a')}`))
  t.same(plan.diagnostics.map((d) => [d.ruleId, d.location, d.note]), [['duplicate-step-id', 'doc.md:9:10', 'first used on line 1']])
  t.same(plan.order, ['a', 'b'])
})

t.test('renderings: text, json, mermaid, dot', async (t) => {
  const rb = parse(`# Ops\n\n${step('#db background ready=http://127.0.0.1:5432/')}${step('#migrate retries=3 timeout=5m')}${step('#"quoted" needs=db')}`.replace('#"quoted"', '#seed'))
  const plan = planRunbook(rb)
  t.equal(renderPlan(plan, 'text'), [
    '1.  db       shell  line 3   needs -   background',
    '2.  migrate  shell  line 7   needs db  timeout=5m retries=3',
    '3.  seed     shell  line 11  needs db',
    '',
  ].join('\n'))
  const json = JSON.parse(renderPlan(plan, 'json')) as {nodes: Array<{id: string; needs: string[]; flags: string[]}>; order: string[]}
  t.same(json.order, ['db', 'migrate', 'seed'])
  t.same(json.nodes.map((n) => [n.id, n.needs, n.flags]), [['db', [], ['background']], ['migrate', ['db'], ['timeout=5m', 'retries=3']], ['seed', ['db'], []]])
  t.equal(renderPlan(plan, 'mermaid'), [
    'flowchart TD',
    '  n0(["db<br/>shell · line 3"])',
    '  n1["migrate<br/>shell · line 7"]',
    '  n2["seed<br/>shell · line 11"]',
    '  n0 --> n1',
    '  n0 --> n2',
    '',
  ].join('\n'))
  t.equal(renderPlan(plan, 'dot'), [
    'digraph runbook {',
    '  rankdir=TB;',
    '  node [shape=box, fontname="Helvetica"];',
    '  "db" [label="db\nshell · line 3", style=rounded];',
    '  "migrate" [label="migrate\nshell · line 7"];',
    '  "seed" [label="seed\nshell · line 11"];',
    '  "db" -> "migrate";',
    '  "db" -> "seed";',
    '}',
    '',
  ].join('\n'))
})

t.test('a step runs where on= says, else on the front matter target; local and tables have none', async (t) => {
  const front = '---\nrunbook:\n  targets:\n    web:\n      ssh: [deploy@127.0.0.1]\n    db:\n      ssh: [deploy@127.0.0.2]\n  target: db\n---\n\n'
  const rb = parse(`${front}${step('#plain')}${step('#web on=web')}${step('#here on=local')}<!-- runbook: http id=smoke -->\n| URL |\n|---|\n| http://127.0.0.1/ |\n\n`)
  const plan = planRunbook(rb)
  t.same(plan.nodes.map((n) => [n.id, n.target]), [['plain', 'db'], ['web', 'web'], ['here', undefined], ['smoke', undefined]])
  t.notOk('target' in plan.nodes[2]!, 'on=local sets no target at all')
  const bare = planRunbook(parse(`${step('#one')}${step('#two on=web')}`))
  t.same(bare.nodes.map((n) => n.target), [undefined, 'web'], 'no front matter target: local unless on= names one')
  t.notOk('target' in bare.nodes[0]!, 'a local step has no target key')
})

t.test('a duplicate id given as name= is reported at that attribute, with its message', async (t) => {
  const plan = planRunbook(parse(`${step('#a')}${step('timeout=5s name=a')}`))
  t.same(plan.diagnostics.map((d) => [d.ruleId, d.location, d.message]), [['duplicate-step-id', 'doc.md:5:21', 'Duplicate step id `a`']])
})

t.test('a node waits for all its needs, even those later in the document', async (t) => {
  const plan = planRunbook(parse(`${step('#a needs=')}${step('#c needs=a,b')}${step('#b needs=')}`))
  t.same(plan.diagnostics, [])
  t.same(plan.order, ['a', 'b', 'c'])
})

t.test('a cycle is reported as the shortest way back to its first step', async (t) => {
  const plan = planRunbook(parse(`${step('#a needs=b,c')}${step('#b needs=c')}${step('#c needs=a')}`))
  t.same(plan.diagnostics.map((d) => [d.message, d.note]), [['Dependency cycle: `a` needs `c` needs `a`', 'steps in the cycle: a, c']])
})

t.test('a cycle that another cycle needs is reported first (reverse dependency order)', async (t) => {
  const plan = planRunbook(parse(`${step('#p needs=q')}${step('#q needs=p,r')}${step('#r needs=s')}${step('#s needs=r')}`))
  t.same(plan.diagnostics.map((d) => d.message), ['Dependency cycle: `r` needs `s` needs `r`', 'Dependency cycle: `p` needs `q` needs `p`'])
  t.same(plan.order, [])
})

t.test('a step without an id attribute gets a place from its block', async (t) => {
  const plan = planRunbook(parse(`${step('#a')}${step('timeout=5s')}${step('#c needs=nothing')}`))
  t.equal(plan.nodes.length, 3)
  t.same(plan.diagnostics.map((d) => d.ruleId), ['unknown-dependency'])
})
