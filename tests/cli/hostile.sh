#!/usr/bin/env bash
# What fuzzing found (fuzz/), through the command: each input here once
# crashed or hung factcross; now it gets a result or a clear error.
. "$(dirname "$0")/lib.sh"

# fuzz/normalize: 128 ASCII marks fill the lexicon tokenizer's form
# buffer to its last byte; the word after them was written past it.
run normalize "$(printf '!%.0s' $(seq 128))Word"
expect_rc 0 "marks then a word"
expect_no_out
checks=$((checks + 1))
[ ! -s "$TMP/err" ] || fail "marks then a word: stderr not empty"

# fuzz/rules: a check key entry that is no string was reported, then read
# as a string by the message's placeholders (a crash).
mkdir -p "$TMP/r"
cat >"$TMP/r/checks.yaml" <<'Y'
kind: checks
checks:
  - id: strike.polarity
    kind: strike
    key: [attstart: target]
    field: polarity
    message: "{attacker} struck {target}"
Y
run lint "$TMP/r"
expect_rc 2 "a check key entry that is a mapping"
expect_err_line "$TMP/r/checks.yaml:5:11: error: key must be a string, not a mapping"
expect_err_line "$TMP/r/checks.yaml:7:15: error: unknown placeholder '{attacker}' in message (a key slot, the compared field, value, values, kind, field, when, rule, status, sources, independent_sources or versions)"
rm -r "$TMP/r"

finish
