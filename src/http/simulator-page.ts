/**
 * The simulator page's markup and styles. Plain HTML and CSS, no external assets (the page must
 * work offline); the behaviour is in simulator-script.ts. Phone threads are built from the template.
 */
export function simulatorPage(orgName: string): string {
  const org = escapeHtml(orgName);
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Phone simulator · ${org} · promptly</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/simulator/app.css">
<script src="/simulator/app.js" defer></script>
</head>
<body>
<a class="skip-link" href="#phones">Skip to the phones</a>
<header class="banner">
  <div class="about">
    <h1>promptly phone simulator <span class="org">${org}</span></h1>
    <p class="note"><strong>This is a simulation.</strong> No real text messages are sent: every phone here is pretend.</p>
  </div>
  <div class="clock">
    <p>Demo clock: <time id="clock-now">loading…</time> <span id="clock-scale"></span></p>
    <p id="next-event">Next scheduled: …</p>
    <div class="skip" role="group" aria-label="Skip ahead">
      <button type="button" data-skip="next">Skip to next event</button>
      <button type="button" data-skip="day">+1 day</button>
      <button type="button" data-skip="week">+1 week</button>
    </div>
  </div>
  <form id="add-phone" class="add-phone">
    <label for="add-phone-number">Add a phone</label>
    <input id="add-phone-number" name="phone" inputmode="tel" autocomplete="off" placeholder="07700 900456" required>
    <button type="submit">Add</button>
  </form>
  <p id="status" class="status" role="status" aria-live="polite"></p>
</header>
<main id="phones" class="phones" tabindex="-1" aria-label="Phones"></main>
<template id="phone-template">
  <section class="phone">
    <h2><span class="label"></span> <span class="role"></span> <span class="number"></span></h2>
    <ol class="thread" role="log" aria-live="polite" tabindex="0"></ol>
    <form class="compose">
      <label class="visually-hidden"></label>
      <input name="body" maxlength="1600" autocomplete="off" required>
      <button type="submit">Send</button>
    </form>
  </section>
</template>
<noscript><p class="status">The simulator needs JavaScript to show the phones.</p></noscript>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

export const simulatorStyles = `
:root { --ink: #1b1f24; --muted: #4d5560; --line: #c9d0d8; --bot: #e9edf1; --me: #1a56c4; --focus: #c2410c; --warn: #fff4cc; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #f4f6f8;
  display: flex; flex-direction: column; height: 100vh; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip-link { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem; z-index: 2; }
.skip-link:focus { left: .5rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.banner { flex: none; display: flex; flex-wrap: wrap; gap: .5rem 2rem; align-items: flex-start;
  padding: .75rem 1rem; background: var(--warn); border-bottom: 3px solid #d4a100; }
.banner p { margin: .15rem 0; }
h1 { font-size: 1.15rem; margin: 0; }
.org { font-weight: normal; color: var(--muted); }
#clock-now { font-weight: 700; font-variant-numeric: tabular-nums; }
#clock-scale, #next-event { color: var(--muted); font-size: .9rem; }
.skip { display: flex; flex-wrap: wrap; gap: .4rem; margin-top: .3rem; }
button { font: inherit; padding: .35rem .8rem; border: 1px solid #6b7480; border-radius: .5rem; background: #fff; color: var(--ink); cursor: pointer; }
button:hover { background: #eef2f7; }
button:disabled { opacity: .55; cursor: progress; }
input { font: inherit; padding: .35rem .5rem; border: 1px solid #6b7480; border-radius: .5rem; min-width: 0; }
input[aria-invalid="true"] { border-color: #b91c1c; }
.add-phone { display: flex; flex-wrap: wrap; gap: .4rem; align-items: center; }
.status { flex-basis: 100%; min-height: 1.45em; margin: 0; font-size: .9rem; }
/* The phones fill the rest of the window and each thread scrolls inside its phone, like a chat app. */
.phones { flex: 1; min-height: 20rem; display: flex; gap: 1rem; padding: 1rem; overflow-x: auto; }
.phone { flex: 0 0 19rem; display: flex; flex-direction: column; min-height: 0;
  background: #fff; border: 1px solid var(--line); border-radius: 1.25rem; box-shadow: 0 1px 3px #0001; }
.phone h2 { margin: 0; padding: .6rem .9rem; font-size: 1rem; border-bottom: 1px solid var(--line); }
.phone .role, .phone .number { display: inline-block; font-size: .8rem; font-weight: normal; color: var(--muted); }
.phone .role { border: 1px solid var(--line); border-radius: 1rem; padding: 0 .45rem; }
.thread { flex: 1; min-height: 0; overflow-y: auto; list-style: none; margin: 0; padding: .75rem; display: flex; flex-direction: column; gap: .5rem; }
.thread:empty::before { content: "No texts yet."; color: var(--muted); font-size: .9rem; }
.msg { max-width: 88%; padding: .45rem .7rem; border-radius: 1rem; }
.msg p { margin: 0; }
.msg .body { white-space: pre-wrap; overflow-wrap: anywhere; }
.msg .meta { font-size: .75rem; color: var(--muted); margin-top: .2rem; }
.msg.out { align-self: flex-start; background: var(--bot); border-bottom-left-radius: .3rem; }
.msg.in { align-self: flex-end; background: var(--me); color: #fff; border-bottom-right-radius: .3rem; }
.msg.in .meta { color: #e3ebff; }
.compose { display: flex; gap: .4rem; padding: .6rem; border-top: 1px solid var(--line); }
.compose input { flex: 1; }
@media (max-width: 40rem) {
  body { height: auto; }
  .banner { padding: .5rem .75rem; }
  h1 { font-size: 1rem; }
  .phones { flex-direction: column; overflow-x: visible; padding: .75rem; }
  .phone { flex: none; width: 100%; height: 28rem; }
}
`;
