"""One small driver for three browser engines, so the reader journeys (test_engines.py) are written once.

- Chromium: Debian's `chromium` through Playwright, as in the rest of tests/browser/.
- WebKit: WebKitGTK's MiniBrowser through its WebDriver (`WebKitWebDriver`, Debian's `webkit2gtk-driver`), driven
  with Selenium, on a private Xvfb display (WebKitGTK needs one).
- Gecko: Debian's `firefox-esr` over WebDriver BiDi through puppeteer-core (tools/puppeteer/bridge.mjs, one JSON
  command a line), with no browser download.

`make engines` (which `make test` runs first) installs the Debian packages and puppeteer-core. An engine that
cannot start here skips its tests with the reason; the others still run.

A tab offers what a reader does and what a test reads: `goto`, `js` (a JavaScript function's source and its
arguments; a promise is awaited), `wait` (until such a function returns something true), `click` (a real, trusted
click, as the clipboard requires), `type` and `press` (real key events) and `errors` (uncaught script errors and
console errors so far, where the engine reports them).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MINIBROWSER = Path("/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser")
BRIDGE = ROOT / "tools" / "puppeteer" / "bridge.mjs"
FIREFOX = "/usr/bin/firefox-esr"


class EngineMissing(Exception):
    """The engine cannot start on this machine; the message says why and what installs it."""


class Tab:
    def wait(self, source: str, *args, timeout: float = 20.0):
        """Poll `source` (a JavaScript function) until it returns something true; that value."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                value = self.js(source, *args)
            except Exception:  # noqa: BLE001 - a navigation under way (a forwarding page) ends the page's context
                value = None
            if value:
                return value
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out after {timeout} s waiting for {source} {args}")
            time.sleep(0.05)


class PlaywrightTab(Tab):
    def __init__(self, browser):
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self._errors: list[str] = []
        self.page.on("pageerror", lambda error: self._errors.append(str(error)))
        self.page.on("console", lambda m: self._errors.append(m.text) if m.type == "error" else None)

    def goto(self, url):
        self.page.goto(url, wait_until="load")

    def js(self, source, *args):
        return self.page.evaluate(f"({source})(...{json.dumps(args)})")

    def click(self, selector):
        self.page.click(selector)

    def type(self, selector, text):
        self.page.type(selector, text)

    def press(self, key):
        self.page.keyboard.press(key)

    def errors(self):
        found, self._errors[:] = list(self._errors), []
        return found

    def close(self):
        self.context.close()


class SeleniumTab(Tab):
    """WebKitGTK through WebDriver classic: no event stream for script errors, so `errors` is always empty
    (the journeys check the pages' own failure states instead)."""

    KEYS = {"Enter": "\ue007"}

    def __init__(self, driver):
        self.driver = driver

    def goto(self, url):
        self.driver.get(url)

    def js(self, source, *args):
        script = (f"const done = arguments[arguments.length - 1];"
                  f"Promise.resolve(({source})(...{json.dumps(args)}))"
                  f".then(done, (e) => done({{__error: String(e)}}));")
        value = self.driver.execute_async_script(script)
        if isinstance(value, dict) and "__error" in value:
            raise AssertionError(f"script failed in WebKit: {value['__error']}")
        return value

    def click(self, selector):
        self.driver.find_element("css selector", selector).click()

    def type(self, selector, text):
        self.driver.find_element("css selector", selector).send_keys(text)

    def press(self, key):
        self.driver.switch_to.active_element.send_keys(self.KEYS[key])

    def errors(self):
        return []

    def close(self):
        pass


class BridgeTab(Tab):
    """Firefox through tools/puppeteer/bridge.mjs."""

    def __init__(self, process):
        self.process = process
        self.counter = 0

    def call(self, cmd, *args):
        self.counter += 1
        self.process.stdin.write(json.dumps({"id": self.counter, "cmd": cmd, "args": args}) + "\n")
        self.process.stdin.flush()
        answer = json.loads(self.process.stdout.readline() or '{"error": "the Firefox bridge stopped"}')
        if "error" in answer:
            raise AssertionError(f"{cmd} failed in Firefox: {answer['error']}")
        return answer["value"]

    def goto(self, url):
        self.call("goto", url)

    def js(self, source, *args):
        return self.call("js", source, list(args))

    def click(self, selector):
        self.call("click", selector)

    def type(self, selector, text):
        self.call("type", selector, text)

    def press(self, key):
        self.call("press", key)

    def errors(self):
        return self.call("errors")

    def close(self):
        pass


def chromium(stack, browser):
    """The session's Chromium (tests/browser/conftest.py): Playwright's sync API runs once per process."""
    return lambda: PlaywrightTab(browser)


def _display(stack) -> str:
    """A private X display for WebKitGTK (Xvfb picks a free number and says which)."""
    if shutil.which("Xvfb") is None:
        raise EngineMissing("Xvfb mangler (Debians pakke 'xvfb'), som WebKitGTK skal bruge; kør `make engines`.")
    read, write = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
                            pass_fds=(write,), stderr=subprocess.DEVNULL)
    os.close(write)
    stack.callback(xvfb.wait)
    stack.callback(xvfb.terminate)
    with os.fdopen(read) as answer:
        number = answer.readline().strip()
    if not number:
        raise EngineMissing("Xvfb kunne ikke starte en skærm til WebKitGTK.")
    return ":" + number


def webkit(stack):
    if shutil.which("WebKitWebDriver") is None or not MINIBROWSER.exists():
        raise EngineMissing("WebKitGTK mangler (Debians pakke 'webkit2gtk-driver'); kør `make engines`.")
    from selenium import webdriver
    from selenium.webdriver.webkitgtk.options import Options
    from selenium.webdriver.webkitgtk.service import Service

    options = Options()
    options.binary_location = str(MINIBROWSER)
    options.add_argument("--automation")
    service = Service(executable_path=shutil.which("WebKitWebDriver"), env={**os.environ, "DISPLAY": _display(stack)})
    try:
        driver = webdriver.WebKitGTK(options=options, service=service)
    except Exception as error:  # noqa: BLE001 - any failure to start is the reason to skip
        raise EngineMissing(f"WebKitGTK kunne ikke starte: {error}") from error
    stack.callback(driver.quit)
    driver.set_window_size(1280, 900)
    driver.set_script_timeout(30)
    return lambda: SeleniumTab(driver)


def gecko(stack):
    if not Path(FIREFOX).exists():
        raise EngineMissing("Firefox mangler (Debians pakke 'firefox-esr'); kør `make engines`.")
    if not (BRIDGE.parent / "node_modules" / "puppeteer-core").exists() or shutil.which("node") is None:
        raise EngineMissing("puppeteer-core mangler i tools/puppeteer/; kør `make engines`.")
    process = subprocess.Popen(["node", str(BRIDGE)], cwd=BRIDGE.parent, text=True, encoding="utf-8",
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, env={**os.environ, "EV_FIREFOX": FIREFOX})
    stack.callback(process.wait, timeout=30)
    stack.callback(lambda: process.stdin.write('{"id": -1, "cmd": "quit", "args": []}\n') and process.stdin.flush())
    if not process.stdout.readline():
        raise EngineMissing("Firefox kunne ikke starte over WebDriver BiDi (tools/puppeteer/bridge.mjs).")
    tab = BridgeTab(process)
    tab.call("viewport", 1280, 900)
    return lambda: tab


ENGINES = {"chromium": chromium, "webkit": webkit, "gecko": gecko}
