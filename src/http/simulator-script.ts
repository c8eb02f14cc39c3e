/**
 * The simulator page's behaviour, served as /simulator/app.js. Plain DOM, no framework, no
 * dependencies; texts are added with textContent only, never as HTML. Kept as a string (String.raw,
 * so regular expressions keep their backslashes) because the build only compiles TypeScript.
 */
export const simulatorScript = String.raw`'use strict';
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var phonesEl = $('phones');
  var moreButton = $('more-phones');
  var earlierButton = $('earlier-phones');
  var threads = new Map();
  var shown = new Set();
  var clock = null;
  var busy = false;
  var roles = { worker: 'worker', manager: 'manager', admin: 'admin', analyst: 'analyst', 'service-user': 'service-user', unknown: 'unknown number' };

  async function api(path, body) {
    var init = body === undefined ? { cache: 'no-store' } : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
    var response = await fetch('/simulator/api/' + path, init);
    var data = await response.json().catch(function () { return {}; });
    if (!response.ok) throw new Error(data.problems ? data.problems.join(' ') : data.error || 'the server answered ' + response.status);
    return data;
  }

  function say(text) { $('status').textContent = text; }

  // UK numbers as people write them (07700 900123); anything else as it is.
  function localNumber(e164) { return /^\+447\d{9}$/.test(e164) ? '0' + e164.slice(3, 7) + ' ' + e164.slice(7) : e164; }

  function when(iso, withYear) {
    return new Date(iso).toLocaleString('en-GB', {
      timeZone: clock ? clock.timezone : undefined, weekday: 'short', day: 'numeric', month: 'short',
      year: withYear ? 'numeric' : undefined, hour: '2-digit', minute: '2-digit',
    });
  }

  // The thread for a number, made on first sight; relabelled when, say, an unknown number is enrolled.
  function thread(phone) {
    var entry = threads.get(phone.phone);
    if (!entry) {
      var section = $('phone-template').content.firstElementChild.cloneNode(true);
      var key = 'phone-' + phone.phone.replace(/\D/g, '');
      var input = section.querySelector('input');
      section.querySelector('h2').id = key + '-name';
      section.setAttribute('aria-labelledby', key + '-name');
      section.dataset.phone = phone.phone;
      input.id = key + '-text';
      section.querySelector('label').htmlFor = input.id;
      section.querySelector('.number').textContent = localNumber(phone.phone);
      phonesEl.append(section);
      entry = { section: section, list: section.querySelector('.thread'), label: null };
      threads.set(phone.phone, entry);
      showScrollCue();
    }
    if (entry.label !== phone.label) {
      entry.label = phone.label;
      entry.section.querySelector('.label').textContent = phone.label;
      entry.section.querySelector('.role').textContent = roles[phone.role] || phone.role;
      entry.section.querySelector('label').textContent = 'Text from ' + phone.label;
      entry.section.querySelector('input').placeholder = 'Text as ' + phone.label + '…';
      entry.list.setAttribute('aria-label', 'Texts on the phone of ' + phone.label);
    }
    return entry;
  }

  function addText(message, phone) {
    if (shown.has(message.id)) return;
    shown.add(message.id);
    var isNew = !threads.has(message.phone);
    var entry = phone ? thread(phone) : threads.get(message.phone) || thread({ phone: message.phone, label: 'Unknown number', role: 'unknown' });
    var item = document.createElement('li');
    item.className = 'msg ' + message.direction;
    item.dataset.at = message.at;
    var who = document.createElement('span');
    who.className = 'visually-hidden';
    who.textContent = message.direction === 'in' ? 'Sent: ' : 'From promptly: ';
    var body = document.createElement('p');
    body.className = 'body';
    body.append(who, message.body);
    var meta = document.createElement('p');
    meta.className = 'meta';
    meta.textContent = when(message.at) + ' · ' + message.segments + ' SMS';
    meta.title = message.encoding + ' encoding, ' + message.body.length + ' characters';
    item.append(body, meta);
    // In time order, even when a live text arrives before the history it follows has loaded.
    var after = entry.list.lastElementChild;
    while (after && after.dataset.at > message.at) after = after.previousElementSibling;
    entry.list.insertBefore(item, after ? after.nextSibling : entry.list.firstChild);
    entry.list.scrollTop = entry.list.scrollHeight;
    if (isNew && phone) say('New phone: ' + phone.label + ', ' + localNumber(phone.phone) + '.');
  }

  // The phones scroll sideways in their own box: shade the edge that hides phones, and offer buttons
  // for visitors with no sideways scroll (a mouse wheel, a keyboard).
  function showScrollCue() {
    var before = phonesEl.scrollLeft > 1;
    var after = phonesEl.scrollLeft + phonesEl.clientWidth < phonesEl.scrollWidth - 1;
    phonesEl.parentElement.classList.toggle('more-before', before);
    phonesEl.parentElement.classList.toggle('more-after', after);
    earlierButton.hidden = !before;
    moreButton.hidden = !after;
  }

  // One phone along; snapping then settles on the phone's edge.
  function scrollPhones(direction) {
    var phone = phonesEl.querySelector('.phone');
    var step = phone ? phone.getBoundingClientRect().width : phonesEl.clientWidth * 0.8;
    phonesEl.scrollBy({ left: direction * step, behavior: 'smooth' });
  }

  function showClock(state) {
    clock = { timezone: state.timezone, scale: state.scale, base: Date.parse(state.now), since: performance.now() };
    var week = state.scale > 1 ? ', a week in ' + Math.round(10080 / state.scale * 10) / 10 + ' minutes' : '';
    $('clock-scale').textContent = state.scale > 1 ? '(' + state.scale + '× real time' + week + ')' : '(real time)';
    $('next-event').textContent = state.next ? 'Next scheduled: ' + state.next.what + ', ' + when(state.next.at, true) + '.' : 'Nothing scheduled.';
    document.querySelectorAll('[data-skip]').forEach(function (button) { button.disabled = !state.skippable; });
    tick();
  }

  function tick() {
    if (!clock) return;
    var now = new Date(clock.base + (performance.now() - clock.since) * clock.scale).toISOString();
    $('clock-now').textContent = when(now, true);
    $('clock-now').dateTime = now;
  }

  var refreshTimer = null;
  function refreshClockSoon() {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(function () { api('clock').then(showClock, function () {}); }, 400);
  }

  async function load() {
    try {
      var state = await api('state');
      showClock(state.clock);
      state.phones.forEach(thread);
      state.messages.forEach(function (message) { addText(message); });
    } catch (error) {
      say('Cannot reach the demo server: ' + error.message);
    }
  }

  function listen() {
    if (!window.EventSource) {
      load();
      setInterval(load, 2000);
      return;
    }
    var source = new EventSource('/simulator/api/events');
    var lost = false;
    // On the first connection and after every reconnect: catch up on what was missed.
    source.addEventListener('open', function () {
      if (lost) say('Reconnected to the demo server.');
      lost = false;
      load();
    });
    source.addEventListener('error', function () {
      if (!lost) say('Lost the connection to the demo server; trying again…');
      lost = true;
    });
    source.addEventListener('text', function (event) {
      var data = JSON.parse(event.data);
      addText(data.message, data.phone);
      refreshClockSoon();
    });
    source.addEventListener('clock', function (event) { showClock(JSON.parse(event.data)); });
  }

  phonesEl.addEventListener('submit', async function (event) {
    event.preventDefault();
    var form = event.target;
    var input = form.querySelector('input');
    if (!input.value.trim()) return;
    try {
      await api('messages', { from: form.closest('.phone').dataset.phone, body: input.value });
      input.value = '';
      input.removeAttribute('aria-invalid');
    } catch (error) {
      input.setAttribute('aria-invalid', 'true');
      say('Not sent: ' + error.message);
    }
  });

  $('add-phone').addEventListener('submit', async function (event) {
    event.preventDefault();
    var input = $('add-phone-number');
    try {
      var phone = await api('phones', { phone: input.value });
      var entry = thread(phone);
      input.value = '';
      input.removeAttribute('aria-invalid');
      say('Added a phone: ' + phone.label + ', ' + localNumber(phone.phone) + '.');
      entry.section.querySelector('input').focus();
    } catch (error) {
      input.setAttribute('aria-invalid', 'true');
      say(error.message);
    }
  });

  // Buttons stay enabled while a skip runs (disabling would drop keyboard focus); clicks wait instead.
  document.querySelectorAll('[data-skip]').forEach(function (button) {
    button.addEventListener('click', async function () {
      if (busy) return;
      busy = true;
      button.setAttribute('aria-busy', 'true');
      say('Skipping ahead…');
      try {
        var state = await api('skip', { to: button.dataset.skip });
        showClock(state);
        say('Skipped ahead: the demo clock now reads ' + when(state.now, true) + '.');
        // Jobs that fell due run in the next second or two and schedule what comes after them.
        setTimeout(refreshClockSoon, 1500);
        setTimeout(refreshClockSoon, 4000);
      } catch (error) {
        say('Could not skip ahead: ' + error.message);
      } finally {
        busy = false;
        button.removeAttribute('aria-busy');
      }
    });
  });

  phonesEl.addEventListener('scroll', showScrollCue, { passive: true });
  window.addEventListener('resize', showScrollCue);
  moreButton.addEventListener('click', function () { scrollPhones(1); });
  earlierButton.addEventListener('click', function () { scrollPhones(-1); });

  setInterval(tick, 250);
  setInterval(function () { api('clock').then(showClock, function () {}); }, 10000);
  listen();
})();
`;
