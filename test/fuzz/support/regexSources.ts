import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { Module } from 'node:module';
import ts from 'typescript';

/** A regular expression written in the server's source. */
export interface RegexSite {
  readonly file: string;
  readonly line: number;
  /**
   * For a `new RegExp(…)` whose pattern is built (from the language table, say), the pattern it
   * builds when it is a module's constant (see `builtPattern`); `undefined` for one built inside a
   * function, which cannot be audited alone.
   */
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
        const name = ts.isVariableDeclaration(node.parent) && ts.isIdentifier(node.parent.name) ? node.parent.name.text : undefined;
        const literal = literalText(pattern);
        sites.push({ file: relative, line, source: literal ?? builtPattern(relative, name)?.source, flags: literalText(flags) ?? builtPattern(relative, name)?.flags ?? '', text: node.getText(source), name });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return sites;
}

/** The compiled module of each server source, run again with its constants handed out. */
const constantsOf = new Map<string, Record<string, unknown>>();

/**
 * The regular expression a module's constant `name` holds, built when the module loads: the
 * module's compiled JavaScript (under out/) is run once more, in a module of its own, with its
 * constants added to its exports. Undefined when there is no such constant.
 */
function builtPattern(file: string, name: string | undefined): RegExp | undefined {
  if (!name) return undefined;
  const compiled = path.resolve(__dirname, '..', '..', '..', 'server', file.replace(/\.ts$/, '.js'));
  let constants = constantsOf.get(compiled);
  if (!constants) {
    const names = [...readFileSync(compiled, 'utf8').matchAll(/^const ([A-Z][A-Z0-9_]*) = new RegExp\(/gm)].map((m) => m[1]);
    const module = new Module(compiled) as Module & { _compile(code: string, filename: string): void; paths: string[] };
    module.filename = compiled;
    module.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(path.dirname(compiled));
    module._compile(`${readFileSync(compiled, 'utf8')}\n;module.exports.__constants = { ${names.join(', ')} };`, compiled);
    constants = (module.exports as { __constants: Record<string, unknown> }).__constants;
    constantsOf.set(compiled, constants);
  }
  const value = constants[name];
  return value instanceof RegExp ? value : undefined;
}
