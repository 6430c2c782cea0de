import { parse as parseJson, printParseErrorCode, type ParseError } from 'jsonc-parser';

/** What each JSON syntax error of jsonc-parser means, in words. */
const JSON_ERRORS: Readonly<Record<ReturnType<typeof printParseErrorCode>, (text: string) => string>> = {
  InvalidSymbol: (text) => `unexpected \`${text}\``,
  InvalidNumberFormat: (text) => `\`${text}\` is not a valid number`,
  PropertyNameExpected: () => 'expected a property name in double quotes',
  ValueExpected: () => 'expected a value (an object, a list, a string, a number, true, false or null)',
  ColonExpected: () => 'expected `:` after the property name',
  CommaExpected: () => 'expected `,` between two values',
  CloseBraceExpected: () => 'expected `,` or `}`',
  CloseBracketExpected: () => 'expected `,` or `]`',
  EndOfFileExpected: () => 'unexpected text after the end of the JSON value',
  InvalidCommentToken: () => 'comments are not allowed in JSON',
  UnexpectedEndOfComment: () => 'unterminated comment',
  UnexpectedEndOfString: () => 'unterminated string (a line break inside a string ends it)',
  UnexpectedEndOfNumber: () => 'unfinished number',
  InvalidUnicode: () => 'invalid `\\u` escape in a string',
  InvalidEscapeCharacter: () => 'invalid escape in a string',
  InvalidCharacter: () => 'a control character inside a string',
  '<unknown ParseErrorCode>': () => 'not valid',
};

/** The first JSON syntax error, at its position (jsonc-parser, strict: no comments, no trailing commas). */
export function firstJsonSyntaxError(source: string): { start: number; end: number; message: string } | undefined {
  const errors: ParseError[] = [];
  parseJson(source, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (!first) return undefined;
  const start = Math.min(first.offset, Math.max(0, source.length - 1));
  const end = Math.min(source.length, Math.max(first.offset + first.length, start + 1));
  const message = JSON_ERRORS[printParseErrorCode(first.error)](source.slice(first.offset, first.offset + first.length));
  return { start, end, message: `Not valid JSON: ${message}.` };
}
