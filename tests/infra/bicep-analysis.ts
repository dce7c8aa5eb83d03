/**
 * What the tests need from Bicep without the Bicep compiler (which cannot be downloaded here):
 * the tree-sitter-bicep grammar parses each file, and the declarations are read from the tree.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Language, Parser, type Node } from 'web-tree-sitter';

export interface ModuleUse {
  symbol: string;
  path: string;
  params: string[];
}

export interface BicepDeclarations {
  params: Map<string, { hasDefault: boolean }>;
  outputs: Set<string>;
  modules: ModuleUse[];
  /** `symbol.outputs.name` references, for checking against the module's outputs. */
  moduleOutputReferences: { symbol: string; output: string }[];
}

let parserPromise: Promise<Parser> | undefined;

export function bicepParser(): Promise<Parser> {
  parserPromise ??= (async () => {
    await Parser.init();
    const wasm = path.join(path.dirname(require.resolve('tree-sitter-bicep/package.json')), 'tree-sitter-bicep.wasm');
    const parser = new Parser();
    // Bytes rather than a path: loading by path makes web-tree-sitter use a dynamic import jest cannot run.
    parser.setLanguage(await Language.load(readFileSync(wasm)));
    return parser;
  })();
  return parserPromise;
}

function parse(parser: Parser, source: string): Node {
  const tree = parser.parse(source);
  if (!tree) throw new Error('tree-sitter returned no tree');
  return tree.rootNode;
}

/** Every ERROR or MISSING node, as "line:column …" (1-based), so a failure points at the fix. */
export function syntaxProblems(parser: Parser, source: string): string[] {
  const problems: string[] = [];
  const visit = (node: Node) => {
    if (node.isError || node.isMissing) {
      const where = `${node.startPosition.row + 1}:${node.startPosition.column + 1}`;
      problems.push(node.isMissing ? `${where} missing ${node.type}` : `${where} cannot parse "${node.text.slice(0, 60)}"`);
    }
    for (const child of node.children) if (child) visit(child);
  };
  visit(parse(parser, source));
  return problems;
}

const unquote = (text: string) => text.replace(/^'(.*)'$/s, '$1');

export function declarations(parser: Parser, source: string): BicepDeclarations {
  const root = parse(parser, source);
  const result: BicepDeclarations = { params: new Map(), outputs: new Set(), modules: [], moduleOutputReferences: [] };
  for (const node of root.namedChildren) {
    if (!node) continue;
    const name = node.namedChildren[0]?.text ?? '';
    if (node.type === 'parameter_declaration') {
      // identifier, type, then the default value when there is one
      result.params.set(name, { hasDefault: node.namedChildren.length > 2 });
    } else if (node.type === 'output_declaration') {
      result.outputs.add(name);
    } else if (node.type === 'module_declaration') {
      const body = node.namedChildren.find((c) => c?.type === 'object');
      const paramsObject = body?.namedChildren
        .find((p) => p?.type === 'object_property' && p.namedChildren[0]?.text === 'params')
        ?.namedChildren.find((c) => c?.type === 'object');
      result.modules.push({
        symbol: name,
        path: unquote(node.namedChildren[1]?.text ?? ''),
        params: (paramsObject?.namedChildren ?? [])
          .filter((p) => p?.type === 'object_property')
          .map((p) => unquote(p!.namedChildren[0]?.text ?? '')),
      });
    }
  }
  for (const match of source.matchAll(/\b([A-Za-z_]\w*)\.outputs\.([A-Za-z_]\w*)/g)) {
    result.moduleOutputReferences.push({ symbol: match[1]!, output: match[2]! });
  }
  return result;
}

/** The Toolkit's arm/deploy turns an output name into an env variable: upper case, non-alphanumerics as "_". */
export const outputEnvironmentName = (output: string) => output.toUpperCase().replace(/[^A-Z0-9]/g, '_');

/** Outputs the lifecycle needs that main.bicep does not declare. */
export function undeclaredOutputs(outputs: Set<string>, needed: Iterable<string>): string[] {
  const declared = new Set([...outputs].map(outputEnvironmentName));
  return [...needed].filter((name) => !declared.has(name)).sort();
}

/** Parameters the parameters file sets that main.bicep does not declare, and required ones it leaves out. */
export function parameterMismatches(params: BicepDeclarations['params'], parameterFile: { parameters: Record<string, unknown> }) {
  const given = Object.keys(parameterFile.parameters);
  return {
    unknown: given.filter((name) => !params.has(name)).sort(),
    missingRequired: [...params].filter(([name, p]) => !p.hasDefault && !given.includes(name)).map(([name]) => name).sort(),
  };
}
