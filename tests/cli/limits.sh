#!/usr/bin/env bash
# Memory bounds on large and hostile input: a source with more text than
# --max-source-mb (default 4 MiB) is an input error (exit 2) naming it,
# before any stage spends memory on it; the store keeps the earlier run
# and no report is written, not even half of one.
. "$(dirname "$0")/lib.sh"

SEED=$ROOT/corpora/putin-iran-2026-01-16
C=$TMP/c
mkdir -p "$C"
cp "$SEED/000_6cb9a9ae1e300ea4.txt" "$C/a.txt"
cp "$SEED/003_f44dc16e987fcf8e.txt" "$C/b.txt"

# rows of every table of the store, one line each
rows() {
  python3 - "$1" <<'P'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
for (t,) in c.execute("select name from sqlite_master where type='table' order by name"):
    print(t, c.execute('select count(*) from "%s"' % t).fetchone()[0])
P
}

run verify "$C" -q --output "$TMP/rep" --db "$TMP/c.db"
expect_rc 0 "a corpus of two articles"
rows "$TMP/c.db" >"$TMP/rows.before"
cp -r "$TMP/rep" "$TMP/rep.before"
checks=$((checks + 1))
grep -qx 'mentions [1-9][0-9]*' "$TMP/rows.before" ||
  fail "the first run stored no mentions"

# one line of "1 1 1 ...", 4 MiB and one byte: a mention every two bytes
python3 -c "import sys; sys.stdout.write('1 ' * (2 << 20) + '1')" >"$C/ones.txt"
run verify "$C" -q --output "$TMP/rep" --db "$TMP/c.db"
expect_rc 2 "a source above the default limit"
expect_err_line "$C/ones.txt: error: source 'ones' ($C/ones.txt) has more than 4 MiB of text, the limit (--max-source-mb)"
expect_no_out
checks=$((checks + 1))
rows "$TMP/c.db" | cmp -s - "$TMP/rows.before" ||
  fail "the store lost the earlier run: $(rows "$TMP/c.db" | tr '\n' ' ')"
checks=$((checks + 1))
diff -r "$TMP/rep.before" "$TMP/rep" >/dev/null ||
  fail "the reports of the earlier run changed"

# a lower limit, in a manifest: the error points at the source's entry
python3 -c "import sys; sys.stdout.write(('x' * 63 + '\\n') * (16 << 10) + 'x')" >"$C/long.txt"
cat >"$C/corpus.yaml" <<'Y'
name: limits
reference_date: 2026-01-16
sources:
  - id: a
    file: a.txt
  - id: long
    file: long.txt
Y
run verify "$C" -q --max-source-mb 1 --output "$TMP/rep2" --db "$TMP/c2.db"
expect_rc 2 "a source above --max-source-mb 1"
expect_err_line "$C/corpus.yaml:6:5: error: source 'long' ($C/long.txt) has more than 1 MiB of text, the limit (--max-source-mb)"
checks=$((checks + 1))
[ ! -e "$TMP/rep2" ] || fail "a refused corpus left a report"
checks=$((checks + 1))
# (the store is opened before the sources are read: it stays empty)
rows "$TMP/c2.db" | grep -qx 'documents 0' ||
  fail "a refused corpus stored documents"
run extract "$C" -q --max-source-mb 1
expect_rc 2 "extract: a source above --max-source-mb 1"
expect_err_line "$C/corpus.yaml:6:5: error: source 'long' ($C/long.txt) has more than 1 MiB of text, the limit (--max-source-mb)"
expect_no_out
run check "$SEED/000_6cb9a9ae1e300ea4.txt" --against "$C" -q --max-source-mb 1
expect_rc 2 "check: a corpus source above --max-source-mb 1"
expect_err_line "$C/corpus.yaml:6:5: error: source 'long' ($C/long.txt) has more than 1 MiB of text, the limit (--max-source-mb)"
expect_no_out
# a source of exactly the limit is read
head -c $((1 << 20)) "$C/long.txt" >"$C/long.tmp" && mv "$C/long.tmp" "$C/long.txt"
run verify "$C" -q --max-source-mb 1 --format json --output - --no-db
expect_rc 0 "a source of exactly 1 MiB under --max-source-mb 1"
expect_out_has '"id": "long"'

run verify "$C" --max-source-mb 0
expect_rc 2 "--max-source-mb 0"
expect_err_line "factcross: error: --max-source-mb takes a whole number of MiB from 1 to 1024, not '0'"
run verify "$C" --max-source-mb 4MB
expect_rc 2 "--max-source-mb 4MB"
expect_err_line "factcross: error: --max-source-mb takes a whole number of MiB from 1 to 1024, not '4MB'"
run verify "$C" --max-source-mb +4
expect_rc 2 "--max-source-mb +4"
expect_err_line "factcross: error: --max-source-mb takes a whole number of MiB from 1 to 1024, not '+4'"
run verify "$C" --max-source-mb " 4"
expect_rc 2 "--max-source-mb ' 4'"
expect_err_line "factcross: error: --max-source-mb takes a whole number of MiB from 1 to 1024, not ' 4'"
run check "$SEED/000_6cb9a9ae1e300ea4.txt" --against "$C" --max-source-mb 2048
expect_rc 2 "check --max-source-mb 2048"
expect_err_line "factcross: error: --max-source-mb takes a whole number of MiB from 1 to 1024, not '2048'"
run verify --help
expect_rc 0 "verify --help"
expect_out_line "  --max-source-mb N  refuse a source with more than N MiB of text (a"

# normalize's lines leave piece by piece (fc_norm_stream_set_sink): when
# standard output cannot be written, exit 3 with the reason, on one thread
# or two (the sink fails mid-stream on the long text, at the end on the
# short one)
if [ -w /dev/full ]; then
  python3 -c "import sys; sys.stdout.write('On 3 May 2020, 12 people met.\\n\\n' * 40000)" >"$TMP/long.txt"
  for t in 1 2; do
    FACTCROSS_THREADS=$t "$FC" normalize - <"$TMP/long.txt" >/dev/full 2>"$TMP/err"
    rc=$?
    : >"$TMP/out"
    expect_rc 3 "normalize to a full device, $t thread(s)"
    expect_err_line "factcross: error: cannot write standard output: No space left on device"
  done
  "$FC" normalize "Putin said 3 people died on Monday" >/dev/full 2>"$TMP/err"
  rc=$?
  expect_rc 3 "normalize TEXT to a full device"
  expect_err_line "factcross: error: cannot write standard output: No space left on device"
  "$FC" extract "$C" -q >/dev/full 2>"$TMP/err"
  rc=$?
  expect_rc 3 "extract to a full device"
  expect_err_line "factcross: error: cannot write standard output: No space left on device"
  "$FC" verify "$C" -q --no-db --format json --output - >/dev/full 2>"$TMP/err"
  rc=$?
  expect_rc 3 "verify --output - to a full device"
  expect_err_line "factcross: error: cannot write standard output: No space left on device"
  "$FC" check "$SEED/000_6cb9a9ae1e300ea4.txt" --against "$C" -q --format json >/dev/full 2>"$TMP/err"
  rc=$?
  expect_rc 3 "check to a full device"
  expect_err_line "factcross: error: cannot write standard output: No space left on device"
fi

finish
