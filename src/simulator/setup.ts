import type { Config } from '../../config/index.js';
import { freePort } from '../infra/process.js';
import { createSimClock, type SimClock } from './clock.js';
import { simulatorPlatforms } from './sim-server.js';

/** The simulator of this process: its fake platforms, its clock and where it is reached. */
export interface SimulatorSetup {
  /** Made-up credentials whose API bases are this process's own fake platform endpoints. */
  platforms: ReturnType<typeof simulatorPlatforms>;
  /** The clock the bot runs on: it can jump ahead (a morning digest in a demo). */
  clock: SimClock;
  /** Where the bot reaches the fake platform APIs. */
  baseUrl: string;
  /** The interface the HTTP server listens on: XIAOER_SIMULATOR_HOST (loopback unless told otherwise). */
  host: string;
  /** The simulator page, once the server listens on `port`. */
  pageUrl(port: number): string;
}

/** An address to reach a server bound to `host` (a wildcard is reached on loopback). */
function reachableHost(host: string): string {
  return host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
}

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/**
 * Sets up the simulator when it is on and this process serves HTTP (not role `worker`): a port fixed now (the
 * credentials name it), the fake platforms' credentials in place of real ones, and a simulated clock. Returns the
 * configuration the rest of the runtime uses, and the simulator (null when it is off).
 */
export async function setUpSimulator(given: Readonly<Config>): Promise<{ config: Readonly<Config>; sim: SimulatorSetup | null }> {
  if (!given.simulator || given.role === 'worker') return { config: given, sim: null };
  const port = given.http.port || (await freePort());
  // the simulator has no login: the server listens on XIAOER_SIMULATOR_HOST (loopback unless told otherwise)
  const reach = urlHost(reachableHost(given.simulatorHost));
  const baseUrl = `http://${reach}:${port}`;
  const platforms = simulatorPlatforms(baseUrl, given.simulatorWecom);
  return {
    config: { ...given, http: { port }, wecom: platforms.wecom, dingtalk: platforms.dingtalk },
    sim: {
      platforms,
      clock: createSimClock(given.timezone),
      baseUrl,
      host: given.simulatorHost,
      pageUrl: (listening) => `http://${reach}:${listening}/simulator`,
    },
  };
}
