/*
** test_cache.c: the generic part of the persistent cache (core/cache.c)
** with real files in a scratch folder: a write and a read under a key,
** the temporary files killed writers leave (at most FC_CACHE_KEEP of a
** prefix after a write, however young), and the serialized codes' sizes
** checked before a decode (fc_cache_ser_ok).
*/
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "fc_test.h"
#include "core/cache_p.h"

static char tmpdir[256];

static int setup(void **state)
{
	(void)state;
	return fc_test_mkdtemp(tmpdir, sizeof(tmpdir), "fc-core-cache");
}

static int teardown(void **state)
{
	(void)state;
	return fc_test_rmtree(tmpdir);
}

/* Files of tmpdir whose names start with pre. */
static size_t count(const char *pre)
{
	DIR *dd = opendir(tmpdir);
	assert_non_null(dd);
	size_t n = 0;
	struct dirent *de;
	while ((de = readdir(dd)))
		n += !strncmp(de->d_name, pre, strlen(pre));
	closedir(dd);
	return n;
}

static void test_write_read(void **state)
{
	(void)state;
	const uint64_t key[2] = {1, 2}, other[2] = {1, 3};
	const char data[] = "payload";
	assert_true(fc_cache_write(tmpdir, "t-a.fcc", key, data, sizeof(data)));
	size_t len = 0;
	char *p = fc_cache_read(tmpdir, "t-a.fcc", key, &len);
	assert_non_null(p);
	assert_int_equal(len, sizeof(data));
	assert_memory_equal(p, data, len);
	free(p);
	assert_null(fc_cache_read(tmpdir, "t-a.fcc", other, &len));
	assert_null(fc_cache_read(tmpdir, "../t-a.fcc", key, &len));
}

/* Twenty young temporary files of killed writers: a write leaves
** FC_CACHE_KEEP of them (it left all twenty for an hour), and another
** prefix's are not touched. */
static void test_temporaries_capped(void **state)
{
	(void)state;
	char path[512];
	for (int i = 0; i < 20; i++) {
		snprintf(path, sizeof(path), "%s/.k-a.fcc.%06d", tmpdir, i);
		int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
		assert_true(fd >= 0);
		close(fd);
		snprintf(path, sizeof(path), "%s/.z-a.fcc.%06d", tmpdir, i);
		fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
		assert_true(fd >= 0);
		close(fd);
	}
	assert_int_equal(count(".k-"), 20);
	const uint64_t key[2] = {5, 6};
	assert_true(fc_cache_write(tmpdir, "k-a.fcc", key, "x", 1));
	assert_int_equal(count(".k-"), FC_CACHE_KEEP);
	assert_int_equal(count(".z-"), 20);
	assert_int_equal(count("k-"), 1);
}

static void test_ser_ok(void **state)
{
	(void)state;
	int ec;
	PCRE2_SIZE eo;
	const pcre2_code *c[2];
	c[0] = pcre2_compile((PCRE2_SPTR) "a+b", 3, 0, &ec, &eo, NULL);
	c[1] = pcre2_compile((PCRE2_SPTR) "(?<x>\\d{2,4})-y", 15, 0, &ec, &eo,
			     NULL);
	assert_non_null(c[0]);
	assert_non_null(c[1]);
	uint8_t *ser;
	PCRE2_SIZE len;
	assert_int_equal(pcre2_serialize_encode(c, 2, &ser, &len, NULL), 2);
	uint64_t size[2] = {0, 0};
	size_t s0, s1;
	pcre2_pattern_info(c[0], PCRE2_INFO_SIZE, &s0);
	pcre2_pattern_info(c[1], PCRE2_INFO_SIZE, &s1);
	size[0] = s0, size[1] = s1;
	assert_true(fc_cache_ser_ok(ser, len, size, 2));
	assert_false(fc_cache_ser_ok(ser, len, size, 1)); /* bytes left */
	assert_false(fc_cache_ser_ok(ser, len - 1, size, 2));
	size[1]++;
	assert_false(fc_cache_ser_ok(ser, len, size, 2));
	size[1]--;
	/* the block size as written, a PCRE2_SIZE, made longer than what
	** is left: refused even when the record agrees */
	const size_t at = 16 + 1088 + 5 * sizeof(void *) + 32;
	PCRE2_SIZE bs;
	memcpy(&bs, ser + at, sizeof(bs));
	assert_int_equal(bs, size[0]);
	bs += 8;
	memcpy(ser + at, &bs, sizeof(bs));
	size[0] = bs;
	assert_false(fc_cache_ser_ok(ser, len, size, 2));
	assert_false(fc_cache_ser_ok(ser, 100, size, 2));
	pcre2_serialize_free(ser);
	pcre2_code_free((pcre2_code *)c[0]);
	pcre2_code_free((pcre2_code *)c[1]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_write_read),
		cmocka_unit_test(test_temporaries_capped),
		cmocka_unit_test(test_ser_ok),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
