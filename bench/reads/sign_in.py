#!/usr/bin/env python3
"""Signs people in through the real sign-in form and prints, per input line, the page to read and the
session cookie of its reader: one line 'screen|cookie|path' each. Each e-mail is signed in once.
Usage: sign_in.py BASE PASSWORD < lines of 'screen|email|path'"""
import http.cookiejar
import re
import sys
import urllib.parse
import urllib.request

base, password = sys.argv[1], sys.argv[2]
cookies = {}


def sign_in(email):
    jar = http.cookiejar.CookieJar()
    web = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    form = web.open(base + "/signin").read().decode()
    csrf = re.search(r'name="_csrf"[^>]*value="([^"]+)"', form) or re.search(r'value="([^"]+)"[^>]*name="_csrf"', form)
    web.open(base + "/signin", urllib.parse.urlencode(
        {"email": email, "password": password, "_csrf": csrf.group(1)}).encode())
    return web, "; ".join(f"{c.name}={c.value}" for c in jar)


for line in sys.stdin:
    screen, email, path = line.strip().split("|")
    if email not in cookies:
        cookies[email] = sign_in(email)
    web, cookie = cookies[email]
    try:
        page = web.open(base + path)
        status = page.status
        text = page.read().decode()
    except urllib.error.HTTPError as e:
        status, text = e.code, ""
    if status != 200 or "signin" in page.url:
        print(f"{screen} {path} as {email}: {status} {page.url}", file=sys.stderr)
        continue
    print(f"{screen}|{cookie}|{path}")
