/*
** curl_load.c: libcurl loaded with dlopen on the first fetch (why:
** curl_p.h). Loaded once per process and never unloaded, as the
** dynamic loader would have done at start-up; the table of functions is
** filled once (pthread_once) and only read after.
**
** curl_global_init runs there too, once, before any handle exists:
** fetches run on several threads, and curl_easy_init's own fallback
** call of it is not safe when two threads make their first handle at
** once (libcurl's docs; it also sets up the TLS library).
*/
#include <dlfcn.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "fetch/curl_p.h"

static pthread_once_t once = PTHREAD_ONCE_INIT;
static struct fc_curl api;
static bool is_loaded;
static char load_error[512];

/* The address of name in lib, or NULL with the reason in load_error. */
static void *sym(void *lib, const char *name)
{
	void *f = dlsym(lib, name);
	if (!f && !load_error[0])
		snprintf(load_error, sizeof(load_error),
			 "%s has no %s (libcurl 7.85 or later is needed)",
			 FC_CURL_SONAME, name);
	return f;
}

/* dlsym gives a void *; POSIX guarantees it converts to the function's
** pointer type (the memcpy keeps -Wpedantic quiet). */
#define LOAD(field, name)                                                     \
	do {                                                                  \
		void *f_ = sym(lib, name);                                    \
		memcpy(&api.field, &f_, sizeof(api.field));                   \
	} while (0)

static void load(void)
{
	void *lib = dlopen(FC_CURL_SONAME, RTLD_NOW | RTLD_LOCAL);
	if (!lib) {
		const char *e = dlerror();
		snprintf(load_error, sizeof(load_error),
			 "cannot load libcurl: %s", e ? e : FC_CURL_SONAME);
		return;
	}
	LOAD(global_init, "curl_global_init");
	LOAD(easy_init, "curl_easy_init");
	LOAD(easy_setopt, "curl_easy_setopt");
	LOAD(easy_perform, "curl_easy_perform");
	LOAD(easy_getinfo, "curl_easy_getinfo");
	LOAD(easy_cleanup, "curl_easy_cleanup");
	LOAD(easy_strerror, "curl_easy_strerror");
	LOAD(slist_append, "curl_slist_append");
	LOAD(slist_free_all, "curl_slist_free_all");
	LOAD(url, "curl_url");
	LOAD(url_set, "curl_url_set");
	LOAD(url_get, "curl_url_get");
	LOAD(url_cleanup, "curl_url_cleanup");
	LOAD(url_strerror, "curl_url_strerror");
	LOAD(free, "curl_free");
	if (load_error[0]) {
		dlclose(lib);
		return;
	}
	CURLcode rc = api.global_init(CURL_GLOBAL_DEFAULT);
	if (rc != CURLE_OK) {
		/* (curl_easy_strerror needs no global init) */
		snprintf(load_error, sizeof(load_error),
			 "libcurl failed to initialise: %s",
			 api.easy_strerror(rc));
		return; /* the library stays mapped: a half-made init */
	}
	is_loaded = true;
}

const struct fc_curl *fc_curl_get(char *why, size_t cap)
{
	pthread_once(&once, load);
	if (is_loaded)
		return &api;
	if (cap)
		snprintf(why, cap, "%s", load_error);
	return NULL;
}
