#!/usr/bin/env bash
# lint: every problem of a rule file in one run, file:line:col, exit 2.
. "$(dirname "$0")/lib.sh"

run lint
expect_rc 0 "the built-in suite lints clean"

mkdir -p "$TMP/r"
cat >"$TMP/r/bad.yaml" <<'Y'
kind: claimz
Y
cat >"$TMP/r/syntax.yaml" <<'Y'
kind: checks
checks: [1, 2
Y
cat >"$TMP/r/nokind.yaml" <<'Y'
description: no kind here
Y
run lint --no-builtin "$TMP/r"
expect_rc 2 "bad rule files"
expect_err_line "$TMP/r/bad.yaml:1:7: error: unknown rule kind 'claimz' (did you mean 'claims'?)"
expect_err_line "$TMP/r/nokind.yaml:1:1: error: missing 'kind:' (one of boilerplate, checks, claims, html, independence, lexicon, normalizer)"
expect_err_line "$TMP/r/syntax.yaml:3:1: error: YAML: did not find expected ',' or ']' while parsing a flow sequence"
expect_err_line "3 errors, 0 warnings in 3 rule files"

# a table the C code reads by name: its values are checked at load, by
# lint and by every command that loads rules (never a silent change)
mkdir -p "$TMP/tw"
cat >"$TMP/tw/t.yaml" <<'Y'
kind: normalizer
tables:
  tense_word:
    frobnicate: 99
    would: banana
Y
run lint "$TMP/tw"
expect_rc 2 "tense_word values"
expect_err_line "$TMP/tw/t.yaml:4:17: error: table 'tense_word': the value '99' of 'frobnicate' must be an integer from -3 to 22"
expect_err_line "$TMP/tw/t.yaml:5:12: error: table 'tense_word': the value 'banana' of 'would' must be an integer from -3 to 22"
# the built-in table's keys and the built-in files, counted here apart
# from the loader (so that a word or a file more changes no line here)
nkeys=$(awk '/^  tense_word:/ { on = 1; next } on && /^  [^ #]/ { on = 0 }
	on && /^    [^ #]/ { n++ } END { print n }' "$ROOT/rules/normalizers/relative.yaml")
nfiles=$(find "$ROOT/rules" -name '*.yaml' | wc -l)
expect_err_line "$TMP/tw/t.yaml:3:3: warning: tense_word replaces the built-in table; $((nkeys - 1)) of its $nkeys keys are not repeated (e.g. 'slated'): copy them to extend it"
expect_err_line "2 errors, 1 warning in $((nfiles + 1)) rule files"
printf 'He would go on Friday.\n' >"$TMP/tw.txt"
run normalize --rules "$TMP/tw" --ref 2005-02-01 "$TMP/tw.txt"
expect_rc 2 "normalize with a bad tense_word value"
expect_err_line "$TMP/tw/t.yaml:5:12: error: table 'tense_word': the value 'banana' of 'would' must be an integer from -3 to 22"
expect_no_out
cat >"$TMP/tw/t.yaml" <<'Y'
kind: normalizer
tables:
  game_cue: {touchdown: 1, voted: 0, goal: yes}
  told_year_word: {from: compare, and: clause, vs: versus}
  hedge: {nearly: LESS_THAN, about: approx}
  scale: {million: 1e6, grand: "1,000"}
Y
run lint --no-builtin "$TMP/tw"
expect_rc 2 "values of four kinds"
expect_err_line "$TMP/tw/t.yaml:3:44: error: table 'game_cue': the value 'yes' of 'goal' must be 0 or 1"
expect_err_line "$TMP/tw/t.yaml:4:52: error: table 'told_year_word': the value 'versus' of 'vs' must be compare or clause"
expect_err_line "$TMP/tw/t.yaml:5:37: error: table 'hedge': the value 'approx' of 'about' must be a TIMEX3 mod (START, MID, END, APPROX, BEFORE, AFTER, ON_OR_BEFORE, ON_OR_AFTER, LESS_THAN, MORE_THAN, EQUAL_OR_LESS, EQUAL_OR_MORE)"
expect_err_line "$TMP/tw/t.yaml:6:32: error: table 'scale': the value '1,000' of 'grand' must be a number"
expect_err_line "4 errors, 0 warnings in 1 rule file"

run lint --no-builtin "$TMP/missing"
expect_rc 2 "missing rules folder"
expect_err_line "$TMP/missing: error: rules folder not found"

finish
