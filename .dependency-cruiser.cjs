/**
 * Which folder may import which. docs/architecture.md draws the same floors; run `npm run check:imports`.
 *
 * One rule: a file imports its own folder or a floor below, never a floor above. A few walls on top of it say what
 * a floor may not take even from below (the domain is pure; a handler reaches the world only through ctx; …).
 * Paths are from the project root. Type-only imports count: a type is a dependency too.
 */

/** Bottom to top. The entry floor composes everything; nothing imports it (but the CLI, lazily). */
const FLOORS = [
  { name: 'shared', paths: ['src/shared/'] },
  { name: 'domain', paths: ['src/domain/'] },
  { name: 'vocabulary', paths: ['src/messages/', 'config/'] },
  { name: 'adapters', paths: ['src/platforms/', 'src/store/', 'src/queue/', 'src/infra/'] },
  { name: 'services', paths: ['src/outbound/', 'src/digest/', 'src/directory/', 'src/ledger/', 'src/llm/'] },
  { name: 'bot', paths: ['src/bot/', 'handlers/', 'src/workbench/'] },
  { name: 'edges', paths: ['src/server/', 'src/simulator/', 'jobs/'] },
  { name: 'entry', paths: ['src/main.ts', 'src/runtime.ts', 'src/runtime/', 'src/cli/'] },
];

const re = (p) => '^' + p.replace(/\./g, '\\.') + (p.endsWith('/') ? '' : '$');
const on = (floors) => floors.flatMap((f) => f.paths.map(re));

/** The composition root: the only files that may name jobs/, the handlers list and the simulator. */
const ROOT = ['^src/main\\.ts$', '^src/runtime\\.ts$', '^src/runtime/'];
const CLI = ['^src/cli/'];
/** Libraries that do no I/O: the domain may use them. */
const PURE_LIBS = '^node_modules/(luxon|@types/luxon|zod|chinese-days|opencc-js|@eslint-community/regexpp)/';
/** Libraries that talk to the world. */
const IO_LIBS = '^node_modules/(mongoose|mongodb|bullmq|ioredis|koa|@koa/[^/]+|openai|exceljs|raw-body)/';
/** Every folder of the project (anything else is a library or a Node built-in). */
const PROJECT = '^(src|handlers|jobs|config)/';

/**
 * Folders with a stricter wall below (an allow-list) are left out of the floor rules, and so are imports of jobs/
 * (src-never-imports-jobs says it): each bad import is told once, by its most precise rule.
 */
const WALLED = ['^src/domain/', '^src/store/', '^src/queue/', '^config/', '^handlers/'];

const importDownward = FLOORS.slice(0, -1).map((floor, i) => ({
  name: `${floor.name}-imports-downward`,
  severity: 'error',
  comment: `The ${floor.name} floor (${floor.paths.join(', ')}) imports its own floor or a lower one, never ${FLOORS.slice(i + 1)
    .map((f) => f.name)
    .join(', ')}.`,
  from: { path: on([floor]), pathNot: WALLED },
  to: { path: on(FLOORS.slice(i + 1)), pathNot: '^jobs/' },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Files that import each other in a loop: no part can be read (or loaded) alone. Move the shared piece down.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to nothing (a file moved, a path mistyped): no rule can judge it.',
      from: {},
      to: { couldNotResolve: true },
    },
    ...importDownward,
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment:
        'src/domain imports only itself and pure libraries (luxon, zod, chinese-days, opencc-js, @eslint-community/regexpp): no config/, no messages, no I/O, no Node built-ins. Time, calendar and policy are arguments.',
      from: { path: '^src/domain/' },
      to: { pathNot: ['^src/domain/', PURE_LIBS] },
    },
    {
      name: 'config-imports-only-the-domain',
      severity: 'error',
      comment: "config/ may use the domain's types (SlaPolicy, the calendar) and nothing else of the project: it is read before anything is built.",
      from: { path: '^config/' },
      to: { path: PROJECT, pathNot: ['^config/', '^src/domain/'] },
    },
    {
      name: 'src-never-imports-jobs',
      severity: 'error',
      comment:
        'jobs/ are BullMQ processors on top of src/. Only the composition root names them (through jobs/index.ts); the CLI reaches them, if ever, through the runtime. Sending lives in src/outbound/ (the send job, src/outbound/send-message.job.ts, beside the outbox that queues it); schedulers live in jobs/.',
      from: { path: '^src/', pathNot: ROOT },
      to: { path: '^jobs/' },
    },
    {
      name: 'handlers-reach-the-world-through-ctx',
      severity: 'error',
      comment:
        'A handler uses the domain, the message types and its ctx (src/bot/context.ts); the store, queues, platforms and outbound come to it through ctx, never by import.',
      from: { path: '^handlers/' },
      to: { path: [PROJECT, IO_LIBS], pathNot: ['^handlers/', '^src/(bot|domain|messages|shared)/'] },
    },
    {
      name: 'bot-never-imports-handlers',
      severity: 'error',
      comment: 'The bot dispatches to the list it is given (handlers/index.ts, named by the runtime); handlers import the bot, never the reverse.',
      from: { path: '^src/bot/' },
      to: { path: '^handlers/' },
    },
    {
      name: 'jobs-never-import-handlers',
      severity: 'error',
      comment: 'A job reaches a handler only through the bot (bot.dispatch).',
      from: { path: '^jobs/' },
      to: { path: '^handlers/' },
    },
    {
      name: 'platforms-know-no-store-or-queue',
      severity: 'error',
      comment:
        'A platform folder turns callbacks into InboundMessage and OutboundMessage into API calls; what it needs from Redis or MongoDB (a token cache, a webhook key) is handed to it.',
      from: { path: '^src/platforms/' },
      to: { path: ['^src/(store|queue|infra)/', IO_LIBS] },
    },
    {
      name: 'store-imports-only-the-domain',
      severity: 'error',
      comment: 'Repositories map documents to domain objects: they know the domain, the message types and shared helpers.',
      from: { path: '^src/store/' },
      to: { path: PROJECT, pathNot: ['^src/(store|domain|messages|shared)/', '^jobs/'] },
    },
    {
      name: 'queue-is-plumbing',
      severity: 'error',
      comment: 'src/queue (producer, worker host, locks, pacer) knows no job and no domain: job definitions are handed to it.',
      from: { path: '^src/queue/' },
      to: { path: PROJECT, pathNot: ['^src/(queue|shared)/', '^jobs/'] },
    },
    {
      name: 'cli-opens-only-what-it-needs',
      severity: 'error',
      comment:
        'To print a calendar date the CLI must not load the runtime, the bot, the handlers, the jobs, the HTTP server or the simulator: a command that needs one of them imports it lazily (await import(...)).',
      from: { path: CLI },
      to: { path: [...ROOT, '^(handlers|jobs)/', '^src/(bot|server|simulator)/'], dependencyTypesNot: ['dynamic-import'] },
    },
  ],
  options: {
    doNotFollow: { path: ['node_modules'] },
    exclude: { path: ['^(dist|test|bench|scripts|tools)/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
  },
};
