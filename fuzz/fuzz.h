/*
** fuzz.h: what the fuzz targets share (the fuzz targets).
**
** Each target is a libFuzzer entry point; built with -Dfuzz=true and
** clang it links libFuzzer, and always it links replay.c, which runs
** every file of a corpus folder through the entry point (the `fuzz`
** test suite replays fuzz/corpus/<name>/ that way).
*/
#ifndef FACTCROSS_FUZZ_H
#define FACTCROSS_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A fresh private folder (mkdtemp under TMPDIR), removed at exit;
** aborts when it cannot be made. */
const char *fuzz_tmpdir(void);
/* Write data[0, n) to the file path; aborts on failure. */
void fuzz_write(const char *path, const void *data, size_t n);
/* fc_diags_finish(d), printing d first when FUZZ_VERBOSE is set (to
** see what an input does: FUZZ_VERBOSE=1 fuzz/replay-X FILE). */
struct fc_diags;
void fuzz_diags_done(struct fc_diags *d);
/* The built-in rules folder of the source tree (FUZZ_RULES_DIR). */
const char *fuzz_rules_dir(void);
/* The built-in rules of the kinds (FC_KIND_*) from that folder; aborts,
** printing the diagnostics, when they do not load. */
struct fc_rules;
struct fc_rules *fuzz_builtin_rules(unsigned kinds);

#endif
