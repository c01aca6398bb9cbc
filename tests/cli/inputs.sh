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

# --output /dev/null writes into the device, never renames over it.
run verify "$TMP/u" --output /dev/null --format json --no-db -q
expect_rc 0 "a report to /dev/null"
checks=$((checks + 1))
[ -c /dev/null ] || fail "/dev/null is no longer a character device"

# normalize over a long input: a progress line (MiB read of the file's
# size) on a terminal only, and never with -q; the mentions the same.
for i in $(seq 160); do cat "$ROOT"/corpora/putin-iran-2026-01-16/*.txt; printf '\n\n'; done \
  >"$TMP/long.txt"
run normalize - <"$TMP/long.txt"
expect_rc 0 "normalize over a long input"
checks=$((checks + 1))
grep -q $'\r' "$TMP/err" && fail "a progress line off a terminal"
cp "$TMP/out" "$TMP/long.jsonl"
if command -v script >/dev/null; then
  script -qec "$FC normalize - <$TMP/long.txt >$TMP/long-tty.jsonl" \
    "$TMP/tty" >/dev/null 2>&1 </dev/null
  checks=$((checks + 1))
  grep -q $'\r\033\\[Knormalize (MiB) 1/' "$TMP/tty" ||
    fail "no progress line on a terminal"
  checks=$((checks + 1))
  cmp -s "$TMP/long.jsonl" "$TMP/long-tty.jsonl" ||
    fail "the mentions differ on a terminal"
  script -qec "$FC normalize -q - <$TMP/long.txt >/dev/null" \
    "$TMP/tty-q" >/dev/null 2>&1 </dev/null
  checks=$((checks + 1))
  grep -q 'normalize (MiB)' "$TMP/tty-q" && fail "a progress line with -q"
fi

finish
