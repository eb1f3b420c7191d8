/** Where a JSON text first goes wrong. */
export interface JsonErrorPosition {
  /** Zero-based character offset. */
  position: number;
  /** One-based line. */
  line: number;
  /** One-based column. */
  column: number;
}

/**
 * Finds the first offset at which `text` stops being valid JSON, or `undefined` when it is valid.
 * Exists because `JSON.parse` messages quote the surrounding text, which in a settings file may
 * be a secret; this reports a position only.
 */
export function locateJsonError(text: string): JsonErrorPosition | undefined {
  const offset = new JsonScanner(text).firstErrorOffset();
  if (offset === undefined) return undefined;
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return { position: offset, line, column };
}

class ScanError {
  constructor(readonly offset: number) {}
}

// A plain recursive-descent recogniser for RFC 8259; it builds no values.
class JsonScanner {
  private i = 0;

  constructor(private readonly text: string) {}

  firstErrorOffset(): number | undefined {
    try {
      this.value();
      this.whitespace();
      if (this.i < this.text.length) throw new ScanError(this.i);
      return undefined;
    } catch (error) {
      if (error instanceof ScanError) return error.offset;
      throw error;
    }
  }

  private whitespace(): void {
    while (this.i < this.text.length && ' \t\n\r'.includes(this.text[this.i] as string)) this.i++;
  }

  private expect(char: string): void {
    if (this.text[this.i] !== char) throw new ScanError(this.i);
    this.i++;
  }

  private value(): void {
    this.whitespace();
    const c = this.text[this.i];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    for (const word of ['true', 'false', 'null']) {
      if (this.text.startsWith(word, this.i)) {
        this.i += word.length;
        return;
      }
    }
    throw new ScanError(this.i);
  }

  private object(): void {
    this.expect('{');
    this.whitespace();
    if (this.text[this.i] === '}') {
      this.i++;
      return;
    }
    for (;;) {
      this.whitespace();
      this.string();
      this.whitespace();
      this.expect(':');
      this.value();
      this.whitespace();
      if (this.text[this.i] === ',') {
        this.i++;
        continue;
      }
      this.expect('}');
      return;
    }
  }

  private array(): void {
    this.expect('[');
    this.whitespace();
    if (this.text[this.i] === ']') {
      this.i++;
      return;
    }
    for (;;) {
      this.value();
      this.whitespace();
      if (this.text[this.i] === ',') {
        this.i++;
        continue;
      }
      this.expect(']');
      return;
    }
  }

  private string(): void {
    this.expect('"');
    for (;;) {
      const c = this.text[this.i];
      if (c === undefined || c < ' ') throw new ScanError(this.i);
      this.i++;
      if (c === '"') return;
      if (c === '\\') {
        const e = this.text[this.i];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.i + 1, this.i + 5))) {
            throw new ScanError(this.i);
          }
          this.i += 5;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) {
          this.i++;
        } else {
          throw new ScanError(this.i);
        }
      }
    }
  }

  private number(): void {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.i));
    if (match === null) throw new ScanError(this.i);
    this.i += match[0].length;
  }
}
