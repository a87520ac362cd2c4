// Colouring for the human reporters: SGR codes only when colour is on (NO_COLOR, `color: false`).

export type Paint = (text: string) => string

// The palette a reporter uses; every function is the identity when colour is off.
export interface Palette {
  green: Paint
  red: Paint
  yellow: Paint
  cyan: Paint
  dim: Paint
  bold: Paint
}

const sgr = (open: number, close: number): Paint => (text) => (text === '' ? text : `\u001b[${open}m${text}\u001b[${close}m`)
const plain: Paint = (text) => text

// A palette for the given colour setting.
export function createPalette(color: boolean): Palette {
  if (!color) return {green: plain, red: plain, yellow: plain, cyan: plain, dim: plain, bold: plain}
  return {green: sgr(32, 39), red: sgr(31, 39), yellow: sgr(33, 39), cyan: sgr(36, 39), dim: sgr(2, 22), bold: sgr(1, 22)}
}
