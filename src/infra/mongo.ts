import type { Config } from '../../config/index.js';
import type { Logger } from '../shared/logger.js';
import { startEmbeddedFerretdb, type EmbeddedServer } from './ferretdb.js';

/**
 * Opens MongoDB: MONGODB_URI, or an embedded FerretDB under the data folder. With `reuse`, a FerretDB the running bot
 * already serves on that folder is used as it is (the CLI's case).
 */
export async function openMongo(config: Readonly<Config>, log: Logger, reuse = false): Promise<EmbeddedServer> {
  if (config.mongo.uri) return { uri: config.mongo.uri, owned: false, stop: async () => {} };
  return startEmbeddedFerretdb({ dataDir: config.dataDir, bin: config.ferretdbBin, reuse, log: (m) => log.info(m), warn: (m) => log.warn(m) });
}
