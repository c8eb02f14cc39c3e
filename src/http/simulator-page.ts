/**
 * The simulator page's markup and styles. Plain HTML and CSS, no external assets (the page must
 * work offline); the behaviour is in simulator-script.ts. Phone threads are built from the template.
 * The page is one screen at every width: the header on top, the phones in a row that scrolls
 * sideways inside its own box, and each thread scrolling inside its phone, like a chat app.
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
<main class="phones-area" aria-label="Phones">
  <div id="phones" class="phones" tabindex="-1"></div>
  <button type="button" id="earlier-phones" class="earlier-phones" aria-controls="phones" hidden><span aria-hidden="true">←</span> Earlier phones</button>
  <button type="button" id="more-phones" class="more-phones" aria-controls="phones" hidden>More phones <span aria-hidden="true">→</span></button>
</main>
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
:root { --ink: #1b1f24; --muted: #4d5560; --line: #c9d0d8; --bot: #e9edf1; --me: #1a56c4; --focus: #c2410c; --warn: #fff4cc; --page: #f4f6f8; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
/* One screen tall at every width (dvh where supported, so a phone's toolbar does not push the page). */
body { margin: 0; font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--page);
  display: flex; flex-direction: column; height: 100vh; height: 100dvh; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip-link { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem; z-index: 3; }
.skip-link:focus { left: .5rem; }
/* Read by screen readers, drawn nowhere: a clipped 1 px box with no padding or border to take room.
   Absolutely positioned things are placed against their nearest positioned ancestor, so .msg and
   .phone are positioned: a hidden word scrolls and is clipped with its thread, and can never sit out
   at its place in a long thread, past the page's edge, making the page taller or wider. */
.visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0; overflow: hidden;
  clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
/* The header is styled the same at every width, so nothing in it moves when the layout changes. */
.banner { flex: none; display: flex; flex-wrap: wrap; gap: .35rem 2rem; align-items: flex-start;
  padding: .6rem 1rem; background: var(--warn); border-bottom: 3px solid #d4a100; }
.banner p { margin: .1rem 0; }
h1 { font-size: 1.1rem; line-height: 1.3; margin: 0; }
.org { display: block; font-weight: normal; font-size: .95rem; color: var(--muted); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.about { min-width: 0; max-width: 100%; }
#clock-now { font-weight: 700; font-variant-numeric: tabular-nums; }
#clock-scale, #next-event { color: var(--muted); font-size: .9rem; }
.skip { display: flex; flex-wrap: wrap; gap: .4rem; margin-top: .25rem; }
button { font: inherit; padding: .3rem .6rem; border: 1px solid #6b7480; border-radius: .5rem; background: #fff; color: var(--ink); cursor: pointer; }
button:hover { background: #eef2f7; }
button:disabled { opacity: .55; cursor: progress; }
input { font: inherit; padding: .3rem .5rem; border: 1px solid #6b7480; border-radius: .5rem; min-width: 0; }
input[aria-invalid="true"] { border-color: #b91c1c; }
.add-phone { display: flex; gap: .4rem; align-items: center; max-width: 100%; }
.add-phone input { flex: 1 1 11rem; width: 11rem; }
.status { flex-basis: 100%; min-height: 1.45em; margin: 0; font-size: .9rem; }
/* The phones take the rest of the window. Five do not fit across, so the row scrolls sideways inside
   its own box (never the page), snapping to a phone; a shade on the edge that hides phones, and a
   button below them, say there are more. The buttons sit in the row's bottom padding, over nothing. */
.phones-area { position: relative; flex: 1; min-height: 16rem; display: flex; }
.phones { flex: 1; min-width: 0; display: flex; gap: 1rem; padding: 1rem 1rem 2.25rem; overflow-x: auto; overflow-y: hidden;
  scroll-snap-type: x proximity; scroll-padding-inline: 1rem; overscroll-behavior-x: contain; }
.phones-area::before, .phones-area::after { content: ""; position: absolute; top: 0; bottom: 0; width: 2.5rem; pointer-events: none;
  opacity: 0; transition: opacity .2s; z-index: 1; }
.phones-area::before { left: 0; background: linear-gradient(to left, transparent, #0000001f); }
.phones-area::after { right: 0; background: linear-gradient(to right, transparent, #0000001f); }
.phones-area.more-before::before, .phones-area.more-after::after { opacity: 1; }
.more-phones, .earlier-phones { position: absolute; bottom: .3rem; z-index: 2; padding: .05rem .6rem; border-radius: 1rem; font-size: .85rem; }
.more-phones { right: 1rem; }
.earlier-phones { left: 1rem; }
/* Positioned, so the visually hidden label of its text box is held (and clipped) inside the row. */
.phone { position: relative; flex: 0 0 19rem; display: flex; flex-direction: column; min-width: 0; min-height: 0; scroll-snap-align: start;
  background: #fff; border: 1px solid var(--line); border-radius: 1.25rem; box-shadow: 0 1px 3px #0001; }
.phone h2 { margin: 0; padding: .6rem .9rem; font-size: 1rem; border-bottom: 1px solid var(--line); overflow-wrap: anywhere; }
.phone .role, .phone .number { display: inline-block; font-size: .8rem; font-weight: normal; color: var(--muted); }
/* The number on a line of its own, so every phone's heading is the same height whatever the name. */
.phone .number { display: block; }
.phone .role { border: 1px solid var(--line); border-radius: 1rem; padding: 0 .45rem; }
.thread { flex: 1; min-height: 0; overflow-y: auto; overscroll-behavior-y: contain; list-style: none; margin: 0; padding: .75rem;
  display: flex; flex-direction: column; gap: .5rem; }
.thread:empty::before { content: "No texts yet."; color: var(--muted); font-size: .9rem; }
.msg { position: relative; max-width: 88%; padding: .45rem .7rem; border-radius: 1rem; }
.msg p { margin: 0; }
.msg .body { white-space: pre-wrap; overflow-wrap: anywhere; }
.msg .meta { font-size: .75rem; color: var(--muted); margin-top: .2rem; }
.msg.out { align-self: flex-start; background: var(--bot); border-bottom-left-radius: .3rem; }
.msg.in { align-self: flex-end; background: var(--me); color: #fff; border-bottom-right-radius: .3rem; }
.msg.in .meta { color: #e3ebff; }
.compose { display: flex; gap: .4rem; padding: .6rem; border-top: 1px solid var(--line); }
.compose input { flex: 1; }
/* On a phone-sized screen one phone fills the width, with the edge of the next showing, and a swipe
   moves a whole phone. Only the phones change: the header keeps its place and its look. */
@media (max-width: 40rem) {
  .phones { gap: .75rem; padding: .75rem .75rem 2.25rem; scroll-snap-type: x mandatory; scroll-padding-inline: .75rem; }
  .phone { flex: 0 0 calc(100% - 1.75rem); }
}
`;
