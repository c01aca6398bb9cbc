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

# line ends: CRLF, a CR alone and a leading BOM give the mentions of the
# text with LF, offsets apart ("\r\n\r\n" ends a paragraph as "\n\n"
# does: "the year" after it is not the year of the paragraph before)
strip_offsets() { sed -E 's/"start": [0-9]+, "end": [0-9]+, //' "$1"; }
printf 'The firm expects margins to be lower in 2005.\n\nHouse prices were 11.8%% higher on the year, said Tom Smith on Friday.\n' >"$TMP/lf.txt"
run normalize --ref 2006-02-01 - <"$TMP/lf.txt"
expect_rc 0 "normalize, LF"
strip_offsets "$TMP/out" >"$TMP/lf.jsonl"
checks=$((checks + 1))
grep -q '"the year"' "$TMP/lf.jsonl" && fail "the year after a blank line told"
for kind in crlf cr bom; do
  case $kind in
  crlf) sed 's/$/\r/' "$TMP/lf.txt" >"$TMP/$kind.txt" ;;
  cr) tr '\n' '\r' <"$TMP/lf.txt" >"$TMP/$kind.txt" ;;
  bom) { printf '\357\273\277'; cat "$TMP/lf.txt"; } >"$TMP/$kind.txt" ;;
  esac
  run normalize --ref 2006-02-01 - <"$TMP/$kind.txt"
  expect_rc 0 "normalize, $kind"
  strip_offsets "$TMP/out" >"$TMP/$kind.jsonl"
  checks=$((checks + 1))
  cmp -s "$TMP/lf.jsonl" "$TMP/$kind.jsonl" ||
    fail "$kind: mentions differ from LF's: $(diff "$TMP/lf.jsonl" "$TMP/$kind.jsonl" | head -5)"
done
run normalize --ref 2006-02-01 - <"$TMP/crlf.txt"
expect_out_has '"text": "Friday", "start": 111, "end": 117'
# a line wrapped with CRLF starts right after its line end, as with LF:
# "Comissaria Silva" at a line's start is a person's name in both
printf 'Rains continued through the week in the cocoa zone,\nalthough humidity levels have not been restored,\nComissaria Silva said in its weekly review.\n' >"$TMP/wrap.txt"
sed 's/$/\r/' "$TMP/wrap.txt" >"$TMP/wrap-crlf.txt"
run normalize --ref 2006-02-01 - <"$TMP/wrap.txt"
expect_out_has '"id": "person:comissaria-silva"'
strip_offsets "$TMP/out" >"$TMP/wrap.jsonl"
run normalize --ref 2006-02-01 - <"$TMP/wrap-crlf.txt"
strip_offsets "$TMP/out" >"$TMP/wrap-crlf.jsonl"
checks=$((checks + 1))
cmp -s "$TMP/wrap.jsonl" "$TMP/wrap-crlf.jsonl" ||
  fail "wrapped CRLF: mentions differ from LF's: $(diff "$TMP/wrap.jsonl" "$TMP/wrap-crlf.jsonl" | head -5)"

# a hundred told once stays shared when the line is wrapped before it
# (norm_quantity.c hundred_once): 200 to 300, not 2 to 300
printf 'Between two and three\nhundred homes were lost; five or six\thundred troops came.\n' >"$TMP/hundred.txt"
run normalize --ref 2006-02-01 - <"$TMP/hundred.txt"
expect_out_has '"value": 200, "low": 200, "high": 300, "rule": "qty.range-between"'
expect_out_has '"value": 500, "low": 500, "high": 600, "rule": "qty.range-or"'
# and before the scale word after it: 500,000 to 600,000, not 5,000
printf 'Five or six hundred\nthousand people marched.\n' >"$TMP/hundred2.txt"
run normalize --ref 2006-02-01 - <"$TMP/hundred2.txt"
expect_out_has '"value": 500000, "low": 500000, "high": 600000, "rule": "qty.range-or"'

finish
