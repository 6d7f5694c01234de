#!/usr/bin/env python3
"""Signs demo clients in through the real sign-in form and prints, one line per client, the session
cookie, the CSRF token of their pages and the id of one open assignment, separated by '|'.
Usage: sign_in.py BASE PASSWORD EMAIL...   (clients without an open assignment are left out)"""
import http.cookiejar
import json
import re
import sys
import urllib.parse
import urllib.request

base, password, emails = sys.argv[1], sys.argv[2], sys.argv[3:]
for email in emails:
    jar = http.cookiejar.CookieJar()
    web = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    form = web.open(base + "/signin").read().decode()
    csrf = re.search(r'name="_csrf"[^>]*value="([^"]+)"', form) or re.search(r'value="([^"]+)"[^>]*name="_csrf"', form)
    web.open(base + "/signin", urllib.parse.urlencode(
        {"email": email, "password": password, "_csrf": csrf.group(1)}).encode())
    today = web.open(base + "/today").read().decode()
    token = re.search(r'<meta name="csrf-token" content="([^"]+)"', today)
    if not token:
        print(f"{email}: not signed in (no CSRF token on Today)", file=sys.stderr)
        continue
    ask = urllib.request.Request(base + "/api/v1/me/assignments", headers={"Accept": "application/json"})
    listed = json.loads(web.open(ask).read())
    ids = [a.get("id") or (a.get("assignment") or {}).get("id") for a in listed]
    ids = [i for i in ids if i]
    if not ids:
        print(f"{email}: no open assignment", file=sys.stderr)
        continue
    cookie = "; ".join(f"{c.name}={c.value}" for c in jar)
    print(f"{cookie}|{token.group(1)}|{ids[0]}")
