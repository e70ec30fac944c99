/* Vouch tracking loader (/api/v1/r/loader.js): dependency-free ES2017 that never throws into the page. */
(() => {
  'use strict';
  const w = window, d = document, loc = location, queued = w.Rekomi;
  if (queued && !Array.isArray(queued)) return; // loaded twice: the first copy stays in charge
  const quiet = (fn, fallback) => function () { try { return fn.apply(null, arguments); } catch (e) { return fallback; } };
  const script = d.currentScript || d.querySelector('script[data-program-id]');
  const attr = (name) => (script && script.getAttribute(name)) || '';
  const programId = attr('data-program-id');
  let api = '';
  try { api = new URL(script.src, loc.href).origin; } catch (e) { /* no src, no server */ }
  const params = attr('data-rkmi-params').split(',').map((p) => p.trim()).filter((p) => /^[a-z0-9_-]{2,32}$/.test(p))
    .concat(['via', 'ref', 'fpr', 'aff', 'rfsn', 'a_aid', 'awc', 'sscid', 'cjevent', 'irclickid', 'partner_key',
      'affid', 'affiliate_id', 'affcode', 'idev', 'mbsy', 'r', 'a']);
  let consented = attr('data-consent') !== 'required', clicked = false, ready = Promise.resolve();

  const cookie = (name) => {
    const m = d.cookie.match(new RegExp('(?:^|; )' + name + '=([^;]*)'));
    return m ? decodeURIComponent(m[1]) : null;
  };
  const setCookie = (name, value, maxAge, domain) => {
    d.cookie = name + '=' + encodeURIComponent(value) + '; Max-Age=' + maxAge + '; Path=/; SameSite=Lax' +
      (domain ? '; Domain=' + domain : '') + (loc.protocol === 'https:' ? '; Secure' : '');
  };
  const NAMES = ['rekomi_cid', 'rekomi_pid', 'rekomi_ref'];
  const store = (values, maxAge, domain) => NAMES.forEach((name, i) => setCookie(name, values[i], maxAge, domain));
  // A cookie's Domain cannot be read back: clear host-only and every parent domain.
  const clear = () => {
    const labels = loc.hostname.split('.');
    labels.concat('').forEach((_, i) => store(['', '', ''], 0, labels.slice(i).join('.')));
  };

  // text/plain keeps it a CORS "simple request": no preflight.
  const post = (path, body) => fetch(api + path, {
    method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify(body), keepalive: true, credentials: 'omit',
  });

  // Drops the named params from the address bar; the others stay byte for byte, the hash too.
  const cleanUrl = (names) => {
    const name = (pair) => { try { return decodeURIComponent(pair.split('=')[0].replace(/\+/g, ' ')); } catch (e) { return pair; } };
    const kept = loc.search.slice(1).split('&').filter((pair) => pair && names.indexOf(name(pair)) < 0);
    const search = kept.length ? '?' + kept.join('&') : '';
    if (search !== loc.search) history.replaceState(history.state, '', loc.pathname + search + loc.hash);
  };

  const click = async () => {
    const query = new URLSearchParams(loc.search);
    const param = params.find((p) => query.get(p));
    if (!param || clicked || !api || !programId) return;
    clicked = true;
    const answer = await (await post('/api/tracking/click', {
      programId, pageUrl: loc.href, referralCode: query.get(param), referrer: d.referrer || undefined,
      consentGranted: true, existingClickToken: cookie('rekomi_cid') || undefined,
    })).json();
    if (answer.status !== 'ok' && answer.status !== 'ignored') return; // refused: leave the link alone
    if (answer.status === 'ok' && answer.clickToken) {
      const domain = String(answer.cookieDomain || '').replace(/^\./, '').toLowerCase();
      const host = loc.hostname.toLowerCase();
      store([answer.clickToken, answer.programId || programId, answer.affiliateCode || ''],
        Math.floor(Number(answer.cookieDurationDays) || 30) * 86400,
        domain && (host === domain || host.endsWith('.' + domain)) ? domain : '');
    }
    cleanUrl((answer.cleanupParams || []).concat(param));
  };

  // The install heartbeat, at most once a day per browser.
  const heartbeat = () => {
    const flag = 'rekomi_verified_' + programId;
    try {
      if (Date.now() - Number(localStorage.getItem(flag)) < 864e5) return;
      localStorage.setItem(flag, String(Date.now()));
    } catch (e) { /* storage blocked: send anyway */ }
    post('/api/tracking/verify', { programId, pageUrl: loc.href, consentGranted: true }).catch(() => {});
  };

  const start = () => {
    if (api && programId) heartbeat();
    ready = click().catch(() => {});
  };

  // Waits for a click in flight, so convert() right after landing finds the fresh cookie.
  const lead = (info) => ready.then(() => {
    const slug = cookie('rekomi_ref'), email = String((info && info.email) || '').trim();
    if (!slug || !api || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return;
    const body = { slug, email, name: info.name ? String(info.name) : undefined, programId: cookie('rekomi_pid') || programId };
    const url = api + '/api/v1/r/lead/signup';
    if (navigator.sendBeacon && navigator.sendBeacon(url, new Blob([JSON.stringify(body)], { type: 'text/plain' }))) return;
    return post('/api/v1/r/lead/signup', body).then(() => {});
  }).catch(() => {});

  const Rekomi = {
    convert: quiet(lead, Promise.resolve()),
    identify: quiet(lead, Promise.resolve()),
    consent: quiet((granted) => {
      if (granted && !consented) { consented = true; start(); }
      if (!granted) { consented = false; clear(); }
    }),
    clickToken: quiet(() => cookie('rekomi_cid'), null),
    checkoutMetadata: quiet(() => {
      const cid = cookie('rekomi_cid');
      return cid ? { rekomi_cid: cid, rekomi_pid: cookie('rekomi_pid') || programId, rekomi_source: 'loader' } : {};
    }, {}),
    // The queue stub's push keeps working once the real object has replaced it.
    push: quiet((call) => {
      if (Array.isArray(call) && call[0] !== 'push' && typeof Rekomi[call[0]] === 'function') return Rekomi[call[0]].apply(null, call.slice(1));
    }),
  };
  w.Rekomi = Rekomi;
  quiet(() => { if (consented) start(); })();
  (queued || []).forEach(Rekomi.push);
})();
