#!/usr/bin/env bash
# --time: a table of rules on stderr after the normal output; stdout and
# the exit code are those of the run without it. The rules are the tiny
# suites of tests/unit/timing/data (real YAML); tries and matches are
# asserted exactly, milliseconds and shares by form only.
. "$(dirname "$0")/lib.sh"

D="$ROOT/tests/unit/timing/data"
R="$D/rules"
TEXT="A red day came. Then a green night. Baz baz, said Baz. Red sky at night."

# expect_err_re RE: some stderr line matches the extended regex RE (whole).
expect_err_re() {
  checks=$((checks + 1))
  grep -qxE -- "$1" "$TMP/err" || fail "stderr lacks a line like: $1"
}

# same_as_plain NAME: stdout and exit code equal those kept in plain.*
same_as_plain() {
  checks=$((checks + 1))
  cmp -s "$TMP/out" "$TMP/plain.out" || fail "$1: stdout differs with --time"
  checks=$((checks + 1))
  [ "$rc" -eq "$plain_rc" ] || fail "$1: exit $rc with --time, $plain_rc without"
}

plain() {
  run "$@"
  cp "$TMP/out" "$TMP/plain.out"
  plain_rc=$rc
}

# a rule line: id, file:line, tries, matches, then ms and a share
rule_re() {
  printf '%s +%s +%s +%s +[0-9]+\\.[0-9]{3} +[0-9]+\\.[0-9]%%' "$1" "$2" "$3" "$4"
}
esc() { printf '%s' "$1" | sed 's/[.[\*^$()+?{|]/\\&/g'; }
RE=$(esc "$R")

# ---- normalize -----------------------------------------------------------
plain normalize --no-builtin --rules "$R" --ref 2026-01-16 "$TEXT"
expect_rc 0 "normalize"
run normalize --no-builtin --rules "$R" --ref 2026-01-16 --time "$TEXT"
same_as_plain "normalize"
expect_err_re "rule +file:line +tries +matches +ms +share"
# "red day" and "green night" start like a match, "Red sky" does not
expect_err_re "$(rule_re 'tt\.colour-day' "$RE/colours\\.yaml:9" 2 1)"
expect_err_re "$(rule_re 'tt\.baz' "$RE/colours\\.yaml:13" 3 3)"
# "Baz baz" (the second baz is inside the match, "Baz." starts no match)
expect_err_re "$(rule_re 'tt\.twice' "$RE/colours\\.yaml:19" 1 1)"
expect_err_re "$(rule_re total '3 rules' 6 5)"
checks=$((checks + 1))
grep -q 'tt\.never' "$TMP/err" && fail "a rule that never ran is listed"
expect_err_re "stage +ms"
expect_err_re "rules: load and compile +[0-9]+\\.[0-9]{3}"
expect_err_re "normalizer: start-string walk +[0-9]+\\.[0-9]{3}"
expect_err_re "normalizer: pattern tries +[0-9]+\\.[0-9]{3}"
expect_err_re "output: render and write +[0-9]+\\.[0-9]{3}"
expect_err_re "wall \\(elapsed\\) +[0-9]+\\.[0-9]{3}"
# the table is aligned: every rule line as long as the header
checks=$((checks + 1))
awk '/^rule /{w=length($0); t=1; next} t && /^$/{exit}
     t && length($0) != w {bad=1} END{exit bad}' "$TMP/err" ||
  fail "rule table not aligned"
# the table comes after the output: nothing of it on stdout
checks=$((checks + 1))
grep -q 'tries' "$TMP/out" && fail "--time wrote to stdout"

# the same counts from standard input, on 1 and on 2 threads, over a text
# the stream cuts into pieces of 256 KiB and more: 6000 copies of TEXT
# between blank lines (450 KiB, two pieces)
for i in $(seq 6000); do printf '%s\n\n' "$TEXT"; done >"$TMP/long.txt"
for th in 1 2; do
  FACTCROSS_THREADS=$th run normalize --no-builtin --rules "$R" - <"$TMP/long.txt"
  cp "$TMP/out" "$TMP/plain.out"
  plain_rc=$rc
  FACTCROSS_THREADS=$th run normalize --no-builtin --rules "$R" --time - <"$TMP/long.txt"
  same_as_plain "normalize long, $th threads"
  expect_err_re "$(rule_re 'tt\.colour-day' "$RE/colours\\.yaml:9" 12000 6000)"
  expect_err_re "$(rule_re 'tt\.baz' "$RE/colours\\.yaml:13" 18000 18000)"
  expect_err_re "$(rule_re 'tt\.twice' "$RE/colours\\.yaml:19" 6000 6000)"
  expect_err_re "$(rule_re total '3 rules' 36000 30000)"
done

# an error stays the same error
plain normalize --no-builtin --rules "$R" --ref 2026-02-30 "$TEXT"
expect_rc 2 "normalize bad ref"
run normalize --no-builtin --rules "$R" --ref 2026-02-30 --time "$TEXT"
same_as_plain "normalize bad ref"

# ---- extract: claim rules too --------------------------------------------
plain extract --no-builtin --rules "$R" "$D/corpus"
expect_rc 0 "extract"
run extract --no-builtin --rules "$R" --time "$D/corpus"
same_as_plain "extract"
# six sentences: one try each, and one more after each of two matches
expect_err_re "$(rule_re 'tt\.sighting' "$RE/sightings\\.yaml:10" 8 2)"
# six prefilter tries (one matches), then two pattern tries (one matches)
expect_err_re "$(rule_re 'tt\.filtered' "$RE/sightings\\.yaml:14" 8 2)"
expect_err_re "$(rule_re 'tt\.colour-day' "$RE/colours\\.yaml:9" 3 2)"
expect_err_re "$(rule_re total '5 rules' 23 8)"
expect_err_re "claim rules +[0-9]+\\.[0-9]{3}"
expect_err_re "claim rules: pattern tries +[0-9]+\\.[0-9]{3}"

# ---- verify and check: same stdout, same exit code (1: findings) ---------
C="$ROOT/tests/corpora/one-date-changed"
plain verify "$C" --no-db --format json --output - --fail-on contradicted -q
expect_rc 1 "verify --fail-on"
run verify "$C" --no-db --format json --output - --fail-on contradicted -q --time
same_as_plain "verify"
expect_err_re "rule +file:line +tries +matches +ms +share"
expect_err_re "checks across sources +[0-9]+\\.[0-9]{3}"
expect_err_re "lexicon: entities, quotes, cues +[0-9]+\\.[0-9]{3}"

S="$ROOT/tests/corpora/summaries/wrong.md"
plain check "$S" --against "$ROOT/corpora/putin-iran-2026-01-16" --format json -q
run check "$S" --against "$ROOT/corpora/putin-iran-2026-01-16" --format json -q --time
same_as_plain "check"
expect_err_re "check DOC: its stages, verdicts +[0-9]+\\.[0-9]{3}"

# ---- not an option of the other commands ---------------------------------
run lint --time
expect_rc 2 "lint --time"
expect_err_line "factcross: error: unknown option '--time'; see 'factcross lint --help'"

finish
