/**
 * Every English message an editor can read, found in the source (not in a hand-kept list): the
 * `message:` and `expected:` strings and template literals of the problem-producing files, with
 * each `${…}` replaced by a sample value and each conditional written out both ways, so that
 * messages-ja.test.ts can check that the Japanese catalogue words all of them.
 *
 * Read with the TypeScript parser: a property `message`/`expected` (also shorthand `{ message }`),
 * an argument passed to a local function's parameter of that name (tables.ts `bad(…, message,
 * expected)`), codebook.ts's zod `error:` texts, and `value:` templates that compute an English
 * value ("13 fields"). An identifier is followed to its `const` in the enclosing scopes, a call of
 * a local function without arguments to its `return`s; anything else is a sample value.
 */
import ts from 'typescript';
import { readFileSync, readdirSync } from 'node:fs';

/** What stands for an interpolated part: kept verbatim by every translation. */
export const SAMPLE = 'X9';

export interface MessageSource {
  file: string;
  line: number;
  kind: 'message' | 'expected' | 'error' | 'value';
  /** The `rule:` next to it, when it is a literal. */
  rule?: string;
  text: string;
}

/** Helpers whose output is part of a message, and what they can return. */
const KNOWN_CALLS: Record<string, string[]> = { didYouMean: ['', ` — did you mean "${SAMPLE}"?`] };

const FILES = () => [
  ...readdirSync('src/lib/dataset')
    .filter((f) => f.endsWith('.ts') && f !== 'messages-ja.ts')
    .map((f) => `src/lib/dataset/${f}`),
  'src/server/catalog.ts',
  'src/server/workbook.ts',
];

export function messageSources(files: string[] = FILES()): MessageSource[] {
  const out: MessageSource[] = [];
  for (const file of files) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const lineOf = (n: ts.Node) => sf.getLineAndCharacterOfPosition(n.getStart()).line + 1;
    const push = (kind: MessageSource['kind'], at: ts.Node, expr: ts.Expression, rule?: string) => {
      for (const text of new Set(variants(expr))) if (text !== SAMPLE && text !== '') out.push({ file, line: lineOf(at), kind, ...(rule !== undefined ? { rule } : {}), text });
    };
    const visit = (n: ts.Node): void => {
      if (ts.isObjectLiteralExpression(n)) {
        const ruleProp = n.properties.find((p) => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === 'rule');
        const rule = ruleProp && ts.isPropertyAssignment(ruleProp) && ts.isStringLiteral(ruleProp.initializer) ? ruleProp.initializer.text : undefined;
        for (const p of n.properties) {
          const name = p.name && ts.isIdentifier(p.name) ? p.name.text : undefined;
          if (name === 'message' || name === 'expected' || name === 'error') {
            if (ts.isPropertyAssignment(p)) push(name, p, p.initializer, rule);
            else if (ts.isShorthandPropertyAssignment(p)) push(name, p, p.name, rule);
          }
          if (name === 'value' && ts.isPropertyAssignment(p) && ts.isTemplateExpression(p.initializer)) {
            const literal = [p.initializer.head.text, ...p.initializer.templateSpans.map((s) => s.literal.text)].join(' ');
            if (/[a-z]{2,}/.test(literal)) push('value', p, p.initializer, rule);
          }
        }
      }
      if (ts.isCallExpression(n) && ts.isIdentifier(n.expression)) {
        const fn = functionOf(resolve(n.expression));
        fn?.parameters.forEach((param, i) => {
          const name = ts.isIdentifier(param.name) ? param.name.text : '';
          const arg = n.arguments[i];
          if (arg && (name === 'message' || name === 'expected')) {
            const ruleAt = fn.parameters.findIndex((q) => ts.isIdentifier(q.name) && q.name.text === 'rule');
            const ruleArg = ruleAt >= 0 ? n.arguments[ruleAt] : undefined;
            push(name, n, arg, ruleArg && ts.isStringLiteral(ruleArg) ? ruleArg.text : undefined);
          }
        });
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return out;
}

/** The declaration an identifier names, looked up through the enclosing blocks and functions. */
function resolve(id: ts.Identifier): ts.Node | undefined {
  const name = id.text;
  for (let scope: ts.Node | undefined = id.parent; scope; scope = scope.parent) {
    if (ts.isFunctionLike(scope) && scope.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === name)) return scope.parameters.find((p) => ts.isIdentifier(p.name) && p.name.text === name);
    if (ts.isClassDeclaration(scope)) {
      const member = scope.members.find((m) => m.name && ts.isIdentifier(m.name) && m.name.text === name);
      if (member) return member;
    }
    const statements = ts.isBlock(scope) || ts.isSourceFile(scope) || ts.isCaseClause(scope) || ts.isDefaultClause(scope) ? scope.statements : undefined;
    for (const s of statements ?? []) {
      if (ts.isVariableStatement(s)) for (const d of s.declarationList.declarations) if (ts.isIdentifier(d.name) && d.name.text === name) return d;
      if (ts.isFunctionDeclaration(s) && s.name?.text === name) return s;
    }
  }
  return undefined;
}

function functionOf(decl: ts.Node | undefined): ts.SignatureDeclaration & { body?: ts.Node } | undefined {
  if (!decl) return undefined;
  if (ts.isFunctionDeclaration(decl) || ts.isMethodDeclaration(decl)) return decl;
  if (ts.isVariableDeclaration(decl) && decl.initializer && (ts.isArrowFunction(decl.initializer) || ts.isFunctionExpression(decl.initializer))) return decl.initializer;
  return undefined;
}

/** Every text an expression can be, with `SAMPLE` for what cannot be known. */
function variants(e: ts.Node, depth = 0): string[] {
  if (depth > 8) return [SAMPLE];
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return [e.text];
  if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isNonNullExpression(e)) return variants(e.expression, depth);
  if (ts.isConditionalExpression(e)) return [...variants(e.whenTrue, depth + 1), ...variants(e.whenFalse, depth + 1)];
  if (ts.isBinaryExpression(e) && [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(e.operatorToken.kind)) return [...variants(e.left, depth + 1), ...variants(e.right, depth + 1)];
  if (ts.isTemplateExpression(e)) {
    let out = [e.head.text];
    for (const span of e.templateSpans) {
      const inner = variants(span.expression, depth + 1);
      out = out.flatMap((o) => inner.map((i) => o + i + span.literal.text));
    }
    return out;
  }
  if (ts.isIdentifier(e)) {
    const decl = resolve(e);
    return decl && ts.isVariableDeclaration(decl) && decl.initializer && ts.getCombinedNodeFlags(decl) & ts.NodeFlags.Const ? variants(decl.initializer, depth + 1) : [SAMPLE];
  }
  if (ts.isCallExpression(e)) {
    const callee = e.expression;
    if (ts.isIdentifier(callee) && KNOWN_CALLS[callee.text]) return KNOWN_CALLS[callee.text];
    // A local function or method called without arguments: what it returns.
    const decl = e.arguments.length > 0 ? undefined : ts.isIdentifier(callee) ? resolve(callee) : ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.ThisKeyword && ts.isIdentifier(callee.name) ? resolve(callee.name) : undefined;
    const fn = functionOf(decl);
    if (fn?.body) {
      if (!ts.isBlock(fn.body)) return variants(fn.body, depth + 1);
      const returns: string[] = [];
      const walk = (n: ts.Node): void => {
        if (ts.isReturnStatement(n) && n.expression) returns.push(...variants(n.expression, depth + 1));
        else if (!ts.isFunctionLike(n)) ts.forEachChild(n, walk);
      };
      walk(fn.body);
      return returns.length > 0 ? returns : [SAMPLE];
    }
  }
  return [SAMPLE];
}
