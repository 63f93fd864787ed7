import Koa from 'koa';

/**
 * /metrics on a port of its own (METRICS_PORT), without the admin token: bind it to loopback or a private interface
 * (METRICS_HOST, default 127.0.0.1). Anything else is 404.
 */
export function createMetricsApp(metrics: () => Promise<{ contentType: string; body: string }>): Koa {
  const app = new Koa();
  app.use(async (ctx) => {
    if (ctx.path !== '/metrics' || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) {
      ctx.status = 404;
      return;
    }
    try {
      const m = await metrics();
      ctx.type = m.contentType;
      ctx.body = m.body;
    } catch {
      ctx.status = 503;
      ctx.body = 'metrics unavailable\n';
    }
  });
  return app;
}
