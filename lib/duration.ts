// Durations as users write them in attributes and flags: `500ms`, `30s`, `5m`, `1h`, `1.5s`.

const pattern = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/
const unit = {ms: 1, s: 1000, m: 60_000, h: 3_600_000} as const

// Milliseconds for a duration string, or undefined when it is not one.
export function parseDuration(text: string): number | undefined {
  const match = pattern.exec(text.trim())
  if (!match) return undefined
  return Math.round(Number(match[1]) * unit[match[2] as keyof typeof unit])
}

// A short human form: `850ms`, `1.2s`, `3m 05s`.
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`
  const minutes = Math.floor(ms / 60_000)
  const seconds = Math.round((ms % 60_000) / 1000)
  return `${minutes}m ${String(seconds).padStart(2, '0')}s`
}
