// The files a bundle loads, found by following the real imports from its entry files with the
// TypeScript compiler's own parser and module resolution (the tsconfig's paths included).
import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import ts from 'typescript';

/** The compiler options of the project's tsconfig.json (module resolution, paths). */
function projectOptions(root: string): ts.CompilerOptions {
  const configPath = resolve(root, 'tsconfig.json');
  const { config } = ts.readConfigFile(configPath, (path) => ts.sys.readFile(path));
  return ts.parseJsonConfigFileContent(config, ts.sys, root, undefined, configPath).options;
}

/**
 * The module specifiers a file loads at run time: static imports and re-exports, side-effect
 * imports and `import()` calls. `import type` and `export type` are left out (the compiler erases
 * them); an import whose names are all inline `type` specifiers is kept, since under
 * verbatimModuleSyntax it stays as a side-effect import.
 */
export function runtimeSpecifiers(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!node.importClause?.isTypeOnly) found.push(node.moduleSpecifier.text);
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      if (!node.isTypeOnly) found.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      found.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/**
 * Every project file reached from the entries through run-time imports, as paths relative to
 * `root` with forward slashes (entries included, node_modules and virtual modules left out).
 */
export function reachableFiles(root: string, entries: string[]): string[] {
  const options = projectOptions(root);
  const seen = new Set<string>();
  const queue = entries.map((entry) => resolve(root, entry));
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!/\.[cm]?[jt]sx?$/.test(file)) continue; // CSS and JSON are leaves
    for (const specifier of runtimeSpecifiers(file, readFileSync(file, 'utf8'))) {
      const resolved = resolveSpecifier(specifier, file, options);
      if (resolved && !resolved.includes('/node_modules/') && !seen.has(resolved)) {
        queue.push(resolved);
      }
    }
  }
  return [...seen].map((file) => relative(root, file).split('\\').join('/')).sort();
}

/** The file a specifier names, or undefined for a package or a virtual module. */
function resolveSpecifier(
  specifier: string,
  from: string,
  options: ts.CompilerOptions,
): string | undefined {
  // Non-code assets (CSS, JSON) resolve by path; the compiler resolves only code.
  if (/\.(css|json)$/.test(specifier) && specifier.startsWith('.')) {
    const path = resolve(from, '..', specifier);
    return existsSync(path) ? path : undefined;
  }
  const result = ts.resolveModuleName(specifier, from, options, ts.sys).resolvedModule;
  if (!result || result.isExternalLibraryImport) return undefined;
  return result.resolvedFileName.endsWith('.d.ts') ? undefined : resolve(result.resolvedFileName);
}
