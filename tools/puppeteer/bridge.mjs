// Drives Debian's firefox-esr over WebDriver BiDi for the Gecko browser tests (tests/browser/engines.py).
// One JSON command per line on stdin ({"id", "cmd", "args"}), one JSON answer per line on stdout
// ({"id", "value"} or {"id", "error"}). Uncaught page errors are kept until the `errors` command reads them.
import readline from "node:readline";
import puppeteer from "puppeteer-core";

const browser = await puppeteer.launch({
  browser: "firefox",
  executablePath: process.env.EV_FIREFOX || "/usr/bin/firefox-esr",
  headless: true,
  extraPrefsFirefox: { "dom.events.asyncClipboard.readText": true, "dom.events.testing.asyncClipboard": true },
});
const page = await browser.newPage();
const errors = [];
page.on("pageerror", (error) => errors.push(String(error)));
page.on("console", (message) => { if (message.type() === "error") { errors.push(message.text()); } });

const commands = {
  goto: async (url) => { await page.goto(url, { waitUntil: "load" }); },
  js: async (source, args) => page.evaluate(`(${source})(...${JSON.stringify(args)})`),
  click: async (selector) => { await page.click(selector); },
  type: async (selector, text) => { await page.type(selector, text); },
  press: async (key) => { await page.keyboard.press(key); },
  viewport: async (width, height) => { await page.setViewport({ width, height }); },
  errors: async () => errors.splice(0),
  quit: async () => { await browser.close(); process.exit(0); },
};

process.stdout.write(JSON.stringify({ id: 0, value: await browser.version() }) + "\n");
for await (const line of readline.createInterface({ input: process.stdin })) {
  const { id, cmd, args } = JSON.parse(line);
  let answer;
  try {
    answer = { id, value: (await commands[cmd](...args)) ?? null };
  } catch (error) {
    answer = { id, error: String(error && error.stack ? error.stack : error) };
  }
  process.stdout.write(JSON.stringify(answer) + "\n");
}
await browser.close();
