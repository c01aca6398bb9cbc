#!/usr/bin/env bash
# URL sources end to end, against a news site on 127.0.0.1 started here
# (tests/unit/fetch/site.py serving the five seed pages; never the
# internet): 'fetch' then an offline 'verify' give the findings of the file
# corpus; a page whose date changed is reported as a stealth edit; every
# network fault exits 3 naming the URL and keeps the cached copy.
. "$(dirname "$0")/lib.sh"

SEEDS=$ROOT/tests/unit/fetch/data/seeds
FILES=$ROOT/corpora/putin-iran-2026-01-16
mkdir "$TMP/site" "$TMP/web"
cp "$SEEDS"/00?.html "$TMP/site/"

python3 "$ROOT/tests/unit/fetch/site.py" "$TMP/site" \
  "$ROOT/tests/unit/fetch/data/tls" >"$TMP/ports" 2>"$TMP/site.err" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$TMP"' EXIT
for _ in $(seq 100); do
  [ -s "$TMP/ports" ] && break
  sleep 0.1
done
read -r PORT TLS_PORT <"$TMP/ports" || { echo "site.py did not start"; exit 1; }
BASE=http://127.0.0.1:$PORT

# A manifest of the five pages: ids and URLs only, so published dates and
# titles come from the pages.
{
  echo "name: seeds-web"
  echo "reference_date: 2026-01-16"
  echo "sources:"
  for i in 000 001 002 003 004; do
    printf '  - id: "%s"\n    url: %s/%s.html\n' "$i" "$BASE" "$i"
  done
} >"$TMP/web/corpus.yaml"
CACHE=$TMP/web/seeds-web.cache.db

# findings JSON -> one line per finding: id, status, values with sources
findings() {
  python3 - "$1" <<'PY'
import json, sys
for f in json.load(open(sys.argv[1]))["findings"]:
    vals = sorted((v["value"], v["sources"]) for v in f["values"])
    print(json.dumps([f["id"], f["status"], vals]))
PY
}

# pyjson FILE EXPR: print a Python expression over the JSON document j
pyjson() {
  python3 -c 'import json, sys; j = json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2"
}

# same_findings A.json B.json WHAT
same_findings() {
  checks=$((checks + 1))
  findings "$1" >"$TMP/fa"
  findings "$2" >"$TMP/fb"
  if ! cmp -s "$TMP/fa" "$TMP/fb"; then
    fail "$3: findings differ"
    diff "$TMP/fa" "$TMP/fb" | head -20
  fi
  checks=$((checks + 1))
  [ "$(wc -l <"$TMP/fa")" -gt 40 ] || fail "$3: too few findings"
}

expect_err_match() {
  checks=$((checks + 1))
  grep -qxE -- "$1" "$TMP/err" || fail "stderr lacks a line matching: $1"
}

bytes() { wc -c <"$TMP/site/$1.html" | tr -d ' '; }

# ---- first fetch, offline verify --------------------------------------------
run fetch "$TMP/web" --delay 0
expect_rc 0 "first fetch"
for i in 000 001 002 003 004; do
  expect_err_line "$i $BASE/$i.html: new, $(bytes $i) bytes"
done
expect_err_line "seeds-web: 5 URLs: 5 new, 0 changed, 0 unchanged, 0 failed"
checks=$((checks + 1))
[ -f "$CACHE" ] || fail "no cache beside the manifest"
checks=$((checks + 1))
! grep -q $'\033' "$TMP/err" || fail "a progress line on a file"

run verify "$FILES" --format json --output - --no-db -q
expect_rc 0 "verify the file corpus"
cp "$TMP/out" "$TMP/files.json"
run verify "$TMP/web" --format json --output - --no-db -q
expect_rc 0 "verify the URL corpus offline"
expect_no_err() { checks=$((checks + 1)); [ ! -s "$TMP/err" ] || fail "stderr: $1"; }
expect_no_err "offline verify of fresh copies"
cp "$TMP/out" "$TMP/web1.json"
same_findings "$TMP/files.json" "$TMP/web1.json" "URL corpus vs file corpus"
checks=$((checks + 1))
[ "$(pyjson "$TMP/web1.json" '[s["published"] for s in j["sources"]]')" = \
  "['2026-01-16', None, None, '2026-01-16', None]" ] ||
  fail "published dates from the pages"
checks=$((checks + 1))
[ "$(pyjson "$TMP/web1.json" 'j["sources"][3]["title"]')" = \
  "Putin is mediating in Iran situation, Kremlin says" ] ||
  fail "title from the page"
checks=$((checks + 1))
[ "$(pyjson "$TMP/web1.json" '"edits" in j')" = False ] ||
  fail "edits without a second version"

# Local .html files go through the same extraction.
mkdir "$TMP/html"
cp "$SEEDS"/00?.html "$TMP/html/"
{
  echo "name: seeds-html"
  echo "reference_date: 2026-01-16"
  echo "sources:"
  for i in 000 001 002 003 004; do
    printf '  - id: "%s"\n    file: %s.html\n' "$i" "$i"
  done
} >"$TMP/html/corpus.yaml"
run verify "$TMP/html" --format json --output - --no-db -q
expect_rc 0 "verify a folder of .html pages"
cp "$TMP/out" "$TMP/html.json"
same_findings "$TMP/files.json" "$TMP/html.json" ".html corpus vs file corpus"

# ---- unchanged, then a stealth edit -----------------------------------------
run fetch "$TMP/web" --delay 0
expect_rc 0 "second fetch"
for i in 000 001 002 003 004; do
  expect_err_line "$i $BASE/$i.html: unchanged (not modified)"
done
expect_err_line "seeds-web: 5 URLs: 0 new, 0 changed, 5 unchanged, 0 failed"

sed -i 's/diplomacy on January 16/diplomacy on January 15/' "$TMP/site/002.html"
run fetch "$TMP/web" --delay 0
expect_rc 0 "fetch after the edit"
expect_err_line "002 $BASE/002.html: changed, $(bytes 002) bytes (version 2)"
expect_err_line "seeds-web: 5 URLs: 0 new, 1 changed, 4 unchanged, 0 failed"

mkdir "$TMP/rep"
run verify "$TMP/web" --output "$TMP/rep" --no-db -q
expect_rc 0 "verify after the edit"
J=$TMP/rep/seeds-web.json
checks=$((checks + 1))
[ "$(pyjson "$J" '[(e["source"], e["versions"], [(c["change"], c["kind"], [(s["name"], s["before"], s["after"]) for s in c["slots"] if s["changed"]]) for c in e["changes"]]) for e in j["edits"]]')" = \
  "[('002', 2, [('changed', 'call', [('date', '2026-01-16', '2026-01-15')]), ('changed', 'call', [('date', '2026-01-16', '2026-01-15')])])]" ] ||
  fail "edits in the JSON report: $(pyjson "$J" 'j.get("edits")')"
checks=$((checks + 1))
[ "$(pyjson "$J" '[f["status"] for f in j["findings"] if f["id"].startswith("call.date:")]')" = \
  "['contradicted', 'contradicted']" ] || fail "the changed date contradicts"
F1=$(pyjson "$J" 'j["edits"][0]["changes"][0]["fact"]')
checks=$((checks + 1))
grep -qxF "## Stealth edits (1)" "$TMP/rep/seeds-web.md" ||
  fail "no edits section in the Markdown report"
checks=$((checks + 1))
grep -qxF -- "- **Changed** call, fact $F1: date: 2026-01-16 → 2026-01-15; participants: Vladimir Putin, Benjamin Netanyahu" \
  "$TMP/rep/seeds-web.md" || fail "the changed fact in the Markdown report"
checks=$((checks + 1))
grep -qF -- "  - After: Russian President Vladimir Putin took an active role in Middle East diplomacy on January 15," \
  "$TMP/rep/seeds-web.md" || fail "the new sentence in the Markdown report"
checks=$((checks + 1))
grep -qF '<section id="edits" aria-labelledby="h-edits">' "$TMP/rep/seeds-web.html" ||
  fail "no edits section in the HTML report"

# verify --fetch: fetch and verify in one run
run verify "$TMP/web" --fetch --delay 0 --format json --output - --no-db
expect_rc 0 "verify --fetch"
expect_err_line "002 $BASE/002.html: unchanged (not modified)"
cp "$TMP/out" "$TMP/edited.json"
same_findings "$J" "$TMP/edited.json" "verify --fetch"

# ---- every fault keeps the cached copy --------------------------------------
count_bodies() {
  python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("select count(*) from fetch_bodies").fetchone()[0])' "$CACHE"
}
checks=$((checks + 1))
[ "$(count_bodies)" = 6 ] || fail "six bodies cached, not $(count_bodies)"
U=$BASE/001.html
while IFS='|' read -r fault msg; do
  echo "$fault" >"$TMP/site/001.html.fault"
  run fetch "$TMP/web" --delay 0 --timeout 1
  expect_rc 3 "fault '$fault'"
  expect_err_line "$U: error: $msg"
  expect_err_match "001 $U: not fetched; the copy fetched [0-9-]+ [0-9:]+ UTC is kept"
  expect_err_line "000 $BASE/000.html: unchanged (not modified)"
  expect_err_line "seeds-web: 5 URLs: 0 new, 0 changed, 4 unchanged, 1 failed"
done <<'F'
status 404|HTTP 404 Not Found
status 500|HTTP 500 Internal Server Error
slow 3|timed out after 1 s
truncated|truncated body
loop|redirect loop (more than 5 redirects)
redirect file:///etc/passwd|redirect to file:///etc/passwd refused (only http and https)
big|body larger than 8 MiB
F
checks=$((checks + 1))
[ "$(count_bodies)" = 6 ] || fail "a fault lost or added a body"

run verify "$TMP/web" --format json --output - --no-db -q
expect_rc 0 "offline verify after the faults"
expect_err_match "$TMP/web/corpus.yaml:6:5: warning: source '001': using the copy of $U fetched [0-9-]+ [0-9:]+ UTC; the last fetch \([0-9-]+ [0-9:]+ UTC\) failed: body larger than 8 MiB"
cp "$TMP/out" "$TMP/after-faults.json"
same_findings "$J" "$TMP/after-faults.json" "after the faults"

# verify --fetch with a fault: the report comes from the cache, exit 3
echo "status 503" >"$TMP/site/001.html.fault"
mkdir "$TMP/rep2"
run verify "$TMP/web" --fetch --delay 0 --output "$TMP/rep2" --no-db -q
expect_rc 3 "verify --fetch with a fault"
expect_err_line "$U: error: HTTP 503 Service Unavailable"
checks=$((checks + 1))
[ -f "$TMP/rep2/seeds-web.json" ] || fail "no report from the cached copies"
same_findings "$J" "$TMP/rep2/seeds-web.json" "verify --fetch with a fault"
rm "$TMP/site/001.html.fault"

# ---- TLS, a URL never fetched, a server that is gone -----------------------
mkdir "$TMP/tls"
UT=https://127.0.0.1:$TLS_PORT/000.html
printf 'name: tls\nsources:\n  - id: a\n    url: %s\n' "$UT" >"$TMP/tls/corpus.yaml"
run verify "$TMP/tls" --format json --output - --no-db
expect_rc 2 "a URL never fetched"
expect_err_line "$TMP/tls/corpus.yaml:3:5: error: source 'a': $UT has not been fetched; run 'factcross fetch' or 'factcross verify --fetch'"
checks=$((checks + 1))
[ ! -e "$TMP/tls/tls.cache.db" ] || fail "an offline verify created a cache"
run fetch "$TMP/tls" --delay 0
expect_rc 3 "a self-signed certificate"
expect_err_match "$UT: error: TLS certificate not accepted: .+"
expect_err_line "a $UT: not fetched; there is no copy in the cache"
run verify "$TMP/tls" --format json --output - --no-db
expect_rc 2 "no copy after a failed fetch"
expect_err_match "$TMP/tls/corpus.yaml:3:5: error: source 'a': $UT has no cached copy: the last fetch \([0-9-]+ [0-9:]+ UTC\) failed: TLS certificate not accepted: .+"
run verify "$TMP/tls" --fetch --delay 0 --format json --output - --no-db
expect_rc 3 "verify --fetch of a URL that cannot be fetched"
expect_no_out

# A host that does not exist (.invalid never resolves; a resolver that
# cannot be reached runs into the timeout instead).
mkdir "$TMP/dns"
UD=http://no-such-host.invalid/story
printf 'name: dns\nsources:\n  - id: a\n    url: %s\n' "$UD" >"$TMP/dns/corpus.yaml"
run fetch "$TMP/dns" --delay 0 --timeout 2
expect_rc 3 "a host that does not resolve"
expect_err_match "$UD: error: (cannot resolve host 'no-such-host.invalid'|connect timed out after 2 s)"
expect_err_line "a $UD: not fetched; there is no copy in the cache"

kill "$SERVER"
wait "$SERVER" 2>/dev/null
run fetch "$TMP/web" --delay 0
expect_rc 3 "the server is gone"
for i in 000 001 002 003 004; do
  expect_err_line "$BASE/$i.html: error: connection refused"
  expect_err_match "$i $BASE/$i.html: not fetched; the copy fetched [0-9-]+ [0-9:]+ UTC is kept"
done
run verify "$TMP/web" --format json --output - --no-db -q
expect_rc 0 "offline verify with the server gone"
cp "$TMP/out" "$TMP/gone.json"
same_findings "$J" "$TMP/gone.json" "server gone"

# ---- usage ------------------------------------------------------------------
run fetch "$FILES"
expect_rc 0 "a corpus without URLs"
expect_err_line "putin-iran-2026-01-16: no source has a url; nothing to fetch"
run fetch "$TMP/web" --timeout 0
expect_rc 2 "--timeout 0"
expect_err_line "factcross: error: --timeout takes seconds (more than 0), not '0'"
run fetch
expect_rc 2 "fetch without a corpus"
mkdir "$TMP/bad"
printf 'name: bad\nsources:\n  - id: a\n    url: "http://bad host/x"\n' \
  >"$TMP/bad/corpus.yaml"
run fetch "$TMP/bad"
expect_rc 2 "a URL that does not parse"
expect_err_match "http://bad host/x: error: invalid URL \(.+\)"

# libcurl is loaded on the first fetch (src/fetch/curl_load.c): when the
# libcurl.so.4 found is not a library, every URL fails with the reason, exit 3
LD_LIBRARY_PATH=$ROOT/tests/unit/fetch/data/nocurl run fetch "$TMP/web" --delay 0
expect_rc 3 "no libcurl"
expect_err_match "$BASE/000.html: error: cannot load libcurl: .*/libcurl.so.4: .+"
expect_err_match "000 $BASE/000.html: not fetched; the copy fetched [0-9-]+ [0-9:]+ UTC is kept"

# The progress line appears on a terminal only (script gives a pty).
if command -v script >/dev/null; then
  script -qec "$FC fetch $TMP/web --delay 0 --timeout 1" /dev/null \
    >"$TMP/tty" 2>&1 </dev/null
  checks=$((checks + 1))
  grep -q $'\r\033\\[K' "$TMP/tty" || fail "no progress line on a terminal"
fi
finish
