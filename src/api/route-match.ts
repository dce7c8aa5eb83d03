/**
 * Matches a path against the function table's routes (Azure Functions route syntax, `{name}`
 * segments) for the local host; Azure does this itself for `func start` and in the cloud.
 */
import type { FunctionDefinition } from './function-definition';

interface CompiledRoute {
  readonly definition: FunctionDefinition;
  readonly pattern: RegExp;
  readonly names: readonly string[];
}

export type RouteMatch =
  | { readonly kind: 'found'; readonly definition: FunctionDefinition; readonly params: Record<string, string> }
  | { readonly kind: 'bad-parameter'; readonly definition: FunctionDefinition; readonly name: string }
  | { readonly kind: 'none' };

export function compileRoutes(definitions: readonly FunctionDefinition[]): (method: string, path: string) => RouteMatch {
  const compiled: CompiledRoute[] = definitions.map((definition) => {
    const names: string[] = [];
    const source = definition.route
      .split('/')
      .map((segment) => {
        const param = /^\{([A-Za-z][A-Za-z0-9]*)\}$/.exec(segment);
        if (param) {
          names.push(param[1]!);
          return '([^/]+)';
        }
        return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      })
      .join('/');
    return { definition, pattern: new RegExp(`^${source}$`), names };
  });
  // Literal routes win over parameter routes (e.g. `requests/mine` over `requests/{id}`), as in Azure.
  compiled.sort((a, b) => a.names.length - b.names.length);

  return (method, path) => {
    const upper = method.toUpperCase();
    let pathOnly: { definition: FunctionDefinition; params: Record<string, string>; methods: Set<string> } | undefined;
    for (const route of compiled) {
      const m = route.pattern.exec(path);
      if (!m) continue;
      const params: Record<string, string> = {};
      for (let i = 0; i < route.names.length; i++) {
        const name = route.names[i]!;
        try {
          params[name] = decodeURIComponent(m[i + 1]!);
        } catch {
          return { kind: 'bad-parameter', definition: route.definition, name };
        }
      }
      if ((route.definition.methods as readonly string[]).includes(upper)) return { kind: 'found', definition: route.definition, params };
      pathOnly ??= { definition: route.definition, params, methods: new Set() };
      for (const allowed of route.definition.methods) pathOnly.methods.add(allowed);
    }
    if (!pathOnly) return { kind: 'none' };
    // Same path, other method: the pipeline answers 405 naming every method the path accepts.
    const definition = { ...pathOnly.definition, methods: [...pathOnly.methods] } as FunctionDefinition;
    return { kind: 'found', definition, params: pathOnly.params };
  };
}
