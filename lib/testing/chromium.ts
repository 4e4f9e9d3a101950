/**
 * The system Chromium that the end-to-end suite and bench:ui drive, and the
 * flags both launch it with: headless, no GPU, nothing that phones home.
 * Playwright never downloads a browser here.
 */
export const chromiumPath = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? "/usr/bin/chromium";

export const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
