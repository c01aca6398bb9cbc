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

finish
