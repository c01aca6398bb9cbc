#!/usr/bin/env bash
# Bad input from the start: a clear error naming the file and line, exit
# 2, nothing written, nothing lost.
. "$(dirname "$0")/lib.sh"

run verify "$TMP/nowhere"
expect_rc 2 "missing corpus"

mkdir -p "$TMP/c"
printf 'Putin spoke with Netanyahu on Friday.\n' >"$TMP/c/a.txt"
cat >"$TMP/c/corpus.yaml" <<'Y'
name: bad
reference_date: 2026-02-30
sources:
  - id: a
    file: a.txt
    outlit: Somewhere
Y
run verify "$TMP/c" --output "$TMP/report-dir"
expect_rc 2 "bad manifest"
checks=$((checks + 1))
[ ! -e "$TMP/report-dir" ] || fail "a report was written for a bad manifest"

# Invalid UTF-8 in a source is replaced and warned about, never fatal.
mkdir -p "$TMP/u"
printf 'Putin spoke with Netanyahu on Friday \xff\xfe.\n' >"$TMP/u/a.txt"
run verify "$TMP/u" --output "$TMP/u-out" --no-db -q
expect_rc 0 "invalid UTF-8 is not fatal"
checks=$((checks + 1))
grep -q 'invalid UTF-8' "$TMP/err" || fail "no warning about invalid UTF-8"

# A database that cannot be opened is an environment failure.
run verify "$TMP/u" --db "$TMP/no/such/dir/x.db" --output "$TMP/u-out2" -q
expect_rc 3 "unwritable database"

finish
