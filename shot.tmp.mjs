import { chromium } from 'playwright-core';
const [,, login, ...pages] = process.argv;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const p = await b.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
await p.goto(login, { waitUntil: 'networkidle' });
for (const [i, path] of pages.entries()) {
  await p.goto(new URL(path, login).toString(), { waitUntil: 'networkidle' });
  await p.waitForTimeout(1500);
  await p.screenshot({ path: `/tmp/page${i}.png`, fullPage: true });
  console.log(path, await p.title());
}
await b.close();
