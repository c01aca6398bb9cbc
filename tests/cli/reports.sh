#!/usr/bin/env bash
# reports/ holds the reports of the bundled corpus: they must be what
# 'factcross verify' writes now (run ./dev verify to refresh them), and
# a second run must give the same bytes.
. "$(dirname "$0")/lib.sh"

name=putin-iran-2026-01-16
run verify "$ROOT/corpora/$name" --output "$TMP/a" --no-db -q
expect_rc 0 "verify the bundled corpus"
run verify "$ROOT/corpora/$name" --output "$TMP/b" --no-db -q
expect_rc 0 "verify again"
for ext in md html json; do
  checks=$((checks + 1))
  cmp -s "$TMP/a/$name.$ext" "$TMP/b/$name.$ext" ||
    fail "$name.$ext differs between two runs"
  checks=$((checks + 1))
  if ! cmp -s "$TMP/a/$name.$ext" "$ROOT/reports/$name.$ext"; then
    fail "reports/$name.$ext is stale: run ./dev verify and commit it"
    diff -u "$ROOT/reports/$name.$ext" "$TMP/a/$name.$ext" | head -40
  fi
done
checks=$((checks + 1))
if grep -qiE '<script|<iframe|<object|src="http' "$TMP/a/$name.html"; then
  fail "the HTML report loads or runs something"
fi
finish
