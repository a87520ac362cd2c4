// The one pattern for terminal escape sequences, shared by the terminal sanitiser and the redactor.

// CSI (`ESC [ … final`), OSC (`ESC ] … BEL|ST`), DCS/PM/APC/SOS strings, and two-byte ESC sequences.
export const escapeSequenceSource =
  '\\u001b\\[[0-?]*[ -/]*[@-~]|\\u009b[0-?]*[ -/]*[@-~]|\\u001b[\\]PX^_][\\s\\S]*?(?:\\u0007|\\u001b\\\\|\\u009c|$)|[\\u009d\\u0090\\u0098\\u009e\\u009f][\\s\\S]*?(?:\\u0007|\\u001b\\\\|\\u009c|$)|\\u001b[ -/]*[0-~]?'
