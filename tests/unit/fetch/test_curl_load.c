/*
** test_curl_load.c: libcurl is loaded with dlopen on the first fetch
** (src/fetch/curl_load.c). Run three ways (meson.build): with the system
** libcurl (every function found; the binary itself does not need it),
** with LD_LIBRARY_PATH naming a folder whose libcurl.so.4 is not a shared
** library, and one whose libcurl.so.4 lacks libcurl's functions: then
** fc_curl_get says why, and fc_http_fetch fails with FC_ENET (exit 3 in
** the CLI) and one diagnostic at the URL, before any network access.
*/
#include <dlfcn.h>
#include <link.h>

#include "fetch_test.h"
#include "fetch/curl_p.h"

static const char *mode = "system";

/* Is a library whose name has needle loaded into this process? */
static int find_lib(struct dl_phdr_info *info, size_t size, void *needle)
{
	(void)size;
	return info->dlpi_name && strstr(info->dlpi_name, needle) != NULL;
}

static bool is_mapped(const char *needle)
{
	return dl_iterate_phdr(find_lib, (void *)needle) != 0;
}

static void test_load(void **state)
{
	(void)state;
	/* nothing loads libcurl before the first fetch */
	assert_false(is_mapped("libcurl"));
	char why[600] = "";
	const struct fc_curl *cu = fc_curl_get(why, sizeof(why));
	if (!strcmp(mode, "system")) {
		assert_non_null(cu);
		assert_string_equal(why, "");
		assert_true(is_mapped("libcurl"));
		/* the table is filled: a round trip through the URL API */
		CURLU *u = cu->url();
		assert_non_null(u);
		assert_int_equal(cu->url_set(u, CURLUPART_URL,
					     "HTTP://Example.ORG/a/../b", 0),
				 CURLUE_OK);
		char *s = NULL;
		assert_int_equal(cu->url_get(u, CURLUPART_URL, &s, 0),
				 CURLUE_OK);
		assert_string_equal(s, "http://Example.ORG/b"); /* scheme lowered */
		cu->free(s);
		cu->url_cleanup(u);
		/* a second call gives the same table */
		assert_ptr_equal(fc_curl_get(why, sizeof(why)), cu);
		return;
	}
	assert_null(cu);
	if (!strcmp(mode, "garbage")) {
		/* dlerror: "<dir>/libcurl.so.4: file too short" or the like */
		assert_true(!strncmp(why, "cannot load libcurl: ", 21));
		assert_non_null(strstr(why, "libcurl.so.4"));
	} else {
		assert_string_equal(why, "libcurl.so.4 has no curl_global_init "
					 "(libcurl 7.85 or later is needed)");
	}
	/* the same answer again, without loading again */
	char why2[600] = "";
	assert_null(fc_curl_get(why2, sizeof(why2)));
	assert_string_equal(why2, why);
}

/* A fetch of a closed port that must fail before any transfer: FC_ENET,
** one diagnostic at the URL, saying want. */
static void assert_fetch_fails(const char *want)
{
	struct fc_fetch_opts o;
	fc_fetch_opts_init(&o);
	struct fc_http_result res;
	struct fc_diags d;
	fc_diags_init(&d);
	const char *url = "http://127.0.0.1:9/story";
	assert_int_equal(fc_http_fetch(&o, url, NULL, &res, &d), FC_ENET);
	assert_int_equal(res.error, FC_ENET);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.v[0].code, FC_ENET);
	assert_string_equal(d.v[0].loc.file, url);
	assert_string_equal(d.v[0].msg, want);
	assert_string_equal(res.error_msg, want);
	assert_null(res.body);
	fc_http_result_finish(&res);
	fc_diags_finish(&d);
}

/* A fetch without libcurl: the loader's reason. */
static void test_fetch_without(void **state)
{
	(void)state;
	char why[600];
	fc_curl_get(why, sizeof(why));
	assert_fetch_fails(why);
}

/* The value of counter name (a function of oldcurl/old_curl.c). */
static int old_curl_count(const char *name)
{
	int (*count)(void);
	void *f = dlsym(RTLD_DEFAULT, name);
	if (!f) /* (loaded RTLD_LOCAL: look in the library itself) */
		f = dlsym(dlopen("libcurl.so.4", RTLD_NOW | RTLD_NOLOAD), name);
	assert_non_null(f);
	memcpy(&count, &f, sizeof(count));
	return count();
}

/* A libcurl older than 7.85 (oldcurl/old_curl.c): it loads, but it
** cannot keep a fetch and its redirects to http and https, so the fetch
** fails before any transfer. */
static void test_fetch_old(void **state)
{
	(void)state;
	char why[600] = "";
	assert_non_null(fc_curl_get(why, sizeof(why)));
	assert_fetch_fails("libcurl cannot keep a fetch to http and https "
			   "(CURLOPT_PROTOCOLS_STR: libcurl 7.85 or later is "
			   "needed)");
	assert_int_equal(old_curl_count("old_curl_performed"), 0);
	assert_int_equal(old_curl_count("old_curl_inits"), 1);
}

/* The same library when its curl_global_init fails: no table, the
** reason, no fetch, and no second try. */
static void test_fetch_init_fails(void **state)
{
	(void)state;
	char why[600] = "";
	assert_null(fc_curl_get(why, sizeof(why)));
	assert_string_equal(why, "libcurl failed to initialise: Failed "
				 "initialization");
	assert_fetch_fails(why);
	assert_null(fc_curl_get(why, sizeof(why)));
	assert_int_equal(old_curl_count("old_curl_performed"), 0);
	assert_int_equal(old_curl_count("old_curl_inits"), 1);
}

int main(int argc, char **argv)
{
	if (argc > 1)
		mode = argv[1]; /* system, garbage, nosym, old or init */
	if (!strcmp(mode, "old")) {
		const struct CMUnitTest old[] = {
			cmocka_unit_test(test_fetch_old),
		};
		return cmocka_run_group_tests(old, NULL, NULL);
	}
	if (!strcmp(mode, "init")) {
		const struct CMUnitTest init[] = {
			cmocka_unit_test(test_fetch_init_fails),
		};
		return cmocka_run_group_tests(init, NULL, NULL);
	}
	/* with the system libcurl, a fetch is unit.fetch.http's business */
	const struct CMUnitTest found[] = {
		cmocka_unit_test(test_load),
	};
	const struct CMUnitTest missing[] = {
		cmocka_unit_test(test_load),
		cmocka_unit_test(test_fetch_without),
	};
	if (!strcmp(mode, "system"))
		return cmocka_run_group_tests(found, NULL, NULL);
	return cmocka_run_group_tests(missing, NULL, NULL);
}
