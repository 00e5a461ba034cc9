// `npm start`: serves the reference Aurora API, the playground and the example apps (/examples/vue/,
// /examples/react/) on PORT (default 4010), then signs in once
// through the built library, printing each event, so a newcomer sees the flow: bridge -> handler -> REST ->
// outcome -> state. Flags: --reset (forget saved data), --demo (also scale a service and follow the
// operation), --once (exit after that), --memory (keep no data file).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createBackendHandler, createWUIBridge, EventNames } from '../dist/index.js';
import { demoCredentials, startReferenceServer } from '../dist/testing.js';

const flags = new Set(process.argv.slice(2));
const known = new Set(['--reset', '--demo', '--once', '--memory']);
for (const flag of flags) {
  if (!known.has(flag)) {
    console.error(`Unknown option ${flag}. Use any of: ${[...known].join(' ')}`);
    process.exit(1);
  }
}
const playground = fileURLToPath(new URL('../playground/dist', import.meta.url));
const dataFile = fileURLToPath(new URL('../.aurora-data/reference-api.json', import.meta.url));

const port = Number(process.env.PORT ?? 4010);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`PORT must be a whole number from 0 to 65535, got "${process.env.PORT}".`);
  process.exit(1);
}

let server;
try {
  server = await startReferenceServer({
    port,
    operationDurationMs: 1_500,
    liveMetrics: true,
    ...(existsSync(playground) ? { staticRoot: playground } : {}),
    ...(flags.has('--memory') ? {} : { dataFile, reset: flags.has('--reset') }),
  });
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

const origin = new URL(server.url).origin.replace('127.0.0.1', 'localhost');
console.log(`Playground:          ${existsSync(playground) ? `${origin}/` : '(not built: npm run build:playground)'}`);
const examples = ['vue', 'react'].filter((name) => existsSync(`${playground}/examples/${name}/index.html`));
for (const name of examples) console.log(`Example (${name}):`.padEnd(21) + `${origin}/examples/${name}/`);
console.log(`Reference Aurora API: ${origin}/api`);
console.log(`Demo login:          ${demoCredentials.email} / ${demoCredentials.password}`);
console.log(
  flags.has('--memory') ? 'Data: in memory only\n' : `Data: ${dataFile}${flags.has('--reset') ? ' (reset)' : ''}\n`,
);

const bridge = createWUIBridge();
const handler = createBackendHandler({ bridge, environment: { apiBaseUrl: server.url, logLevel: 'warn' } });
handler.start();

const started = performance.now();
const describe = (event, args) => {
  const [payload, meta] = args;
  if (event.endsWith(':error') || event === 'operation:failed') return `${payload.code}: ${payload.message}`;
  if (event === 'operation:progress' || event === 'operation:completed')
    return `${payload.status} ${payload.progress}%`;
  if (event === 'state:changed') return `state updated by ${meta.operation}`;
  if (event.endsWith(':success')) return `in ${meta.durationMs} ms`;
  return '';
};
for (const event of EventNames) {
  bridge.on(event, (...args) => {
    const at = `${String(Math.round(performance.now() - started)).padStart(5)} ms`;
    console.log(`${at}  ${event.padEnd(22)} ${describe(event, args)}  [${args[1].requestId.slice(0, 8)}]`);
  });
}

try {
  const user = await bridge.request('login', demoCredentials);
  console.log(`\nSigned in as ${user.name} ${user.surname} (${user.axebowPlan}).`);
  for (const tenant of user.tenants) {
    console.log(
      `  tenant ${tenant.name} (${tenant.role}): ${tenant.accounts.length} accounts, ${tenant.environments.length} environments`,
    );
    for (const service of tenant.services) {
      const instances = service.roles.reduce((sum, role) => sum + role.instances.length, 0);
      console.log(
        `    service ${service.name}: ${service.status}, ${service.roles.length} roles, ${instances} instances`,
      );
    }
  }
  const tenant = user.tenants.find((candidate) => candidate.role === 'owner' && candidate.services.length > 0);
  const service = tenant?.services[0];
  if (flags.has('--demo') && tenant !== undefined && service !== undefined) {
    const maxReplicas = (service.maxReplicas ?? 1) + 1;
    console.log(`\nScaling ${service.name} to at most ${maxReplicas} replicas and following the operation:`);
    await bridge.request(
      'scaleService',
      { tenantId: tenant.id, serviceId: service.id, minReplicas: service.minReplicas ?? 1, maxReplicas },
      { until: 'completed', timeoutMs: 30_000 },
    );
    const scaled = handler
      .getState()
      ?.tenants.find((t) => t.id === tenant.id)
      ?.services.find((s) => s.id === service.id);
    console.log(
      `Done: ${scaled?.name} now runs ${scaled?.minReplicas}-${scaled?.maxReplicas} replicas, status ${scaled?.status}.`,
    );
  }
  console.log('\nA bad request is answered with a typed error and no HTTP call:');
  await bridge.request('updateUser', { email: 'not-an-email' }).catch(() => undefined);
} catch (error) {
  console.error('The demo failed:', error instanceof Error ? error.message : error);
}

if (flags.has('--once')) {
  handler.stop();
  await server.close();
} else {
  console.log(`\nServing ${origin}/ until Ctrl-C.`);
  process.once('SIGINT', async () => {
    handler.stop();
    await server.close();
    console.log('\nStopped.');
    process.exit(0);
  });
}
