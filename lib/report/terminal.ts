// ANSI cursor control for the live view: what to write to erase and redraw a block of lines.

// Hide and show the cursor while the live view redraws.
export const hideCursor = '\u001b[?25l'
export const showCursor = '\u001b[?25h'

// Move to the first of the last `lines` lines printed and erase from there to the end of the screen.
export function eraseLines(lines: number): string {
  return lines > 0 ? `\r\u001b[${lines}A\u001b[J` : ''
}

// Cut a plain (uncoloured) text to at most `width` terminal columns, marking the cut with `…`.
// Wide characters (CJK, emoji) count two columns, so a live line never wraps and the redraw stays aligned.
export function fit(text: string, width: number): string {
  if (columnsOf(text) <= width) return text
  let used = 0
  let kept = ''
  for (const char of text) {
    const w = charColumns(char)
    if (used + w > width - 1) break
    used += w
    kept += char
  }
  return width >= 1 ? `${kept}…` : ''
}

// How many terminal columns a plain text takes (an over-estimate is safe: it only cuts earlier).
export function columnsOf(text: string): number {
  let total = 0
  for (const char of text) total += charColumns(char)
  return total
}

const wide = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1faff}\u{20000}-\u{3fffd}]/u

function charColumns(char: string): number {
  return wide.test(char) ? 2 : 1
}

// Braille spinner frames, one per redraw tick.
export const spinnerFrames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏']
