// txm documents (SPEC §3): `<!-- !test program CMD -->` sets the command, `<!-- !test in NAME -->`,
// `out`, `err` and `check` name the next code block, `<!-- !test exit N -->` sets the next test's
// exit code. Each named test becomes one shell step that pipes its input into the program (run by
// `sh`, as txm does) and checks stdout, stderr and the exit code.
import type {Code, Html, Nodes, Root} from 'mdast'
import type {ExitSpec, Expectation, Step} from '../../model.js'
import {report, type ParseContext} from '../context.js'
import {githubSlug} from '../slug.js'

interface Test {
  name: string
  program?: string
  exit?: ExitSpec
  only?: boolean
  input?: Code
  check?: Code
  out?: Code
  err?: Code
  at: number // offset of the first comment naming the test
}

// One `!test` comment: its command word, its argument, where it stands.
interface Command {
  verb: string
  arg: string
  start: number
  end: number
}

const comment = /<!--([\s\S]*?)-->/g

// The `!test` commands of an HTML node, with txm's `#-` → `-` unescaping.
function commandsOf(node: Html): Command[] {
  const base = node.position?.start.offset ?? 0
  const found: Command[] = []
  for (const match of node.value.matchAll(comment)) {
    const text = match[1]!.replace(/#(#*)-/g, '$1-').trim()
    const parsed = /^!test\s+(\S+)\s*([\s\S]*)$/.exec(text)
    if (!parsed) continue
    found.push({verb: parsed[1]!, arg: parsed[2]!.trim(), start: base + match.index, end: base + match.index + match[0].length})
  }
  return found
}

// Whether the Markdown tree holds txm `<!-- !test … -->` comments.
export function hasTxmTests(tree: Root): boolean {
  return ordered(tree).some((node) => node.type === 'html' && commandsOf(node).length > 0)
}

function ordered(tree: Root): Array<Html | Code> {
  const out: Array<Html | Code> = []
  const walk = (node: Nodes): void => {
    if (node.type === 'html' || node.type === 'code') out.push(node)
    else if ('children' in node) for (const child of node.children) walk(child as Nodes)
  }
  walk(tree)
  return out
}

// The steps of a txm document, one per named test, in the order their first comment stands.
export function readTxm(tree: Root, context: ParseContext): Array<{node: Step; explicitId: string}> {
  const tests = new Map<string, Test>()
  let program: string | undefined
  let exit: ExitSpec | undefined
  let only = false
  let pending: {command: Command; field: 'input' | 'check' | 'out' | 'err'} | undefined
  const testOf = (name: string, at: number): Test => {
    let test = tests.get(name)
    if (!test) tests.set(name, (test = {name, at}))
    return test
  }
  const fields = {in: 'input', check: 'check', out: 'out', err: 'err'} as const
  for (const node of ordered(tree)) {
    if (node.type === 'code') {
      if (!pending) continue
      const test = testOf(pending.command.arg, pending.command.start)
      if (test[pending.field]) report(context, `txm test \`${test.name}\` has a second \`${pending.command.verb}\` block`, pending.command.start, pending.command.end)
      test[pending.field] = node
      // As in txm: a test runs the program in force at its last block; a pending `exit` or `only`
      // belongs to the test whose block comes next, whichever kind it is.
      test.program = program
      if (exit) test.exit = exit
      if (only) test.only = true
      exit = undefined
      only = false
      pending = undefined
      continue
    }
    for (const command of commandsOf(node)) {
      if (command.verb === 'program') program = command.arg
      else if (command.verb === 'exit') exit = command.arg === 'nonzero' ? {kind: 'nonzero'} : /^\d+$/.test(command.arg) ? {kind: 'codes', codes: [Number(command.arg)]} : undefined
      else if (command.verb === 'only') only = true
      else if (command.verb in fields && pending) report(context, `\`!test ${command.verb} ${command.arg}\`: expected the code block of \`!test ${pending.command.verb} ${pending.command.arg}\` first`, command.start, command.end)
      else if (command.verb in fields) pending = {command, field: fields[command.verb as keyof typeof fields]}
      if (command.verb === 'exit' && !exit) report(context, `\`!test exit ${command.arg}\`: expected a number or \`nonzero\``, command.start, command.end)
    }
  }
  const all = [...tests.values()]
  const focused = all.some((test) => test.only) // txm skips every test without `only` then
  const used = new Set<string>()
  return all.flatMap((test, index) => {
    const block = test.input ?? test.check
    const problem = !block ? 'has no `in` or `check` block' : !test.check && !test.out && !test.err ? 'has no `out` or `err` block' : !test.program ? 'has no `!test program` before it' : undefined
    if (problem || !block) {
      report(context, `txm test \`${test.name}\` ${problem}`, test.at, test.at + 4)
      return []
    }
    const base = githubSlug(test.name) || 'test'
    let id = base
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`
    used.add(id)
    const node = makeStep(test, block, index + 1, all.length, context)
    if (focused && !test.only) node.options.skip = true
    return [{node, explicitId: id}]
  })
}

function makeStep(test: Test, block: Code, index: number, last: number, context: ParseContext): Step {
  const span = spanOf(block, context)
  const expectations: Expectation[] = []
  if (!test.check) {
    if (test.out) expectations.push(expectation(test.out, 'stdout', context))
    if (test.err) expectations.push(expectation(test.err, 'stderr', context))
  }
  return {
    id: '',
    idSource: 'explicit',
    runner: 'shell',
    lang: block.lang ?? '',
    dialect: 'comment',
    code: block.value,
    script: script(test, block, index, last),
    span: span.whole,
    bodySpan: span.body,
    fence: span.fence,
    attributes: [],
    options: {retries: 0, delayMs: 1000, exit: test.exit ?? {kind: 'codes', codes: [0]}, background: false, skip: false, manual: false, env: {}, allowFailure: false, always: true, tags: [], output: 'show'},
    needs: undefined,
    expectations,
    index: 0,
  }
}

const quote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`

// `sh -c PROGRAM` with txm's variables, the block (plus a newline, as txm sends it) on stdin.
function script(test: Test, block: Code, index: number, last: number): string {
  let end = 'TXM_INPUT'
  while (block.value.split('\n').includes(end)) end += '_'
  const vars = [`TXM_INDEX=${index}`, `TXM_NAME=${quote(test.name)}`, 'TXM_INDEX_FIRST=1', `TXM_INDEX_LAST=${last}`, 'TXM_HAS_COLOR=0', 'TXM_HAS_COLOUR=0']
  if (block.lang) vars.push(`TXM_INPUT_LANG=${quote(block.lang)}`)
  return `env ${vars.join(' ')} sh -c ${quote(test.program!)} <<'${end}'\n${block.value}\n${end}\n`
}

function expectation(node: Code, stream: 'stdout' | 'stderr', context: ParseContext): Expectation {
  const span = spanOf(node, context)
  // txm compares exactly; the block's text plus its final newline is the expected output.
  return {kind: 'text', lang: node.lang ?? '', body: node.value, mode: 'exact', literal: true, stream, strict: false, span: span.whole, bodySpan: span.body, fence: span.fence, attributes: []}
}

function spanOf(node: Code, context: ParseContext) {
  const start = node.position?.start.offset ?? 0
  const end = node.position?.end.offset ?? start
  const text = context.source.slice(start, end)
  const open = /^( *)(`{3,}|~{3,})/.exec(context.source.slice(context.source.lastIndexOf('\n', start - 1) + 1, end))
  const firstBreak = text.indexOf('\n')
  const lastBreak = text.lastIndexOf('\n')
  const bodyStart = open && firstBreak >= 0 ? start + firstBreak + 1 : start
  const bodyEnd = open && lastBreak > firstBreak ? start + lastBreak : end
  return {
    whole: context.locator.span(start, end),
    body: context.locator.span(bodyStart, Math.max(bodyStart, bodyEnd)),
    fence: {char: (open?.[2]?.[0] ?? '`') as '`' | '~', length: open?.[2]?.length ?? 0, indent: open?.[1]?.length ?? 0},
  }
}
