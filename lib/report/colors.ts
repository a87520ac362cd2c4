// Colouring for the human reporters and lint's stylish format: SGR codes only when colour is on,
// and the one rule that decides it (flags, FORCE_COLOR, NO_COLOR, terminal).

export type Paint = (text: string) => string

// The palette a reporter uses; every function is the identity when colour is off.
export interface Palette {
  green: Paint
  red: Paint
  yellow: Paint
  cyan: Paint
  dim: Paint
  bold: Paint
  underline: Paint
}

const sgr = (open: number, close: number): Paint => (text) => (text === '' ? text : `\u001b[${open}m${text}\u001b[${close}m`)
const plain: Paint = (text) => text

// A palette for the given colour setting.
export function createPalette(color: boolean): Palette {
  if (!color) return {green: plain, red: plain, yellow: plain, cyan: plain, dim: plain, bold: plain, underline: plain}
  return {green: sgr(32, 39), red: sgr(31, 39), yellow: sgr(33, 39), cyan: sgr(36, 39), dim: sgr(2, 22), bold: sgr(1, 22), underline: sgr(4, 24)}
}

// Whether to colour output: an explicit `--color`/`--no-color` first, then FORCE_COLOR (`0` turns it
// off), then NO_COLOR (any non-empty value), then whether the stream is a terminal.
export function decideColor(options: {flag?: boolean | undefined; env: Record<string, string | undefined>; isTTY?: boolean | undefined}): boolean {
  if (options.flag !== undefined) return options.flag
  const force = options.env['FORCE_COLOR']
  if (force !== undefined) return force !== '0' && force !== 'false'
  if (options.env['NO_COLOR']) return false
  return options.isTTY === true
}
