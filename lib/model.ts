// The runbook model: what a Markdown runbook means, with a source position for everything.
// Produced by `lib/parse/`, consumed by the graph, the executor, write-back and lint.
// Offsets are UTF-16 code-unit offsets into `Runbook.source` (as mdast gives them);
// lines and columns are 1-based.

// One place in the source text.
export interface Point {
  line: number
  column: number
  offset: number
}

// A span of the source text, start inclusive, end exclusive.
export interface Span {
  start: Point
  end: Point
}

// How a step's attributes were written (SPEC §1).
export type Dialect =
  | 'pandoc' // ```bash {#id k=v flag}
  | 'runme-json' // ```sh {"name":"x"}
  | 'runme-spaced' // ```sh { name=x }
  | 'runme-bare' // ```sh name=x
  | 'comment' // <!-- runbook: #id k=v --> before a plain fence
  | 'run-all' // a plain shell fence made a step by front matter `run: all`, `runme:` or --all

// Which engine runs a step.
export type Runner = 'shell' | 'console' | 'node' | 'python' | 'http'

// Accepted exit codes of a step: a list of codes, any non-zero, or anything.
export type ExitSpec = {kind: 'codes'; codes: number[]} | {kind: 'nonzero'} | {kind: 'any'}

// Where captured output is written back.
export type OutputMode = 'show' | 'hide' | 'collapse'

// An HTTP status expectation: exact codes and classes such as `2xx`.
export interface StatusSpec {
  codes: number[]
  classes: number[] // 2 for `2xx`
}

// Typed, validated step attributes. String values may still hold `${VAR}`, resolved at run time.
export interface StepOptions {
  timeoutMs?: number // undefined: front matter `timeout`, else 10m
  retries: number
  delayMs: number
  exit: ExitSpec
  contains?: string
  background: boolean
  ready?: string
  confirm?: string
  skip: boolean
  manual: boolean
  cwd?: string
  env: Record<string, string>
  shell?: string
  allowFailure: boolean
  always: boolean
  tags: string[]
  output: OutputMode
  status?: StatusSpec // http steps
  withinMs?: number // http steps: latency bound
  interactive?: boolean // Runme key, accepted
  capture?: CaptureSpec[] // values taken from stdout for later steps (SPEC §14)
  if?: string // a shell condition: the step runs only when it exits 0
  artifacts?: string // a glob of files the step makes, copied into the evidence
  tty?: boolean // the step needs the real terminal
  ask?: string // a decision in prose: the yes/no question
  templates?: Record<string, string> // typed values written with `${VAR}` (`timeout=${T}`), resolved when the step runs
  on?: string // the target the step runs on (SPEC §13); undefined: front matter `target`, else local
}

// One `capture=` value: the whole trimmed stdout, a regex's first group, or a JSONPath over JSON stdout.
export interface CaptureSpec {
  name: string
  kind: 'stdout' | 'regex' | 'jsonpath'
  pattern?: string // the regex source or the JSONPath
}

// One attribute as written, kept for diagnostics and lint (`timout=5m` at 7:14).
export interface RawAttribute {
  key: string
  value: string | true
  span: Span
}

// A `$ command` of a console transcript with the output printed after it.
export interface TranscriptCommand {
  command: string // continuation lines (`> `) joined with newlines
  expected: string // the lines after it, up to the next `$ ` line
  expectedLine?: number // source line of the first expected line (where `--update` rewrites them)
  expectedCount?: number // how many source lines the expected output takes
  line: number // source line of the `$`
}

// hurl-style query of an [Asserts] line or check-table assertion.
export type HttpQuery =
  | {type: 'status'}
  | {type: 'header'; name: string}
  | {type: 'body'}
  | {type: 'jsonpath'; path: string}
  | {type: 'duration'}

// One `query [not] predicate value` assertion.
export interface HttpAssert {
  query: HttpQuery
  not: boolean
  predicate:
    | '==' | '!=' | '<' | '<=' | '>' | '>='
    | 'contains' | 'startsWith' | 'endsWith' | 'matches' | 'exists' | 'count'
  value?: string | number | boolean | null // `matches` holds the regex source
  raw: string
  line: number
}

// One `NAME: jsonpath "$.id"` capture; later steps see `${NAME}`.
export interface HttpCapture {
  name: string
  query: HttpQuery
  raw: string
  line: number
}

// The request an `http` step sends.
export interface HttpRequestSpec {
  method: string
  url: string // may hold ${VAR}
  headers: Array<[name: string, value: string]>
  body?: string
  asserts: HttpAssert[]
  captures: HttpCapture[]
}

// An `{expect}` block bound to the step before it (SPEC §2).
export interface Expectation {
  kind: 'text' | 'json' | 'schema'
  lang: string // the fence's language ('' when none)
  body: string // the block's content, without the fences
  mode: 'exact' | 'contains'
  stream: 'stdout' | 'stderr' | 'all'
  strict: boolean // json: no extra keys
  schemaPath?: string // {expect schema=path}, relative to the runbook's folder
  span: Span // the whole fenced block
  bodySpan: Span // the content only (empty span between the fences when empty)
  fence: {char: '`' | '~'; length: number; indent: number}
  attributes: RawAttribute[]
  literal?: boolean // compared byte for byte, no normalising or patterns (txm's `out`/`err`)
}

// Where an existing output/summary region written by a previous run stands.
export interface OwnedRegion {
  kind: 'output' | 'summary'
  stepId?: string // output regions
  span: Span // from `<!-- runbook:output ... -->` to the end of `<!-- /runbook:output -->`
}

// A step: an annotated fenced block.
export interface Step {
  id: string
  idSource: 'explicit' | 'heading' | 'generated'
  runner: Runner
  lang: string
  dialect: Dialect
  code: string // the block's content
  script?: string // what runs when it differs from `code`: `$ ` prompts removed, pasted output left out (SPEC §1)
  span: Span // the whole fenced block (from the opening fence to the closing fence)
  bodySpan: Span // the content only
  fence: {char: '`' | '~'; length: number; indent: number}
  annotationSpan?: Span // the attribute block or the `<!-- runbook: -->` comment
  attributes: RawAttribute[]
  options: StepOptions
  needs: string[] | undefined // as written; undefined: previous step in document order
  heading?: {text: string; depth: number; line: number; slug: string}
  expectations: Expectation[]
  transcript?: TranscriptCommand[] // console runner
  http?: HttpRequestSpec // http runner
  listItemSpan?: Span // the innermost list item holding the step, if any
  index: number // position among the runbook's steps, 0-based
  prose?: 'decision' | 'manual' // a step that stands in a comment with no fence (SPEC §14)
}

// One row of a check table.
export interface CheckRow {
  index: number // 0-based among body rows
  method: string
  url: string // the cell, may be relative to `base` and hold ${VAR}
  status: StatusSpec | undefined
  asserts: HttpAssert[]
  span: Span
  cells: string[] // every cell's text, for reporters
}

// A GFM table turned into HTTP checks by `<!-- runbook: http ... -->` (SPEC §4).
export interface CheckTable {
  id: string
  base?: string
  threshold?: {pass: number; of: number}
  needs: string[] | undefined
  options: StepOptions // timeout, tags, skip, always, within=… apply to every row
  attributes: RawAttribute[]
  columns: {method?: number; url: number; status?: number; assertions?: number; result?: number}
  align: Array<'left' | 'right' | 'center' | null>
  rows: CheckRow[]
  span: Span // the table
  commentSpan: Span
  headerSpan: Span // the header row
  delimiterSpan: Span // the `| --- |` row
  index: number // position among steps and tables in document order
}

// A task-list item and the steps it refers to (SPEC §5).
export interface ChecklistItem {
  checked: boolean
  checkboxOffset: number // offset of the character between `[` and `]`
  text: string // the item's first paragraph as plain text
  refs: string[] // step or table ids
  refKind: 'contains' | 'link' | 'check' | 'none'
  span: Span
  line: number
}

// A declared input (SPEC §6).
export interface InputSpec {
  name: string
  description?: string
  required: boolean
  secret: boolean
  default?: string
}

// A named place where steps run (SPEC §13): ssh hosts, a kube context, or an exec wrapper.
// String values may hold `${VAR}`, resolved at run time.
export interface TargetSpec {
  name: string
  kind: 'ssh' | 'kube' | 'exec'
  hosts: string[] // ssh: `user@host[:port]`, one or more
  identity?: string // ssh: -i FILE
  options: Record<string, string> // ssh: -o KEY=VALUE
  serial?: number | string // ssh: hosts at a time, a number or `25%`
  maxFail?: number | string // ssh: failed hosts tolerated, a number or `25%`
  context?: string // kube
  namespace?: string // kube
  argv?: string[] // exec: the wrapper that reads the script on stdin
  line: number // where the target is defined in the front matter
  column: number
  offset: number
}

// Parsed front matter (`runbook:` or Runme's `runme:`).
export interface FrontMatter {
  span: Span // from the opening `---` to the end of the closing `---` line
  data: Record<string, unknown> // the whole YAML document
  inputs: InputSpec[]
  env: Record<string, string>
  timeoutMs?: number
  shell?: string
  cwd?: string // where steps start, relative to the document's folder (Runme's `cwd`, or `runbook.cwd`)
  shellOptions?: string // `shell-options`: `set` arguments for every shell step ('' for none)
  concurrency?: number
  runAll: boolean
  runme: boolean
  targets: Record<string, TargetSpec> // SPEC §13
  target?: string // the default target of steps
  test?: boolean // `test: true`: a test fixture (lint allows what production runbooks must not do)
}

// A heading, for sections, slugs and the summary's place.
export interface Heading {
  depth: number
  text: string
  slug: string
  span: Span
}

// A fenced block that is not a step or an expectation: documentation, seen by lint.
export interface CodeBlock {
  lang: string
  meta: string
  code: string
  span: Span
  bodySpan: Span
  inListItem: boolean
}

// Severity of a diagnostic.
export type Severity = 'error' | 'warning' | 'info'

// Everything `parseRunbook` knows about one Markdown file.
export interface Runbook {
  file: string // path as given (used in messages)
  dir: string // absolute folder of the file: cwd of steps, base of schema paths
  source: string
  eol: '\n' | '\r\n'
  frontMatter?: FrontMatter
  headings: Heading[]
  steps: Step[]
  tables: CheckTable[]
  checklist: ChecklistItem[]
  regions: OwnedRegion[]
  blocks: CodeBlock[] // plain (documentation) fences
  tree: import('mdast').Root // the mdast, for lint rules that need links, text or html nodes
  annotated: boolean // any annotation at all (for lint rules such as unannotated-shell-block)
  diagnostics: import('./diagnostic.js').Diagnostic[]
}
