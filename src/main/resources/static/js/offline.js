// Carryover on a phone without a connection.
//
// Forms marked data-offline (Done, a late log, a worksheet, looking back, a questionnaire) are kept in
// this phone's IndexedDB when there is no connection, each with the id the page made for it, and sent
// when the connection returns: by the same form address the page uses, with that id, so a sending
// repeated after a lost answer never counts twice. An entry leaves the queue only when the server has
// taken it. One the server refuses (say, a practice closed meanwhile) stays, marked, with the server's
// reason, until the client sends it again, changes it or removes it. Entries belong to the account that
// made them and wait, whoever is signed in, until that account signs in again.
//
// Words shown come from the page (the data-* attributes of #offline-panel), never from this file.
(function () {
  'use strict';

  var DB_NAME = 'carryover-offline';
  // Version 1: one store "queue", keyed by id. A later version adds stores in onupgradeneeded and keeps this one.
  var DB_VERSION = 1;
  var QUEUE = 'queue';
  var PAGES_CACHE = 'carryover-pages';
  var CLIENT_PAGES = /^\/(today|week|history|today\/assignments\/[0-9a-f-]{36}\/(worksheet|reflection)|today\/measures\/[A-Za-z0-9_-]+)$/;
  var KEEP_FOR_MS = 12 * 60 * 60 * 1000;

  // ---- the queue

  function openDb() {
    return new Promise(function (resolve, reject) {
      var request = indexedDB.open(DB_NAME, DB_VERSION);
      request.onupgradeneeded = function () {
        if (!request.result.objectStoreNames.contains(QUEUE)) {
          request.result.createObjectStore(QUEUE, {keyPath: 'id'});
        }
      };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }

  function withStore(mode, work) {
    return openDb().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(QUEUE, mode);
        var result = work(tx.objectStore(QUEUE));
        tx.oncomplete = function () { db.close(); resolve(result && 'result' in result ? result.result : result); };
        tx.onerror = function () { db.close(); reject(tx.error); };
      });
    });
  }

  function allItems() {
    return withStore('readonly', function (store) { return store.getAll(); }).then(function (items) {
      return items.sort(function (a, b) { return a.madeAt < b.madeAt ? -1 : a.madeAt > b.madeAt ? 1 : 0; });
    });
  }

  function putItem(item) {
    return withStore('readwrite', function (store) { store.put(item); });
  }

  function removeItem(id) {
    return withStore('readwrite', function (store) { store['delete'](id); });
  }

  // ---- the page

  // No connection: the browser says so, or this page is the phone's copy (the service worker marks it) and
  // nothing has reached the server since; or a sending just failed for want of one.
  var noConnection = document.documentElement.hasAttribute('data-carryover-copy');

  function offline() {
    return navigator.onLine === false || noConnection;
  }

  function connectionBack() {
    noConnection = false;
    showConnection();
    sendAll();
  }

  // From the phone's copy, a quiet look every 20 seconds whether the server answers again.
  function listenForTheServer() {
    if (!noConnection) {
      return;
    }
    var look = function () {
      if (!noConnection) {
        return;
      }
      fetch('/offline', {method: 'HEAD', cache: 'no-store'}).then(function (response) {
        if (response.ok) {
          connectionBack();
        } else {
          setTimeout(look, 20000);
        }
      }, function () {
        setTimeout(look, 20000);
      });
    };
    setTimeout(look, 20000);
  }

  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.content : null;
  }

  function account() {
    return meta('carryover-account');
  }

  function panel() {
    return document.getElementById('offline-panel');
  }

  function words(name, values) {
    var holder = panel();
    var text = holder ? holder.getAttribute('data-' + name) || '' : '';
    Object.keys(values || {}).forEach(function (key) {
      text = text.split('{' + key + '}').join(values[key]);
    });
    return text;
  }

  function say(text) {
    var status = document.getElementById('offline-status');
    if (status) {
      status.textContent = text;
      status.hidden = !text;
    }
  }

  function newId() {
    if (window.crypto && crypto.randomUUID) {
      return crypto.randomUUID();
    }
    // version-4 form from crypto.getRandomValues where randomUUID is missing (older browsers)
    var bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
    return hex.slice(0, 8) + '-' + hex.slice(8, 12) + '-' + hex.slice(12, 16) + '-' + hex.slice(16, 20) + '-' + hex.slice(20);
  }

  /** The page's language for dates ("Monday 7 December, 21:41" in English, as the server writes them). */
  function language() {
    var lang = document.documentElement.lang || 'en';
    return lang === 'en' ? 'en-GB' : lang;
  }

  function pad(n) {
    return (n < 10 ? '0' : '') + n;
  }

  /** The day and time now where the client lives (the form's data-offline-zone), as the form's fields take them. */
  function nowWhere(zone) {
    try {
      var parts = {};
      new Intl.DateTimeFormat('en-CA', {timeZone: zone || undefined, year: 'numeric', month: '2-digit', day: '2-digit',
        hour: '2-digit', minute: '2-digit', hourCycle: 'h23'}).formatToParts(new Date()).forEach(function (p) {
        parts[p.type] = p.value;
      });
      return {day: parts.year + '-' + parts.month + '-' + parts.day, time: parts.hour + ':' + parts.minute};
    } catch (unknownZone) {
      var now = new Date();
      return {day: now.getFullYear() + '-' + pad(now.getMonth() + 1) + '-' + pad(now.getDate()),
        time: pad(now.getHours()) + ':' + pad(now.getMinutes())};
    }
  }

  // A page may come from this phone's copy, made earlier: its submission ids could have been used already.
  // Each shown page gets fresh ones, made here, so every tap is a new entry and a retry of one tap is not.
  function freshSubmissionIds() {
    document.querySelectorAll('form[data-offline] input[name="submissionId"]').forEach(function (input) {
      input.value = newId();
    });
  }

  // ---- keeping a form offline

  function keepOffline(form, submitter) {
    var data = new FormData(form, submitter || undefined);
    var fields = [];
    data.forEach(function (value, name) {
      if (typeof value === 'string' && name !== '_csrf') {
        fields.push([name, value]);
      }
    });
    var kind = form.getAttribute('data-offline');
    var idField = form.querySelector('input[name="submissionId"]');
    var now = new Date();
    if (kind === 'log' || kind === 'worksheet') {
      // The moment of practice is when it was logged here, not when it reaches the server.
      var daySelect = form.querySelector('select[name="day"]');
      // a worksheet offers today first; the late log offers only earlier days
      var today = !daySelect || (kind === 'worksheet' && daySelect.selectedIndex <= 0);
      var time = fields.filter(function (f) { return f[0] === 'time' && f[1]; }).map(function (f) { return f[1]; })[0];
      if (today) {
        var here = nowWhere(form.getAttribute('data-offline-zone'));
        fields = fields.filter(function (f) { return f[0] !== 'day' && f[0] !== 'time'; });
        fields.push(['day', here.day]);
        fields.push(['time', time || here.time]);
      } else if (!time) {
        fields = fields.filter(function (f) { return f[0] !== 'time'; });
      }
    }
    var item = {
      id: idField ? idField.value : kind + ':' + form.getAttribute('action'),
      account: account(),
      url: form.getAttribute('action'),
      fields: fields,
      kind: kind,
      title: form.getAttribute('data-offline-title') || document.title,
      madeAt: now.toISOString(),
      state: 'waiting',
      problem: null
    };
    return putItem(item).then(function () {
      if (idField) {
        idField.value = newId();
      }
      if (form.hasAttribute('data-draft-url')) {
        // sent with the entry; carryover.js must not send it again as a draft when the page is left
        form.removeAttribute('data-dirty');
      }
      form.setAttribute('data-kept', 'true');
      return item;
    });
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (form.matches('form[action$="/signout"]')) {
      // What this phone kept of the client's pages goes with the session; their unsent entries stay.
      event.preventDefault();
      forgetPages().then(function () { form.submit(); }, function () { form.submit(); });
      return;
    }
    if (!offline() || !panel()) {
      return; // online, or a page that is not the client's: the browser says what it says
    }
    event.preventDefault();
    if (!form.hasAttribute('data-offline') || !account()) {
      say(words('needs-connection'));
      return;
    }
    keepOffline(form, event.submitter).then(function (item) {
      var kept = document.getElementById('offline-status');
      render().then(function () {
        say(words('kept', {title: item.title}));
        if (kept) {
          kept.focus();
        }
      });
      if (form.getAttribute('data-offline') === 'worksheet' || form.getAttribute('data-offline') === 'reflection'
          || form.getAttribute('data-offline') === 'measure') {
        form.reset();
      }
    }, function () {
      say(words('not-kept'));
    });
  }, true);

  // ---- sending

  var sending = false;

  function sendAll() {
    if (sending || offline() || !account()) {
      return Promise.resolve(0);
    }
    sending = true;
    var run = function () {
      return allItems().then(function (items) {
        var mine = items.filter(function (i) { return i.account === account() && i.state === 'waiting'; });
        return mine.length === 0 ? -1 : sendEach(mine, 0, 0);
      });
    };
    var locked = navigator.locks ? navigator.locks.request('carryover-sending', run) : run();
    return locked.then(function (sent) {
      sending = false;
      if (sent === -1) {
        return 0; // nothing waited: the panel stays as drawn
      }
      return render().then(function () {
        if (sent > 0) {
          say(words('sent', {count: sent}));
          if (/^\/(today|week|history)$/.test(location.pathname)) {
            // the counts on this page are from before: show the ones with what was just sent
            sessionStorage.setItem('carryover-sent', String(sent));
            sendingReloads = true;
            location.reload();
          }
        }
        showCrisis();
        return sent;
      });
    }, function () {
      sending = false;
      return render().then(function () { return 0; });
    });
  }

  function sendEach(items, index, sent) {
    if (index >= items.length) {
      return Promise.resolve(sent);
    }
    var item = items[index];
    var body = new URLSearchParams();
    item.fields.forEach(function (f) { body.append(f[0], f[1]); });
    body.set('_csrf', meta('csrf-token') || '');
    return fetch(item.url, {method: 'POST', body: body, credentials: 'same-origin', redirect: 'follow'})
        .then(function (response) {
          return response.text().then(function (html) { return outcome(response, html); });
        })
        .then(function (result) {
          if (result.kind === 'sent') {
            if (result.crisis) {
              sessionStorage.setItem('carryover-crisis', result.crisis);
            }
            return removeItem(item.id).then(function () { return sendEach(items, index + 1, sent + 1); });
          }
          if (result.kind === 'refused') {
            item.state = 'failed';
            item.problem = result.reason;
            return putItem(item).then(function () { return sendEach(items, index + 1, sent); });
          }
          if (result.kind === 'signin') {
            signInNeeded = true;
          }
          // no session, or the server busy: everything waits for the next try
          return sent;
        }, function () {
          noConnection = true; // no connection after all
          showConnection();
          listenForTheServer();
          return sent;
        });
  }

  var signInNeeded = false;

  /** What the server's answer to a form means for the queued entry. */
  function outcome(response, html) {
    var landed = new URL(response.url || location.href, location.href);
    if (landed.pathname.indexOf('/signin') === 0 || response.status === 401 || response.status === 403) {
      return {kind: 'signin'};
    }
    if (response.status >= 500 || response.status === 429) {
      return {kind: 'later'};
    }
    var doc = new DOMParser().parseFromString(html, 'text/html');
    var problems = Array.prototype.map.call(doc.querySelectorAll('main .error-summary li, main .field-error'),
        function (e) { return e.textContent.trim(); }).filter(function (t) { return t; });
    if (response.ok && problems.length === 0) {
      // a questionnaire answer that calls for help: the crisis contacts the server shows with it
      var crisis = doc.querySelector('main .crisis');
      return {kind: 'sent', crisis: crisis ? crisis.outerHTML : null};
    }
    if (problems.length === 0) {
      // an error page: its sentence ("This practice is completed; it no longer takes entries."), else its heading
      var line = doc.querySelector('main h1 + p') || doc.querySelector('main h1');
      problems = [line ? line.textContent.trim() : String(response.status)];
    }
    return {kind: 'refused', reason: problems.filter(function (p, i) { return problems.indexOf(p) === i; }).join(' ')};
  }

  // ---- showing what waits

  function render() {
    var holder = panel();
    if (!holder || !window.indexedDB) {
      return Promise.resolve();
    }
    return allItems().then(function (items) {
      var me = account();
      var list = holder.querySelector('[data-part="list"]');
      var template = document.getElementById('offline-item');
      list.textContent = '';
      var mine = me ? items.filter(function (i) { return i.account === me; }) : [];
      var others = items.length - mine.length;
      mine.forEach(function (item) {
        var row = template.content.firstElementChild.cloneNode(true);
        row.setAttribute('data-id', item.id);
        row.classList.toggle('failed', item.state === 'failed');
        row.querySelector('.offline-title').textContent = item.title;
        row.querySelector('.offline-kind').textContent = words('kind-' + item.kind);
        row.querySelector('.offline-when').textContent = new Date(item.madeAt).toLocaleString(language(), {
          weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', hourCycle: 'h23'});
        row.querySelector('.offline-state').textContent = item.state === 'failed' ? words('state-failed') : words('state-waiting');
        var problem = row.querySelector('.offline-problem');
        problem.textContent = item.problem || '';
        problem.hidden = !item.problem;
        var hint = row.querySelector('.offline-hint');
        hint.textContent = item.state === 'failed' ? words('failed-hint') : '';
        hint.hidden = item.state !== 'failed';
        var open = row.querySelector('[data-action="open"]');
        var page = pageOf(item);
        if (page && item.state === 'failed') {
          open.href = page + '#offline-' + encodeURIComponent(item.id);
          open.setAttribute('aria-label', words('open-label', {title: item.title}));
        } else {
          open.remove();
        }
        row.querySelector('[data-action="retry"]').hidden = item.state !== 'failed';
        row.querySelector('[data-action="retry"]').setAttribute('aria-label', words('retry-label', {title: item.title}));
        row.querySelector('[data-action="remove"]').setAttribute('aria-label', words('remove-label', {title: item.title}));
        list.appendChild(row);
      });
      var failed = mine.filter(function (i) { return i.state === 'failed'; }).length;
      holder.querySelector('[data-part="summary"]').textContent = mine.length === 0 ? ''
          : words(failed > 0 ? 'summary-failed' : 'summary', {count: mine.length, failed: failed});
      var details = holder.querySelector('[data-part="details"]');
      details.hidden = mine.length === 0;
      if (failed > 0) {
        details.open = true; // what was not accepted is shown, not folded away
      }
      var signIn = holder.querySelector('[data-part="signin"]');
      signIn.hidden = !(signInNeeded && mine.length > 0) && !(others > 0 && !me);
      signIn.textContent = !me ? words('signed-out', {count: others}) : words('sign-in-again');
      holder.hidden = mine.length === 0 && signIn.hidden;
    });
  }

  /** The page an entry was made on, to change it there: a worksheet, looking back, a questionnaire. */
  function pageOf(item) {
    if (item.kind === 'worksheet' || item.kind === 'reflection' || item.kind === 'measure') {
      return item.url;
    }
    return null;
  }

  document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('#offline-panel [data-action]');
    if (!button || button.getAttribute('data-action') === 'open') {
      return;
    }
    var id = button.closest('[data-id]').getAttribute('data-id');
    if (button.getAttribute('data-action') === 'remove') {
      if (window.confirm(words('remove-confirm'))) {
        removeItem(id).then(render).then(function () { say(words('removed')); });
      }
    } else {
      allItems().then(function (items) {
        var item = items.filter(function (i) { return i.id === id; })[0];
        if (item) {
          item.state = 'waiting';
          item.problem = null;
          return putItem(item).then(sendAll);
        }
      });
    }
  });

  // A refused entry opened on its page: its answers filled in, to change and send from there.
  function fillFromQueue() {
    var match = /^#offline-(.+)$/.exec(location.hash);
    if (!match) {
      return;
    }
    var id = decodeURIComponent(match[1]);
    allItems().then(function (items) {
      var item = items.filter(function (i) { return i.id === id && i.account === account(); })[0];
      var form = item && document.querySelector('form[data-offline][action="' + item.url + '"]');
      if (!form) {
        return;
      }
      item.fields.forEach(function (f) {
        form.querySelectorAll('[name="' + CSS.escape(f[0]) + '"]').forEach(function (field) {
          if (field.type === 'radio' || field.type === 'checkbox') {
            if (field.value === f[1]) {
              field.checked = true;
            }
          } else if (field.name !== 'submissionId') {
            field.value = f[1];
          }
        });
      });
      var idField = form.querySelector('input[name="submissionId"]');
      if (idField) {
        idField.value = item.id;
      }
      form.setAttribute('data-from-queue', item.id);
      say(words('filled', {title: item.title}));
    });
  }

  // Sent from its page (online), a refused entry leaves the queue: the page now shows what happens to it.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (form.hasAttribute && form.hasAttribute('data-from-queue') && !offline()) {
      removeItem(form.getAttribute('data-from-queue'));
    }
  });

  // ---- the offline banner, and keeping the client's pages

  function showConnection() {
    var banner = document.getElementById('offline-banner');
    if (banner) {
      banner.hidden = !offline();
    }
  }

  function forgetPages() {
    return window.caches ? caches['delete'](PAGES_CACHE) : Promise.resolve();
  }

  /** Keeps Week, History and every worksheet linked from this page, so they open offline too. */
  function keepLinkedPages() {
    if (!window.caches || !account() || offline()) {
      return;
    }
    var seen = {};
    var paths = Array.prototype.map.call(document.querySelectorAll('main a[href]'), function (a) {
      return new URL(a.href, location.href);
    }).filter(function (url) {
      var fresh = url.origin === location.origin && CLIENT_PAGES.test(url.pathname) && !seen[url.pathname + url.search];
      seen[url.pathname + url.search] = true;
      return fresh;
    }).slice(0, 20);
    caches.open(PAGES_CACHE).then(function (cache) {
      paths.forEach(function (url) {
        var key = url.pathname + url.search;
        cache.match(key).then(function (kept) {
          var keptAt = kept && Date.parse(kept.headers.get('date'));
          if (kept && keptAt && Date.now() - keptAt < KEEP_FOR_MS) {
            return;
          }
          return fetch(key, {credentials: 'same-origin'}).then(function (response) {
            if (response.ok && !response.redirected) {
              return cache.put(key, response);
            }
          });
        })['catch'](function () { /* no connection: kept next time */ });
      });
    });
  }

  // A different person signed in on this phone: the last one's pages go.
  function forgetOtherPeoplesPages() {
    var me = account();
    if (!me || !window.localStorage) {
      return Promise.resolve();
    }
    var last = localStorage.getItem('carryover-account');
    localStorage.setItem('carryover-account', me);
    return last && last !== me ? forgetPages() : Promise.resolve();
  }

  /** The crisis contacts that came back with a questionnaire sent from this phone, shown at the top of the page. */
  function showCrisis() {
    var html = sessionStorage.getItem('carryover-crisis');
    var main = document.getElementById('main');
    if (!html || !main || sendingReloads) {
      return;
    }
    sessionStorage.removeItem('carryover-crisis');
    var node = new DOMParser().parseFromString(html, 'text/html').body.firstElementChild;
    if (node) {
      node.setAttribute('tabindex', '-1');
      main.insertBefore(document.importNode(node, true), main.firstChild);
      main.firstChild.focus();
    }
  }

  var sendingReloads = false;

  function start() {
    var justSent = sessionStorage.getItem('carryover-sent');
    if (justSent) {
      sessionStorage.removeItem('carryover-sent');
      say(words('sent', {count: justSent}));
    }
    freshSubmissionIds();
    showConnection();
    showCrisis();
    forgetOtherPeoplesPages().then(function () {
      if ('serviceWorker' in navigator) {
        navigator.serviceWorker.register('/sw.js', {scope: '/'})['catch'](function () { /* works as a web page */ });
      }
      keepLinkedPages();
    });
    if (!window.indexedDB) {
      return;
    }
    render().then(sendAll);
    fillFromQueue();
    listenForTheServer();
  }

  window.addEventListener('online', function () {
    say('');
    connectionBack();
  });
  window.addEventListener('offline', showConnection);
  window.addEventListener('pageshow', function (event) {
    if (event.persisted) {
      freshSubmissionIds();
      showConnection();
      render();
    }
  });
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }

  // for tests and the benchmark: what waits on this phone, and a way to send it now
  window.carryoverOffline = {items: allItems, send: sendAll};
})();
