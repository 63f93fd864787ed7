#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm install` (prepare) or `npm run build`.
import('../dist/src/cli/index.js').catch((err) => {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND') {
    console.error('xiaoer 尚未构建：请先在项目目录运行 npm install（或 npm run build）。');
    process.exit(1);
  }
  throw err;
});
