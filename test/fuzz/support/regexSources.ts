import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

/** A regular expression written in the server's source. */
export interface RegexSite {
  readonly file: string;
  readonly line: number;
  /** `undefined` for a `new RegExp(…)` whose pattern is not a literal: it cannot be audited alone. */
  readonly source?: string;
  readonly flags: string;
  readonly text: string;
  /** The constant it is assigned to, if any: `HEADING`. */
  readonly name?: string;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return tsFiles(full);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [full] : [];
  });
}

const literalText = (node: ts.Expression | undefined): string | undefined =>
  node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;

/**
 * Every regular expression under `root` (the TypeScript sources), found with the TypeScript
 * parser rather than a grep: regex literals, and `RegExp(…)` / `new RegExp(…)` calls.
 */
export function findRegexes(root: string): RegexSite[] {
  const sites: RegexSite[] = [];
  for (const file of tsFiles(root).sort()) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const relative = path.relative(path.dirname(root), file).split(path.sep).join('/');
    const visit = (node: ts.Node): void => {
      const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(source);
        const slash = text.lastIndexOf('/');
        const name = ts.isVariableDeclaration(node.parent) && ts.isIdentifier(node.parent.name) ? node.parent.name.text : undefined;
        sites.push({ file: relative, line, source: text.slice(1, slash), flags: text.slice(slash + 1), text, name });
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        const [pattern, flags] = node.arguments ?? [];
        sites.push({ file: relative, line, source: literalText(pattern), flags: literalText(flags) ?? '', text: node.getText(source) });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return sites;
}
