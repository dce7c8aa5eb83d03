// package.json "main" for the Azure Functions worker (`func start`): loads the TypeScript
// registration through tsx, so the same sources run without a separate build step.
require('tsx/cjs');
require('./azure-functions.ts');
