// Printing figures: one row per check, our number with the peer's beside it, the ratio, the target.

// A number with its unit, or a dash when not measured.
export function fmt(x, unit) {
  if (x == null || !Number.isFinite(x)) return '—'
  if (unit === 's') return x < 1 ? `${(x * 1000).toFixed(x < 0.1 ? 1 : 0)} ms` : `${x.toFixed(3)} s`
  if (unit === 'ms') return `${x.toFixed(2)} ms`
  if (unit === 'MB') return `${x.toFixed(1)} MB`
  return String(x)
}

// The row cells of one check.
export function cells(c) {
  return [
    c.label,
    fmt(c.ours, c.unit),
    c.peer == null ? '—' : `${fmt(c.peer, c.unit)} (${c.peerName})`,
    c.ratio == null ? '—' : `${c.ratio.toFixed(2)}×`,
    c.targetText || (c.note === 'info' ? 'info' : ''),
    c.met == null ? (c.target ? 'n/a' : '') : c.met ? 'MET' : 'MISSED',
  ]
}

const header = ['measure', 'runbook', 'peer', 'ratio', 'target', 'status']

// Render figures as aligned text blocks for the terminal.
export function renderText(figures) {
  const rows = figures.flatMap((f) => f.checks.map(cells))
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
  const line = (r) => '  ' + r.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd()
  const out = []
  for (const f of figures) {
    out.push('', f.title, line(header))
    for (const c of f.checks) out.push(line(cells(c)))
    for (const n of f.notes ?? []) out.push(`  · ${n}`)
  }
  return out.join('\n') + '\n'
}

// Render figures as one Markdown table (for docs/benchmarks.md).
export function renderMarkdown(figures) {
  const out = ['| figure | measure | runbook | peer | ratio | target | status |', '|---|---|---|---|---|---|---|']
  for (const f of figures) {
    for (const c of f.checks) out.push(`| ${f.id} | ${cells(c).join(' | ')} |`)
  }
  return out.join('\n') + '\n'
}
