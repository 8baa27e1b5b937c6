/** An input that cannot be read as an article. The message names the file (and line). */
export class InputError extends Error {
  constructor(
    readonly file: string,
    message: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'InputError';
  }
  /** One line: `file:line: message`. */
  override toString(): string {
    return `${this.file}${this.line ? `:${this.line}` : ''}: ${this.message}`;
  }
}
