// A child forked with an IPC channel by a parent that exits at once (test/integration/orphan-child.test.ts): by the time
// its modules are loaded its parent is gone. It records when it notices, through the bot's own watches, and exits.
import { writeFileSync } from 'node:fs';
import { watchChannel, watchParent } from '../../src/main.ts';

const parent = process.ppid;
const orphaned = () => {
  writeFileSync(process.env.ORPHAN_FILE, `orphaned (parent id read: ${parent})`);
  process.exit(0);
};
watchParent(orphaned, parent, 50);
watchChannel(orphaned);
// alive until a watch says the parent is gone (a test's own deadline kills it otherwise)
setInterval(() => undefined, 1000);
