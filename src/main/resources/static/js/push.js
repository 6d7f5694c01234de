// Phone notifications on the reminder settings page (reminders.PushPages): shows whether this phone has them
// on, and turns them on (asks the browser's permission, subscribes with the server's VAPID key, sends the
// subscription) or off (unsubscribes here and tells the server). The words come from the card's data-w-*
// attributes, in the page's language. The service worker (/sw.js) shows what arrives.
(function () {
  'use strict';
  var card = document.getElementById('push');
  if (!card) {
    return;
  }
  var status = card.querySelector('.push-status');
  var onButton = card.querySelector('.push-on');
  var offButton = card.querySelector('.push-off');
  var NOTICE = 'carryover-push-notice';

  function words(name, detail) {
    var text = card.getAttribute('data-w-' + name) || '';
    return text.replace('{0}', detail || '');
  }

  function say(text) {
    status.textContent = text;
  }

  function show(on) {
    onButton.hidden = on;
    offButton.hidden = !on;
  }

  function csrf() {
    var header = document.querySelector('meta[name="csrf-header"]');
    var token = document.querySelector('meta[name="csrf-token"]');
    var headers = {'Content-Type': 'application/json', 'Accept': 'application/json'};
    if (header && token) {
      headers[header.content] = token.content;
    }
    return headers;
  }

  function keyBytes(base64) {
    var padded = (base64 + '===='.slice((base64.length % 4) || 4)).replace(/-/g, '+').replace(/_/g, '/');
    var raw = atob(padded);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) {
      bytes[i] = raw.charCodeAt(i);
    }
    return bytes;
  }

  /** The SHA-256 of the endpoint in URL-safe Base64, as the server lists this client's devices. */
  function endpointHash(endpoint) {
    return crypto.subtle.digest('SHA-256', new TextEncoder().encode(endpoint)).then(function (digest) {
      var s = String.fromCharCode.apply(null, new Uint8Array(digest));
      return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    });
  }

  /** The listed device that is this phone, or null. */
  function thisDevice(subscription) {
    if (!subscription || card.getAttribute('data-agreed') !== 'true') {
      return Promise.resolve(null);
    }
    return endpointHash(subscription.endpoint).then(function (hash) {
      return card.querySelector('li[data-endpoint-hash="' + hash + '"]');
    });
  }

  function problemOf(response) {
    return response.json().then(function (problem) {
      return problem.detail || problem.title || ('HTTP ' + response.status);
    }, function () {
      return 'HTTP ' + response.status;
    });
  }

  function reloadSaying(name) {
    sessionStorage.setItem(NOTICE, name);
    window.location.reload();
  }

  if (!('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window) || !window.crypto
      || !crypto.subtle) {
    say(words('unsupported'));
    return;
  }
  navigator.serviceWorker.register('/sw.js', {scope: '/'})['catch'](function () { /* offline.js says why */ });

  /** The promise's value, or the fallback when it has not settled within ms (a browser without a push service may never answer). */
  function within(ms, promise, fallback) {
    return Promise.race([promise, new Promise(function (resolve) {
      setTimeout(function () { resolve(fallback); }, ms);
    })]);
  }

  var ready = within(15000, navigator.serviceWorker.ready, null).then(function (registration) {
    if (!registration) {
      throw new Error('the app\u2019s service worker did not start');
    }
    return registration;
  });
  ready.then(function (registration) {
    return within(5000, registration.pushManager.getSubscription(), null);
  }).then(thisDevice).then(function (device) {
    var notice = sessionStorage.getItem(NOTICE);
    sessionStorage.removeItem(NOTICE);
    show(!!device);
    say(notice ? words(notice) : words(device ? 'on' : 'off'));
  })['catch'](function (e) {
    show(false);
    say(words('failed', e && e.message));
  });

  onButton.addEventListener('click', function () {
    say(words('working'));
    Notification.requestPermission().then(function (permission) {
      if (permission !== 'granted') {
        say(words('blocked'));
        return null;
      }
      return ready.then(function (registration) {
        return within(5000, registration.pushManager.getSubscription(), null).then(function (old) {
          return old || within(20000, registration.pushManager.subscribe({userVisibleOnly: true,
            applicationServerKey: keyBytes(card.getAttribute('data-key'))}), null);
        });
      }).then(function (subscription) {
        if (!subscription) {
          throw new Error(card.getAttribute('data-w-no-service'));
        }
        return subscription;
      }).then(function (subscription) {
        return fetch('/settings/reminders/push', {method: 'POST', credentials: 'same-origin', headers: csrf(),
          body: JSON.stringify(subscription.toJSON())});
      }).then(function (response) {
        if (response.status === 201) {
          reloadSaying('turned-on');
          return null;
        }
        return problemOf(response).then(function (why) {
          say(words('failed', why));
        });
      });
    })['catch'](function (e) {
      say(words('failed', (e && e.message) || String(e)));
    });
  });

  offButton.addEventListener('click', function () {
    say(words('working'));
    ready.then(function (registration) {
      return within(5000, registration.pushManager.getSubscription(), null);
    }).then(function (subscription) {
      return thisDevice(subscription).then(function (device) {
        var gone = subscription ? subscription.unsubscribe() : Promise.resolve(true);
        return gone.then(function () {
          if (!device) {
            return null;
          }
          return fetch('/settings/reminders/push/' + device.getAttribute('data-device-id'),
            {method: 'DELETE', credentials: 'same-origin', headers: csrf()});
        });
      });
    }).then(function () {
      reloadSaying('turned-off');
    })['catch'](function (e) {
      say(words('failed', (e && e.message) || String(e)));
    });
  });
}());
