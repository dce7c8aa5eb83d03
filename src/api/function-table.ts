/**
 * Every API function, defined once. `azure-functions.ts` registers this table with the Azure
 * Functions runtime; the local host (`npm start`) serves the same table.
 */
import type { FunctionDefinition } from './function-definition';
import { health } from './functions/health';

export const apiFunctions: readonly FunctionDefinition[] = [health];
