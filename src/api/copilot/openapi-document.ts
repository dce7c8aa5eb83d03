/**
 * The OpenAPI 3.0 document of the Copilot agent's API plugin, generated from the plugin operations
 * and their zod contracts (`z.toJSONSchema`, OpenAPI 3.0 dialect): requests as the handlers parse
 * them (`io: 'input'`), answers as the mappers produce them (`io: 'output'`), failures as the one
 * error body every function answers with. `${{VAR}}` placeholders are resolved when the app package
 * is built, like the manifest's. `npm run openapi` writes it to appPackage/apiSpecificationFile.
 */
import { z } from 'zod';
import { ErrorResponse } from '../../contracts';
import { PLUGIN_OPERATIONS, type PluginOperation } from './plugin-operations';

export const OPENAPI_FILE = 'apiSpecificationFile/openapi.json';

/** `${{NAME}}`: a value of the environment, filled in by `npm run package` as in the manifest. */
const fromEnvironment = (name: string) => `$${'{{'}${name}}}`;

/** The delegated scope the tab already asks for: the person's own token, nothing more. */
const SCOPE = `api://${fromEnvironment('TAB_DOMAIN')}/${fromEnvironment('AAD_APP_CLIENT_ID')}/access_as_user`;
const SECURITY_SCHEME = 'entraSso';

type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema>; required?: string[] };

function schemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'throw' }) as JsonSchema;
  return rest;
}

function parametersOf(operation: PluginOperation): Record<string, unknown>[] {
  const described = (name: string) => {
    const description = operation.parameterDescriptions?.[name];
    if (!description) throw new Error(`${operation.fn.name}: parameter ${name} has no description for Copilot`);
    return description;
  };
  const fromObject = (schema: z.ZodObject | undefined, location: 'path' | 'query') => {
    if (!schema) return [];
    const json = schemaOf(schema, 'input');
    return Object.entries(json.properties ?? {}).map(([name, property]) => ({
      name,
      in: location,
      required: location === 'path' || (json.required ?? []).includes(name),
      description: described(name),
      schema: property,
    }));
  };
  return [...fromObject(operation.params, 'path'), ...fromObject(operation.query, 'query')];
}

function json(schema: JsonSchema) {
  return { 'application/json': { schema } };
}

function operationObject(operation: PluginOperation): Record<string, unknown> {
  const parameters = parametersOf(operation);
  return {
    operationId: operation.fn.name,
    summary: operation.summary,
    description: operation.description,
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(operation.body ? { requestBody: { required: true, description: operation.body.description, content: json(schemaOf(operation.body.schema, 'input')) } } : {}),
    responses: {
      [String(operation.success.status)]: { description: operation.success.description, content: json(schemaOf(operation.success.schema, 'output')) },
      default: {
        description: 'A failure: `error.code` is stable, `error.message` says what to do and may be shown to the person as is.',
        content: json(schemaOf(ErrorResponse, 'output')),
      },
    },
  };
}

export function buildOpenApiDocument(operations: readonly PluginOperation[] = PLUGIN_OPERATIONS): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of operations) {
    if (!operation.fn.methods.includes(operation.method)) throw new Error(`${operation.fn.name} does not answer ${operation.method}`);
    const path = `/${operation.fn.route}`;
    paths[path] = { ...paths[path], [operation.method.toLowerCase()]: operationObject(operation) };
  }
  return {
    openapi: '3.0.3',
    info: {
      title: 'Mentoring',
      description:
        'The signed-in person’s mentoring relationships: agreements, SMART goals, action items, meetings and check-ins, and booking the next meeting inside the agreed boundaries. Every call answers only what the person may see in the Mentoring tab.',
      version: fromEnvironment('APP_VERSION'),
    },
    servers: [{ url: `${fromEnvironment('API_ENDPOINT')}/api` }],
    paths,
    components: {
      securitySchemes: {
        [SECURITY_SCHEME]: {
          type: 'oauth2',
          description: 'Microsoft Entra single sign-on: Copilot calls the API with the person’s own token.',
          flows: {
            authorizationCode: {
              authorizationUrl: `https://login.microsoftonline.com/${fromEnvironment('AAD_APP_TENANT_ID')}/oauth2/v2.0/authorize`,
              tokenUrl: `https://login.microsoftonline.com/${fromEnvironment('AAD_APP_TENANT_ID')}/oauth2/v2.0/token`,
              scopes: { [SCOPE]: 'Use Mentoring as the signed-in person' },
            },
          },
        },
      },
    },
    security: [{ [SECURITY_SCHEME]: [SCOPE] }],
  };
}

/** The file's text: stable key order and a final newline, so a fresh generation compares byte for byte. */
export function openApiDocumentText(): string {
  return `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`;
}
